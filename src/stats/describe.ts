/**
 * The small sums every analysis needs, over plain arrays: mean, sample variance, the type-7
 * quantile. (Per-group summaries with t-intervals: estimate.ts.)
 */

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
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
