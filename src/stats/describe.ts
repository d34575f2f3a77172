/**
 * The small sums every analysis needs, over plain arrays: mean, sample variance, the type-7
 * quantile, the median. (Per-group summaries with t-intervals: estimate.ts.)
 *
 * Two means on purpose: `mean` sums in order (what every comparison, table and bootstrap has
 * always used), `compensatedMean` sums with Neumaier's correction (what the per-group estimates
 * of sweep/aggregate have always used, formerly via simple-statistics). They can differ in the
 * last digit; each caller keeps the one its outputs were made with.
 */

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/**
 * Mean with a compensated (Neumaier / Kahan–Babuška) sum, term for term the algorithm of
 * simple-statistics' `sum`, so the estimates that used it stay byte-identical. Throws for an
 * empty sample (as it did).
 */
export function compensatedMean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('compensatedMean of an empty sample');
  let sum = values[0];
  let correction = 0;
  for (let i = 1; i < n; i++) {
    const x = values[i];
    const next = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) correction += sum - next + x;
    else correction += x - next + sum;
    sum = next;
  }
  return (sum + correction) / n;
}

/** Sample variance (n − 1); 0 for fewer than two values. */
export function variance(values: ArrayLike<number>, center = mean(values)): number {
  const n = values.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i] - center) ** 2;
  return sum / (n - 1);
}

/** Type-7 (linear interpolation) quantile of an ascending array. Infinite entries are allowed. */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(n - 1, lower + 1);
  const a = sorted[lower];
  const b = sorted[upper];
  if (a === b || h === lower) return a;
  return a + (h - lower) * (b - a);
}

/** Median of an ascending array: the middle value, or the midpoint (a + b)/2 of the two middle ones. */
export function medianOfSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}
