/**
 * Studentized (bootstrap-t) resampling of a difference in means, paired or unpaired.
 *
 *   paired:   d = x − y per pair; estimate = mean(d), se = sd(d)/√n; resample the pairs
 *   unpaired: estimate = mean(x) − mean(y), se = √(var x/nx + var y/ny) (Welch); resample each group
 *
 * Each resample gives t* = (estimate* − estimate)/se*. The (1 − α) interval is
 * [estimate − q(1 − α/2)·se, estimate − q(α/2)·se], q the quantiles of t*. The bootstrap-t keeps
 * close to nominal coverage for a mean at the replicate counts a sweep uses (percentile
 * intervals run narrow there), and the same t* distribution gives the TOST p-values.
 */
import { mean, quantileOfSorted, variance } from './describe.js';
import { randomIndex, seededUniform, type Uniform } from './random.js';

export const DEFAULT_RESAMPLES = 4000;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface BootstrapDifference {
  readonly paired: boolean;
  /** sizes: pairs (paired) or the two groups (unpaired) */
  readonly n: number;
  readonly nReference: number;
  readonly estimate: number;
  readonly se: number;
  /** ascending t* values (may hold ±Infinity when a resample has no spread but a shifted mean) */
  readonly tStar: Float64Array;
}

export interface BootstrapOptions {
  readonly resamples?: number;
  /** seed text of the resampling stream */
  readonly seed: string;
}

/** t* for one resample; a resample without spread counts as 0 (same mean) or ±∞ (shifted mean). */
function studentize(estimateStar: number, seStar: number, estimate: number): number {
  const shift = estimateStar - estimate;
  if (seStar > 0) return shift / seStar;
  if (Math.abs(shift) < 1e-12) return 0;
  return shift > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
}

/** Difference mean(x) − mean(y) over pairs (x[i], y[i]). */
export function pairedBootstrap(x: readonly number[], y: readonly number[], options: BootstrapOptions): BootstrapDifference {
  if (x.length !== y.length) throw new RangeError(`paired samples differ in length: ${x.length} vs ${y.length}`);
  const d = x.map((value, i) => value - y[i]);
  const n = d.length;
  const estimate = mean(d);
  const se = Math.sqrt(variance(d, estimate) / n);
  const uniform = seededUniform(options.seed);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const tStar = new Float64Array(resamples);
  const sample = new Float64Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = d[randomIndex(uniform, n)];
    const m = mean(sample);
    tStar[b] = studentize(m, Math.sqrt(variance(sample, m) / n), estimate);
  }
  tStar.sort();
  return { paired: true, n, nReference: n, estimate, se, tStar };
}

function resampleMoments(values: readonly number[], uniform: Uniform, sample: Float64Array): [number, number] {
  const n = values.length;
  for (let i = 0; i < n; i++) sample[i] = values[randomIndex(uniform, n)];
  const m = mean(sample);
  return [m, variance(sample, m)];
}

/** Difference mean(x) − mean(y) between independent groups. */
export function unpairedBootstrap(x: readonly number[], y: readonly number[], options: BootstrapOptions): BootstrapDifference {
  const mx = mean(x);
  const my = mean(y);
  const estimate = mx - my;
  const se = Math.sqrt(variance(x, mx) / x.length + variance(y, my) / y.length);
  const uniform = seededUniform(options.seed);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const tStar = new Float64Array(resamples);
  const sx = new Float64Array(x.length);
  const sy = new Float64Array(y.length);
  for (let b = 0; b < resamples; b++) {
    const [bx, vx] = resampleMoments(x, uniform, sx);
    const [by, vy] = resampleMoments(y, uniform, sy);
    tStar[b] = studentize(bx - by, Math.sqrt(vx / x.length + vy / y.length), estimate);
  }
  tStar.sort();
  return { paired: false, n: x.length, nReference: y.length, estimate, se, tStar };
}

/** An interval that cannot be stated: too few runs (or pairs), or too little spread, to say. */
export const UNDETERMINED: Interval = Object.freeze({ low: Number.NaN, high: Number.NaN });

/** Whether an interval can be printed as numbers: both ends finite and holding its estimate. */
export function isDetermined(interval: Interval, estimate: number): boolean {
  return Number.isFinite(interval.low) && Number.isFinite(interval.high) && interval.low <= estimate && estimate <= interval.high;
}

/**
 * The two-sided (level) interval, e.g. level 0.95. With se = 0 the interval is the estimate.
 * UNDETERMINED (NaN ends) when it cannot be stated honestly: an estimate that is not a number, a
 * bound that is not finite (a few pairs whose resamples have no spread put ±∞ among the t*), or
 * an interval that does not hold its own estimate. Every verdict then reads it as "not shown":
 * NaN compares false, so it is neither equivalent nor different.
 */
export function confidenceInterval(result: BootstrapDifference, level: number): Interval {
  const { estimate, se, tStar } = result;
  // One pair (or a group of one) has no spread to learn from: se 0 would claim certainty.
  if (!Number.isFinite(estimate) || !Number.isFinite(se) || result.n < 2 || result.nReference < 2) return UNDETERMINED;
  if (se === 0) return { low: estimate, high: estimate };
  const alpha = 1 - level;
  const interval = {
    low: estimate - quantileOfSorted(tStar, 1 - alpha / 2) * se,
    high: estimate - quantileOfSorted(tStar, alpha / 2) * se,
  };
  return isDetermined(interval, estimate) ? interval : UNDETERMINED;
}

/** Share of t* at or above (or at or below) a value, with the usual +1 smoothing. */
export function tailShare(tStar: Float64Array, value: number, side: 'upper' | 'lower'): number {
  let count = 0;
  for (const t of tStar) if (side === 'upper' ? t >= value : t <= value) count++;
  return (count + 1) / (tStar.length + 1);
}
