/**
 * Resampling whole units with replacement (a Saltelli block, a Morris trajectory) and percentile
 * intervals of the replicates. The caller brings the seeded draws, so this imports nothing.
 */
import type { Interval } from './bootstrap.js';
import { quantileOfSorted } from './describe.js';

export const DEFAULT_LEVEL = 0.95;

/** Draw `resamples` index vectors of length n (each a bootstrap sample of 0..n−1) with `below(n)`, a seeded uniform integer in [0, n). */
export function* bootstrapSamples(n: number, resamples: number, below: (n: number) => number): Generator<Int32Array> {
  const sample = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = below(n);
    yield sample;
  }
}

/** Percentile interval of bootstrap replicates (non-finite replicates are dropped). */
export function percentileInterval(replicates: ArrayLike<number>, level = DEFAULT_LEVEL): Interval | null {
  const finite = Array.from(replicates).filter(Number.isFinite);
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const alpha = (1 - level) / 2;
  return { low: quantileOfSorted(sorted, alpha), high: quantileOfSorted(sorted, 1 - alpha) };
}

/**
 * The rank-based percentile interval of B ascending bootstrap draws: low = sorted[⌊lower·B⌋],
 * high = sorted[⌈upper·B⌉ − 1] (no interpolation, unlike `percentileInterval`'s type-7 rule).
 * The sustainment validation's pooled shares have always used it; kept as its own named rule so
 * their results stay byte-identical.
 */
export function rankPercentileInterval(sorted: ArrayLike<number>, lower = 0.025, upper = 0.975): Interval {
  const n = sorted.length;
  return { low: sorted[Math.floor(lower * n)], high: sorted[Math.ceil(upper * n) - 1] };
}
