/**
 * Seeded bootstrap helpers for the sensitivity indices: resample whole units (a Saltelli block,
 * a Morris trajectory) with replacement and take percentile intervals. Seeded by text through
 * src/sim's RandomStream, never Math.random, so an analysis is a pure function of its inputs.
 */
import { RandomStream } from '../../sim/index.js';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface BootstrapOptions {
  /** resamples (default 1000; 0 ⇒ no intervals) */
  readonly resamples?: number;
  /** seed text or number of the resampling stream */
  readonly seed?: string | number;
  /** confidence level of the percentile intervals (default 0.95) */
  readonly level?: number;
}

export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_LEVEL = 0.95;

/** Draw `resamples` index vectors of length n (each a bootstrap sample of 0..n−1). */
export function* bootstrapSamples(n: number, options: BootstrapOptions, salt: string): Generator<Int32Array> {
  const stream = new RandomStream(`concentric/sensitivity/${String(options.seed ?? 1)}/${salt}`);
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const sample = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = stream.below(n);
    yield sample;
  }
}

/** Type-7 quantile of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(n - 1, lower + 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}

/** Percentile interval of bootstrap replicates (non-finite replicates are dropped). */
export function percentileInterval(replicates: ArrayLike<number>, level = DEFAULT_LEVEL): Interval | null {
  const finite = Array.from(replicates).filter(Number.isFinite);
  if (finite.length === 0) return null;
  const sorted = Float64Array.from(finite).sort();
  const alpha = (1 - level) / 2;
  return { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}

export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
