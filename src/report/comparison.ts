/**
 * One comparison of engagement lengths: the runs of one length against the reference's, paired by
 * replicate (and the other factors' values) under common random numbers, else unpaired; the
 * bootstrap-t difference, TOST verdict, Hedges' g and the verdict in words. Used by the main
 * comparison (analysis.ts) and by "Does it hold?" (robustness.ts).
 */
import { LENGTH_FIELD } from '../scenarios/browser.js'; // browser-safe: the explorer bundles this module
import type { FinishedRun } from '../sweep/types.js';
import { message, verdictWords } from './messages.js';
import type { Comparison, LengthGroup } from './model.js';
import { marginFor, outcomeValue, type Outcome } from './outcomes.js';
import { equivalenceTest, hedgesG, mean as meanOf, pairedBootstrap, unpairedBootstrap } from '../stats/index.js';

export function runMonths(run: FinishedRun): number {
  return run.series.month[run.series.month.length - 1];
}

function lengthOf(run: FinishedRun, fallback: number): number {
  const value = run.params[LENGTH_FIELD];
  return typeof value === 'number' ? value : fallback;
}

/** The key that pairs runs across lengths: the other factors' values and the replicate. */
function pairKey(run: FinishedRun): string {
  const others = Object.keys(run.params)
    .filter((name) => name !== LENGTH_FIELD)
    .sort()
    .map((name) => `${name}=${String(run.params[name])}`);
  return `${others.join('&')}#${run.replicate}`;
}

export interface CompareInput {
  readonly outcome: Outcome;
  readonly group: LengthGroup;
  readonly reference: LengthGroup;
  readonly paired: boolean;
  readonly marginFraction: number;
  readonly months: number;
  readonly seed: string;
  readonly resamples: number;
}

/** One outcome, one length against the reference: paired bootstrap-t (or unpaired), TOST, Hedges' g, words. */
export function compare(input: CompareInput): Comparison {
  const { outcome, group, reference, marginFraction, months } = input;
  const margin = marginFor(outcome, marginFraction, months);
  const valuesOf = (runs: readonly FinishedRun[]) => runs.map((run) => outcomeValue(run, outcome, runMonths(run)));
  const x = valuesOf(group.runs);
  const y = valuesOf(reference.runs);
  const censoredShare = (values: readonly { censored: boolean }[]) => values.filter((v) => v.censored).length / values.length;
  const censoredLength = censoredShare(x);
  const censoredReference = censoredShare(y);
  const xs = x.map((v) => v.value);
  const ys = y.map((v) => v.value);

  // Pair by (other factors, replicate) when the seeds were common; fall back to unpaired otherwise.
  let pairs: [number, number][] = [];
  if (input.paired) {
    const byKey = new Map(reference.runs.map((run, i) => [pairKey(run), { run, value: ys[i] }]));
    group.runs.forEach((run, i) => {
      const match = byKey.get(pairKey(run));
      if (match && match.run.seed === run.seed) pairs.push([xs[i], match.value]);
    });
    if (pairs.length < 2) pairs = [];
  }
  const paired = pairs.length >= 2;
  const options = { seed: input.seed, resamples: input.resamples };
  const result = paired
    ? pairedBootstrap(pairs.map((p) => p[0]), pairs.map((p) => p[1]), options)
    : unpairedBootstrap(xs, ys, options);
  const test = equivalenceTest(result, margin);
  const tooFew = xs.length < 2 || ys.length < 2;
  const tooCensored = censoredLength > 0.5 || censoredReference > 0.5;
  const verdict = tooFew || tooCensored ? 'not-assessed' : test.verdict;
  const base = {
    outcome: outcome.key,
    length: group.length,
    reference: reference.length,
    paired,
    n: result.n,
    nReference: result.nReference,
    meanLength: meanOf(xs),
    meanReference: meanOf(ys),
    estimate: test.estimate,
    ci95: test.ci95,
    ci90: test.ci90,
    margin,
    p: test.p,
    verdict,
    beyondMargin: test.beyondMargin,
    replicatesNeeded: test.replicatesNeeded,
    effectSize: hedgesG(xs, ys),
    censoredLength,
    censoredReference,
  } as const;
  const reason = tooFew ? message.tooFewRuns() : tooCensored ? message.mostlyCensored(months) : null;
  return { ...base, words: verdictWords(outcome, base, reason) };
}

/** Runs grouped by engagement length (`fallback` when the length was not a factor), shortest first. */
export function groupByLength(runs: readonly FinishedRun[], fallback: number): LengthGroup[] {
  const byLength = new Map<number, FinishedRun[]>();
  for (const run of runs) {
    const length = lengthOf(run, fallback);
    const list = byLength.get(length) ?? [];
    list.push(run);
    byLength.set(length, list);
  }
  return [...byLength.keys()].sort((a, b) => a - b).map((length) => ({ length, runs: byLength.get(length)! }));
}

