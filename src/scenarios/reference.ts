/**
 * The parameter reference generated from the schema: one row per field with the foundation
 * value, valid range, unit, source (or "assumption" with the range to explore) and meaning.
 * docs/MODEL.md embeds the Markdown form; a test keeps the two identical.
 */
import { listFields } from './introspect.js';
import type { Scenario } from './schema.js';

export interface FieldRow {
  readonly path: string;
  readonly value: string;
  readonly valid: string;
  readonly unit: string;
  readonly basis: string;
  readonly meaning: string;
}

function valueAt(scenario: Scenario, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
}

export function fieldRows(scenario: Scenario, onlyAssumptions = false): FieldRow[] {
  return listFields()
    .filter((field) => !onlyAssumptions || field.meta.assumption)
    .map(({ path, meta }) => ({
      path,
      value: JSON.stringify(valueAt(scenario, path)) ?? '—',
      valid: meta.choices ? meta.choices.join(' | ') : meta.min !== undefined ? `${meta.min}–${meta.max}` : '',
      unit: meta.unit,
      basis: meta.assumption
        ? `assumption; explore ${meta.explore ? `${meta.explore[0]}–${meta.explore[1]}` : 'its valid range'}${meta.source ? ` (${meta.source})` : ''}`
        : (meta.source ?? ''),
      meaning: meta.help,
    }));
}

export function fieldsMarkdown(scenario: Scenario): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '| field | foundation | valid | unit | source or assumption | meaning |',
    '|---|---|---|---|---|---|',
    ...fieldRows(scenario).map(
      (row) => `| \`${row.path}\` | ${row.value} | ${escape(row.valid)} | ${escape(row.unit)} | ${escape(row.basis)} | ${escape(row.meaning)} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}
