/**
 * src/stats — the statistics every analysis shares: sums and quantiles, t/normal/Wilson intervals,
 * bootstrap-t differences, TOST equivalence, effect sizes, resampling. Below both src/sweep and
 * src/report (and src/validation); imports nothing of this project.
 */
export { mean, compensatedMean, variance, quantileOfSorted, medianOfSorted } from './describe.js';
export { estimate, normalQuantile, studentTQuantile, wilson, normalMeanInterval, Z_975, type Estimate, type Proportion } from './estimate.js';
export { pairedBootstrap, unpairedBootstrap, confidenceInterval, isDetermined, UNDETERMINED, DEFAULT_RESAMPLES, type BootstrapDifference, type Interval } from './bootstrap.js';
export { equivalenceTest, ALPHA, Verdict, type Equivalence } from './equivalence.js';
export { hedgesG, effectWord } from './effect-size.js';
export { seededUniform, randomIndex, type Uniform } from './random.js';
export { fisherExact } from './fisher.js';
export { bootstrapSamples, percentileInterval, rankPercentileInterval, DEFAULT_LEVEL } from './resample.js';
