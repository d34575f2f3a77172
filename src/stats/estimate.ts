/**
 * Descriptive statistics of one sample: mean, sd, quantiles and a 95 % confidence interval for
 * the mean (Student t). The sums come from describe.ts (the compensated mean these estimates have
 * always used); the t quantile is computed here (simple-statistics, used before, has no inverse t).
 */
import { compensatedMean, mean, quantileOfSorted, variance } from './describe.js';

/** The standard normal's 97.5 % quantile: the z of a two-sided 95 % interval. */
export const Z_975 = 1.959963984540054;

export interface Estimate {
  /** number of values (runs) described */
  readonly n: number;
  readonly mean: number;
  /** sample standard deviation (0 when n = 1) */
  readonly sd: number;
  /** 95 % confidence interval for the mean: mean ± t(0.975, n−1)·sd/√n (equal to the mean when n = 1) */
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly min: number;
  readonly q05: number;
  readonly q25: number;
  readonly median: number;
  readonly q75: number;
  readonly q95: number;
  readonly max: number;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  const tail = (q: number): number =>
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Quantile of Student's t distribution. Exact for 1 and 2 degrees of freedom; otherwise the
 * Cornish–Fisher expansion around the normal quantile (Abramowitz & Stegun 26.7.5), accurate to
 * about 1e-3 at df = 3 and far better beyond — ample for confidence intervals.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`p must be in (0, 1), got ${p}`);
  if (!(df >= 1)) throw new RangeError(`df must be ≥ 1, got ${df}`);
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const z = normalQuantile(p);
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * Describe a sample; null for an empty one (or one of NaN only: a missing outcome is not a value).
 * `values` is not modified.
 */
export function estimate(values: ArrayLike<number>): Estimate | null {
  let sorted = Float64Array.from(values).sort();
  // Float64Array sorts NaN last: drop them, so a missing value never turns every number into NaN.
  let kept = sorted.length;
  while (kept > 0 && Number.isNaN(sorted[kept - 1])) kept--;
  if (kept < sorted.length) sorted = sorted.subarray(0, kept);
  const n = sorted.length;
  if (n === 0) return null;
  const list = Array.from(sorted);
  const center = compensatedMean(list);
  const sd = n > 1 ? Math.sqrt(variance(list, center)) : 0;
  const half = n > 1 ? studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : 0;
  return {
    n,
    mean: center,
    sd,
    ciLow: center - half,
    ciHigh: center + half,
    min: list[0],
    q05: quantileOfSorted(list, 0.05),
    q25: quantileOfSorted(list, 0.25),
    median: quantileOfSorted(list, 0.5),
    q75: quantileOfSorted(list, 0.75),
    q95: quantileOfSorted(list, 0.95),
    max: list[n - 1],
  };
}

export interface Proportion {
  readonly share: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval for k successes in n trials (share NaN and [0, 1] when n = 0). `z`: 95 %
 * by default; the staffing analysis passes the rounded 1.959964 its reports have always used.
 */
export function wilson(k: number, n: number, z = Z_975): Proportion {
  if (n === 0) return { share: Number.NaN, low: 0, high: 1 };
  const p = k / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  // Rounding can put the bound a hair past the share at k = 0 or k = n (5.6e-17 for 0 of 3): an
  // interval must hold its own estimate.
  return { share: p, low: Math.min(p, Math.max(0, centre - half)), high: Math.max(p, Math.min(1, centre + half)) };
}

/** Mean and 95 % normal-approximation interval of a sample (sum in order; sd with n − 1). */
export function normalMeanInterval(values: readonly number[]): { mean: number; low: number; high: number } {
  const m = mean(values);
  const n = values.length;
  const sd = n > 1 ? Math.sqrt(variance(values, m)) : 0;
  const half = Z_975 * (sd / Math.sqrt(n));
  return { mean: m, low: m - half, high: m + half };
}
