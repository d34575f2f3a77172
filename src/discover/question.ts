/**
 * The question discovery answers, from the command line: either a contrast between two values of a
 * swept factor, paired run by run (`engagement.lengthMonths=24:12`, outcome, above/below a
 * threshold), or a condition on one run's outcome (`finalAdoption > 0.6`). Parsing only: each
 * mistake is an InputError naming the flag, what was expected and what was given.
 */
import { InputError, listFields, nearest, plainNumber } from '../scenarios/index.js';
import { isSummaryMetric, SUMMARY_METRICS, type SummaryMetric } from '../sweep/metrics.js';

export type Comparison = '>' | '>=' | '<' | '<=';

export interface Threshold {
  readonly op: Comparison;
  readonly value: number;
}

export type Question =
  | {
      readonly kind: 'contrast';
      readonly field: string;
      /** the value whose outcome is compared … */
      readonly value: string;
      /** … with this one's: difference = outcome(value) − outcome(reference) */
      readonly reference: string;
      readonly outcome: SummaryMetric;
      readonly threshold: Threshold;
    }
  | { readonly kind: 'where'; readonly outcome: SummaryMetric; readonly threshold: Threshold };

export function holds(threshold: Threshold, x: number): boolean {
  switch (threshold.op) {
    case '>':
      return x > threshold.value;
    case '>=':
      return x >= threshold.value;
    case '<':
      return x < threshold.value;
    case '<=':
      return x <= threshold.value;
  }
}

export function parseOutcome(flag: string, text: string): SummaryMetric {
  if (isSummaryMetric(text)) return text;
  const suggestion = nearest(text, SUMMARY_METRICS);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  throw new InputError(`${flag}: unknown outcome (${hint}expected one of: ${SUMMARY_METRICS.join(', ')}), got ${JSON.stringify(text)}`);
}

/** `field=value:reference`, the field a scenario field. */
export function parseContrast(text: string): { field: string; value: string; reference: string } {
  const match = /^\s*([^=\s]+)\s*=\s*([^:\s]+)\s*:\s*([^:\s]+)\s*$/.exec(text);
  if (!match) throw new InputError(`--contrast: expected field=value:reference, e.g. engagement.lengthMonths=24:12, got ${JSON.stringify(text)}`);
  const [, field, value, reference] = match;
  const fields = listFields().map((info) => info.path);
  if (!fields.includes(field)) {
    const suggestion = nearest(field, fields);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    throw new InputError(`--contrast: ${field}: unknown field${hint}, expected a scenario field (concentric fields lists them), got ${JSON.stringify(text)}`);
  }
  if (value === reference) throw new InputError(`--contrast: expected two different values of ${field}, got ${JSON.stringify(text)}`);
  return { field, value, reference };
}

/** `outcome op number`, e.g. `finalAdoption > 0.6`. */
export function parseWhere(text: string): { outcome: SummaryMetric; threshold: Threshold } {
  const match = /^\s*([A-Za-z][A-Za-z0-9]*)\s*(>=|<=|>|<)\s*(\S+)\s*$/.exec(text);
  const value = match ? (plainNumber(match[3]) ?? NaN) : NaN;
  if (!match || !Number.isFinite(value)) {
    throw new InputError(`--where: expected "<outcome> <op> <number>" with op one of >, >=, <, <= (e.g. "finalAdoption > 0.6"), got ${JSON.stringify(text)}`);
  }
  return { outcome: parseOutcome('--where', match[1]), threshold: { op: match[2] as Comparison, value } };
}

export interface QuestionFlags {
  readonly contrast?: string;
  readonly outcome?: string;
  readonly above?: number;
  readonly below?: number;
  readonly where?: string;
}

/** The question from the flags: --contrast with --outcome and one of --above/--below, or --where alone. */
export function questionFrom(flags: QuestionFlags): Question {
  const usage = 'expected --contrast field=value:reference --outcome <outcome> with --above <x> or --below <x>, or --where "<outcome> <op> <number>"';
  if (flags.where !== undefined) {
    const extra = (['contrast', 'outcome', 'above', 'below'] as const).filter((flag) => flags[flag] !== undefined);
    if (extra.length > 0) throw new InputError(`--where: ${usage}, got --where with ${extra.map((flag) => `--${flag}`).join(', ')}`);
    return { kind: 'where', ...parseWhere(flags.where) };
  }
  if (flags.contrast === undefined) {
    const given = (['outcome', 'above', 'below'] as const).filter((flag) => flags[flag] !== undefined);
    throw new InputError(`discover: ${usage}, got ${given.length > 0 ? given.map((flag) => `--${flag}`).join(', ') + ' alone' : 'neither'}`);
  }
  const contrast = parseContrast(flags.contrast);
  if (flags.outcome === undefined) throw new InputError(`--contrast: ${usage}, got no --outcome`);
  const outcome = parseOutcome('--outcome', flags.outcome);
  if ((flags.above === undefined) === (flags.below === undefined)) {
    throw new InputError(`--contrast: ${usage}, got ${flags.above === undefined ? 'neither --above nor --below' : 'both --above and --below'}`);
  }
  const threshold: Threshold = flags.above !== undefined ? { op: '>', value: flags.above } : { op: '<', value: flags.below as number };
  return { kind: 'contrast', ...contrast, outcome, threshold };
}
