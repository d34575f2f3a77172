/**
 * Scores for predictions checked against held-out data (the kfp-holdout case): the continuous
 * ranked probability score of a sample against an observation, sample quantiles and the central
 * interval's coverage, a percentile bootstrap over clusters, and the AUC of a risk score within
 * strata (cases against controls of the same stratum only). Pure functions over plain arrays.
 */
import { RandomStream } from '../sim/index.js';
import { quantileOfSorted } from '../stats/index.js';

/** A sorted copy (ascending). */
export function sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Quantile of sorted values, linear between order statistics (type 7, as R's default): src/stats'. */
export const quantileSorted = quantileOfSorted;

/**
 * CRPS of the sample's empirical distribution against y (Gneiting & Raftery 2007, *JASA* 102:359):
 * E|X − y| − ½ E|X − X′|, X, X′ independent draws from the sample. `xs` sorted ascending.
 * Lower is better; for a point forecast it is the absolute error.
 */
export function crps(xs: Float64Array, y: number): number {
  const m = xs.length;
  let toObservation = 0;
  let spread = 0;
  for (let i = 0; i < m; i++) {
    toObservation += Math.abs(xs[i] - y);
    // Σ_{i<j} (x_j − x_i) = Σ_i x_i (2i − m + 1) over the sorted sample.
    spread += xs[i] * (2 * i - m + 1);
  }
  return toObservation / m - spread / (m * m);
}

/** Whether y lies in the central `level` interval of the sorted sample (ends included). */
export function covers(xs: Float64Array, y: number, level = 0.9): boolean {
  const tail = (1 - level) / 2;
  return y >= quantileSorted(xs, tail) && y <= quantileSorted(xs, 1 - tail);
}

/**
 * Percentile bootstrap interval of the mean over clusters: each resample draws as many clusters
 * as there are, with replacement, and averages all their values (clusters of equal size weigh
 * alike). `clusters[c]` = the values of cluster c.
 */
export function clusterBootstrap(clusters: readonly (readonly number[])[], resamples: number, seed: string, level = 0.9): { mean: number; low: number; high: number } {
  const rng = new RandomStream(seed);
  const meanOf = (picks: readonly number[]): number => {
    let sum = 0;
    let count = 0;
    for (const c of picks) {
      for (const v of clusters[c]) sum += v;
      count += clusters[c].length;
    }
    return sum / count;
  };
  const all = clusters.map((_, c) => c);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) means[r] = meanOf(all.map(() => rng.below(clusters.length)));
  means.sort();
  const tail = (1 - level) / 2;
  return { mean: meanOf(all), low: quantileSorted(means, tail), high: quantileSorted(means, 1 - tail) };
}

/** One stratum: the scores of its cases (events) and of its controls. */
export interface Stratum {
  readonly cases: readonly number[];
  readonly controls: readonly number[];
}

/**
 * AUC within strata: over every (case, control) pair of the same stratum, the share where the
 * case scores higher, ties counted ½ — the stratified concordance. Strata without a case or a
 * control add no pairs.
 */
export function stratifiedAuc(strata: readonly Stratum[]): { auc: number; pairs: number } {
  let wins = 0;
  let pairs = 0;
  for (const { cases, controls } of strata) {
    for (const a of cases) {
      for (const b of controls) {
        wins += a > b ? 1 : a === b ? 0.5 : 0;
      }
    }
    pairs += cases.length * controls.length;
  }
  return { auc: pairs > 0 ? wins / pairs : NaN, pairs };
}
