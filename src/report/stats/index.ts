/** Statistics of the report: bootstrap-t differences, TOST equivalence, effect sizes. */
export { pairedBootstrap, unpairedBootstrap, confidenceInterval, DEFAULT_RESAMPLES, type BootstrapDifference, type Interval } from './bootstrap.js';
export { equivalenceTest, ALPHA, Verdict, type Equivalence } from './equivalence.js';
export { hedgesG, effectWord } from './effect-size.js';
export { mean, variance, quantileOfSorted } from './describe.js';
export { seededUniform, type Uniform } from './random.js';
