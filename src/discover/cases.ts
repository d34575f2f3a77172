/**
 * From a finished sweep to PRIM's input: one case per run (`--where`) or per pair of runs that
 * differ only in the contrasted factor (same replicate, same values of every other factor), the
 * factors left to explain it as dimensions, and which cases are of interest.
 */
import { InputError } from '../scenarios/index.js';
import type { FactorValue, FinishedRun, Manifest } from '../sweep/types.js';
import type { SummaryMetric } from '../sweep/metrics.js';
import type { Dimension, Level } from './box.js';
import { holds, type Question } from './question.js';

export interface Cases {
  readonly dimensions: readonly Dimension[];
  /** 1 = a case of interest */
  readonly interest: Uint8Array;
  /** the outcome (or the contrast's difference) per case */
  readonly outcome: Float64Array;
  /** runs or pairs left out because the outcome is undefined for them (e.g. no adopters) */
  readonly dropped: number;
  /** swept factors left out because every case has the same value */
  readonly constant: readonly string[];
}

/** Where the results came from, for messages: the manifest's path. */
export interface SweepResults {
  readonly manifestPath: string;
  readonly manifest: Manifest;
  readonly runs: readonly FinishedRun[];
}

const CENSORED_TIMES: readonly SummaryMetric[] = ['timeTo25', 'timeTo50', 'timeTo75'];

/** A run's outcome; a time never reached counts as the horizon + 1 month (as the report does). */
function outcomeOf(run: FinishedRun, outcome: SummaryMetric, manifest: Manifest): number | null {
  const value = run.summary[outcome];
  if (value !== null) return value;
  if (!CENSORED_TIMES.includes(outcome)) return null;
  const horizon = run.params.months;
  return (typeof horizon === 'number' ? horizon : manifest.scenario.months) + 1;
}

function matches(value: FactorValue, text: string): boolean {
  return String(value) === text || (typeof value === 'number' && text.trim() !== '' && Number(text) === value);
}

/** The swept values for a message; a sampled (continuous) factor has too many to list. */
function valueList(values: readonly FactorValue[]): string {
  if (values.length <= 8) return values.map(String).join(', ');
  return `${values.slice(0, 3).map(String).join(', ')}, …, ${String(values[values.length - 1])}: ${values.length} values — a contrast needs a factor swept at a few values, on a grid`;
}

export function buildCases(results: SweepResults, question: Question): Cases {
  const { manifest, manifestPath, runs } = results;
  const factors = Object.keys(manifest.sweep.factors);
  let explained: string[];
  let rows: { params: Readonly<Record<string, FactorValue>>; outcome: number }[] = [];
  let dropped = 0;

  if (question.kind === 'contrast') {
    const { field } = question;
    if (!factors.includes(field)) {
      throw new InputError(`${manifestPath}: sweep.factors: expected ${field} among the swept factors (${factors.join(', ') || 'none'}), got no such factor`);
    }
    const swept = [...new Set(runs.map((run) => run.params[field]))].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
    for (const text of [question.value, question.reference]) {
      if (!swept.some((value) => matches(value, text))) {
        throw new InputError(`--contrast: ${field}=${text}: expected one of the values in ${manifestPath} (${valueList(swept)}), got ${text}`);
      }
    }
    explained = factors.filter((factor) => factor !== field);
    if (explained.length === 0) {
      throw new InputError(`${manifestPath}: sweep.factors: expected a factor besides ${field} to find conditions over, got only ${field}`);
    }
    const pairs = new Map<string, { value?: FinishedRun; reference?: FinishedRun }>();
    for (const run of runs) {
      const side = matches(run.params[field], question.value) ? 'value' : matches(run.params[field], question.reference) ? 'reference' : undefined;
      if (side === undefined) continue;
      const key = `${run.replicate}|${JSON.stringify(explained.map((factor) => run.params[factor]))}`;
      const pair = pairs.get(key) ?? {};
      pair[side] ??= run;
      pairs.set(key, pair);
    }
    for (const pair of pairs.values()) {
      if (!pair.value || !pair.reference) continue;
      const a = outcomeOf(pair.value, question.outcome, manifest);
      const b = outcomeOf(pair.reference, question.outcome, manifest);
      if (a === null || b === null) dropped++;
      else rows.push({ params: pair.value.params, outcome: a - b });
    }
    if (rows.length === 0 && dropped === 0) {
      throw new InputError(
        `${manifestPath}: expected pairs of runs that differ only in ${field} (${question.value} and ${question.reference}, same replicate and other factors — a grid over ${field}), got none`,
      );
    }
  } else {
    explained = factors;
    if (explained.length === 0) throw new InputError(`${manifestPath}: sweep.factors: expected at least one swept factor to find conditions over, got none`);
    for (const run of runs) {
      const value = outcomeOf(run, question.outcome, manifest);
      if (value === null) dropped++;
      else rows.push({ params: run.params, outcome: value });
    }
  }
  if (rows.length === 0) throw new InputError(`${manifestPath}: expected runs with a defined ${question.outcome}, got none (${dropped} without one)`);

  const dimensions: Dimension[] = [];
  const constant: string[] = [];
  for (const factor of explained) {
    const values = rows.map((row) => row.params[factor]);
    if (new Set(values).size < 2) {
      constant.push(factor);
      continue;
    }
    if (values.every((value) => typeof value === 'number')) {
      dimensions.push({ name: factor, kind: 'numeric', values: Float64Array.from(values as number[]) });
      continue;
    }
    // Levels in the order the sweep lists them, then any others in order of appearance.
    const levels: Level[] = [];
    for (const value of [...(manifest.sweep.factors[factor] ?? []), ...values]) if (!levels.includes(value)) levels.push(value);
    dimensions.push({ name: factor, kind: 'categorical', levels, codes: Int32Array.from(values, (value) => levels.indexOf(value)) });
  }
  if (dimensions.length === 0) {
    throw new InputError(`${manifestPath}: expected a factor that varies across the cases to find conditions over, got only constant ones (${constant.join(', ')})`);
  }
  const outcome = Float64Array.from(rows, (row) => row.outcome);
  const interest = Uint8Array.from(outcome, (value) => (holds(question.threshold, value) ? 1 : 0));
  return { dimensions, interest, outcome, dropped, constant };
}
