/**
 * Seeded bootstrap for the sensitivity indices: resample whole units (a Saltelli block, a Morris
 * trajectory) with replacement and take percentile intervals (src/stats). Seeded by text through
 * src/sim's RandomStream, never Math.random, so an analysis is a pure function of its inputs.
 */
import { RandomStream } from '../../sim/index.js';
import { bootstrapSamples as resampleUnits } from '../../stats/index.js';

export { percentileInterval, type Interval } from '../../stats/index.js';

export interface BootstrapOptions {
  /** resamples (default 1000; 0 ⇒ no intervals) */
  readonly resamples?: number;
  /** seed text or number of the resampling stream */
  readonly seed?: string | number;
  /** confidence level of the percentile intervals (default 0.95) */
  readonly level?: number;
}

export const DEFAULT_RESAMPLES = 1000;

/** Draw `resamples` index vectors of length n (each a bootstrap sample of 0..n−1). */
export function bootstrapSamples(n: number, options: BootstrapOptions, salt: string): Generator<Int32Array> {
  const stream = new RandomStream(`concentric/sensitivity/${String(options.seed ?? 1)}/${salt}`);
  return resampleUnits(n, options.resamples ?? DEFAULT_RESAMPLES, (m) => stream.below(m));
}
