/**
 * Validating scenarios: a raw mapping against the schema and the cross-field checks, one field
 * on its own, a `--set` override, and a built-in or file through a ScenarioSource — with located
 * one-line errors (file:line:col: field: expected …, got …). No file system: the caller hands in
 * where texts come from.
 */
import { parse as parseYamlValue } from 'yaml';
import type { z } from 'zod';
import { checkConsistency } from './consistency.js';
import { noEffectReason } from './effect.js';
import { plainNumberTags } from './numbers.js';
import { describeValue, InputError } from './errors.js';
import { keysAt, metaOf, nearest, schemaAt } from './introspect.js';
import { locate, readChain, type Layer, type ScenarioSource } from './layers.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { setPath } from './values.js';

type Mapping = Record<string, unknown>;

export interface LoadOptions {
  /** `path=value` strings, applied after the file, validated like it. */
  readonly overrides?: readonly string[];
}

function expectation(schema: z.ZodType | undefined): string | undefined {
  const meta = schema ? metaOf(schema) : undefined;
  if (!meta) return undefined;
  if (meta.choices) return `one of ${meta.choices.join(' | ')}`;
  if (meta.unit === 'true/false') return 'true or false';
  if (meta.unit.startsWith('[low, high]')) {
    return `a pair [low, high] with low ≤ high, each between ${meta.min} and ${meta.max} (${meta.unit.slice(12)})`;
  }
  if (meta.unit.startsWith('list of ')) {
    return `a list such as [6, 18] of ${meta.minItems ?? 1} or more numbers between ${meta.min} and ${meta.max} (${meta.unit.slice(8)})`;
  }
  const kind = meta.integer ? 'a whole number' : 'a number';
  return `${kind} between ${meta.min} and ${meta.max} (${meta.unit})`;
}

/** zod's "Invalid input: expected string, received number" → "a string" (we say what was given ourselves). */
function plainExpectation(message: string): string {
  const text = message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
  const kind = /^expected (\w+)$/.exec(text);
  if (!kind) return text;
  return kind[1] === 'string' ? 'a text (string)' : `a${/^[aeiou]/.test(kind[1]) ? 'n' : ''} ${kind[1]}`;
}

function formatIssue(issue: z.core.$ZodIssue, where: string): string {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const field = path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const valid = keysAt(path) ?? [];
    const suggestion = nearest(key, valid);
    const fullPath = [...path, key].join('.');
    const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
    return `${where}: ${fullPath}: unknown field (${hint}expected one of: ${valid.join(', ')}), got ${describeValue(key)}`;
  }
  const input = (issue as { input?: unknown }).input;
  const given = describeValue(input);
  // A range pair reports the element; describe the pair as a whole.
  const pairParent = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  const section = keysAt(path);
  const expected =
    expectation(schemaAt(path)) ??
    expectation(schemaAt(pairParent)) ??
    (section ? `a mapping of ${field} fields (${section.join(', ')})` : plainExpectation(issue.message));
  if (issue.code === 'custom') return `${where}: ${field}: expected ${expected} (${issue.message}), got ${given}`;
  // A misspelt choice gets the nearest valid value, like a misspelt key.
  const choices = schemaAt(path) ? metaOf(schemaAt(path)!)?.choices : undefined;
  const suggestion = choices && typeof input === 'string' ? nearest(input, choices) : undefined;
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `${where}: ${field}: expected ${expected}${hint}, got ${given}`;
}

export function parseOverride(text: string): { path: string[]; value: unknown } {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new InputError(`--set ${text}: expected path=value (e.g. engagement.lengthMonths=18), got ${JSON.stringify(text)}`);
  const path = text.slice(0, equals).trim().split('.');
  const valueText = text.slice(equals + 1).trim();
  let value: unknown;
  try {
    value = parseYamlValue(valueText, { customTags: plainNumberTags });
  } catch {
    value = valueText;
  }
  // Check the path exists before validation, so a typo gets "did you mean".
  for (let depth = 0; depth < path.length; depth++) {
    const keys = keysAt(path.slice(0, depth));
    if (!keys) {
      const leaf = path.slice(0, depth).join('.');
      throw new InputError(`--set ${text}: ${leaf}: expected ${leaf}=value (${leaf} is a single value, not a mapping), got ${JSON.stringify(path.join('.'))}`);
    }
    if (!keys.includes(path[depth])) {
      const prefix = path.slice(0, depth + 1).join('.');
      const suggestion = nearest(path[depth], keys);
      const hint = suggestion ? `did you mean "${[...path.slice(0, depth), suggestion].join('.')}"? ` : '';
      throw new InputError(`--set ${text}: ${prefix}: unknown field (${hint}expected one of: ${keys.join(', ')})`);
    }
  }
  // Check the value on its own now: a later --set of the same field must not hide a bad one.
  validateFieldValue(path, value, `--set ${text}`);
  return { path, value };
}

/**
 * Check one field's value against its schema alone (no cross-field checks), with the message
 * validateScenario would give; `where` locates it. Much cheaper than validating a whole scenario.
 */
export function validateFieldValue(path: readonly string[], value: unknown, where: string): void {
  const checked = schemaAt(path)?.safeParse(value, { reportInput: true });
  if (checked && !checked.success) {
    const issue = checked.error.issues[0];
    throw new InputError(formatIssue({ ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue, where));
  }
}

export interface ValidateOptions {
  /**
   * Also run the cross-field checks (consistency.ts). On for what a user writes; off where a
   * command derives design points on purpose (staffing crosses headcounts below the co-leads
   * needed, to show they engage nobody) and in workers, which run points already checked.
   */
  readonly crossField?: boolean;
}

/** Validate a raw mapping; `where` locates a failing field (e.g. by file layers). */
export function validateScenario(
  raw: Mapping,
  where: (path: readonly (string | number)[], atKey: boolean) => string = () => '<scenario>',
  options: ValidateOptions = {},
): Scenario {
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (result.success) {
    const problem = options.crossField === false ? undefined : checkConsistency(result.data);
    if (!problem) return result.data;
    throw new InputError(`${where(problem.path, false)}: ${problem.path.join('.')}: expected ${problem.expected}, got ${problem.given}`);
  }
  const issue = result.error.issues[0];
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const unknownKey = issue.code === 'unrecognized_keys';
  throw new InputError(formatIssue(issue, where(unknownKey ? [...path, issue.keys[0]] : path, unknownKey)));
}

/**
 * A built-in name or file read through `source`, its `extends:` chain followed, overrides
 * applied, validated. `locateField` places a later message (a real organization's files) in the
 * file that set the field.
 */
export function composeScenario(
  source: ScenarioSource,
  ref: string,
  context: string,
  options: LoadOptions = {},
): { scenario: Scenario; path: string; locateField: (path: readonly string[]) => string } {
  const { path, label } = source.resolve(ref, undefined, context);
  const layers: Layer[] = [];
  const raw = readChain(source, path, label, layers);
  if (raw.name === undefined) raw.name = source.nameOf(path).replace(/\.(ya?ml|json)$/i, '');
  const overridden = new Map<string, string>();
  for (const text of options.overrides ?? []) {
    const { path: fieldPath, value } = parseOverride(text);
    setPath(raw, fieldPath, value);
    overridden.set(fieldPath.join('.'), text);
  }
  const scenario = validateScenario(raw, (fieldPath, atKey) => {
    for (let depth = fieldPath.length; depth > 0; depth--) {
      const set = overridden.get(fieldPath.slice(0, depth).join('.'));
      if (set !== undefined) return `--set ${set}`;
    }
    return locate(layers, fieldPath, atKey);
  });
  // An override that cannot change the run (meanDegree on the organization network, units on a
  // file organization) would be a silent no-op: refused with the reason (effect.ts).
  for (const [fieldPath, text] of overridden) {
    const reason = noEffectReason(fieldPath, [scenario.organization.network]);
    if (reason) throw new InputError(`--set ${text}: ${fieldPath}: expected a field that changes the run, got one that does not: ${reason}`);
  }
  return { scenario, path, locateField: (fieldPath) => locate(layers, fieldPath) };
}

/** Resolve a scenario from an already-parsed object (sweeps, workers, tests). */
export function scenarioFromObject(raw: Mapping, label = '<scenario>', options: ValidateOptions = {}): Scenario {
  return validateScenario(raw, () => label, options);
}
