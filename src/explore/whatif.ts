/**
 * Policy A against policy B on common seeds: the report's own comparison (src/report/comparison.ts
 * — paired bootstrap-t, TOST, its verdict words with ±margin) over the runs so far, and the
 * adoption curves' bands. Pure: the page calls it as runs arrive, a test calls it on CLI runs.
 */
import type { RunResult } from '../sim/index.js';
import { compare } from '../report/comparison.js';
import { OUTCOMES, type OutcomeKey } from '../report/outcomes.js';
import type { Comparison, LengthGroup } from '../report/model.js';
import type { FinishedRun } from '../sweep/types.js';
import { DEFAULT_RESAMPLES, quantileOfSorted } from '../stats/index.js';

/** The report's default equivalence margin (src/report/analysis.ts DEFAULT_MARGIN_PP). */
export const MARGIN_PP = 5;

export interface PairedRuns {
  /** run i of each policy used seed i of the master seed (common random numbers) */
  readonly a: readonly (RunResult | undefined)[];
  readonly b: readonly (RunResult | undefined)[];
  readonly aLength: number;
  readonly bLength: number;
  readonly masterSeed: number;
}

function asFinished(result: RunResult, replicate: number): FinishedRun {
  return { id: replicate, point: 0, replicate, seed: result.seed, status: 'ok', params: {}, summary: result.summary, series: result.series } as FinishedRun;
}

/** Replicates both policies have finished, in replicate order (pairs only). */
export function completePairs(runs: PairedRuns): number[] {
  const done: number[] = [];
  for (let i = 0; i < Math.min(runs.a.length, runs.b.length); i++) if (runs.a[i] && runs.b[i]) done.push(i);
  return done;
}

/**
 * B against A for one outcome, exactly as `concentric compare` compares a length with its
 * reference (same bootstrap seed text when A and B differ in length only), or null with < 2 pairs.
 */
export function pairedComparison(runs: PairedRuns, key: OutcomeKey = 'finalAdoption', resamples = DEFAULT_RESAMPLES): Comparison | null {
  const pairs = completePairs(runs);
  if (pairs.length < 2) return null;
  const reference: LengthGroup = { length: runs.aLength, runs: pairs.map((i) => asFinished(runs.a[i]!, i)) };
  const group: LengthGroup = { length: runs.bLength, runs: pairs.map((i) => asFinished(runs.b[i]!, i)) };
  const months = runs.a[pairs[0]]!.months;
  return compare({
    outcome: OUTCOMES[key],
    group,
    reference,
    paired: true,
    marginFraction: MARGIN_PP / 100,
    months,
    seed: `${runs.masterSeed}:${key}:${runs.bLength}:${runs.aLength}`,
    resamples,
  });
}

export interface BandRow {
  readonly policy: 'A' | 'B';
  readonly month: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** Share applying by month: mean and the 10–90 % band across runs, per policy (percent). */
export function adoptionBands(runs: PairedRuns): BandRow[] {
  const rows: BandRow[] = [];
  for (const [policy, list] of [['A', runs.a], ['B', runs.b]] as const) {
    const done = list.filter((r): r is RunResult => r !== undefined);
    if (done.length === 0) continue;
    const months = done[0].series.month;
    for (let m = 0; m < months.length; m++) {
      const values = done.map((r) => r.series.adoption[m] * 100).sort((x, y) => x - y);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      rows.push({ policy, month: months[m], mean, low: quantileOfSorted(values, 0.1), high: quantileOfSorted(values, 0.9) });
    }
  }
  return rows;
}
