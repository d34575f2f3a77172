/**
 * src/sweep/sensitivity — global sensitivity of run outcomes to scenario assumptions.
 *
 *   estimators (pure)    sobol.ts    S1, ST from a Saltelli design (Jansen), bootstrap CIs
 *                        morris.ts   μ, μ*, σ from Morris trajectories, bootstrap CI for μ*
 *   the question         plan.ts     factors (assumptions over their documented ranges), the
 *                                    sweeps to run (one per engagement length), outputs
 *                        analyse.ts  results directories → per-point outputs → indices
 *
 * It lives in src/sweep because the estimators invert the sweep designs (src/sweep/designs:
 * the Saltelli block layout, the Morris trajectory order and Δ); src/cli and src/report import it.
 * Imports: src/sweep, src/sim (RandomStream), src/scenarios.
 */
export { sobolIndices, type SobolIndex, type SobolIndices } from './sobol.js';
export { morrisEffects, elementaryEffects, type MorrisEffect, type MorrisEffects, type MorrisLayout } from './morris.js';
export { percentileInterval, DEFAULT_RESAMPLES, type Interval, type BootstrapOptions } from './resample.js';
export { planSensitivity, isMethod, Method, OUTPUTS, LENGTH_FIELD, type OutputKey, type SensitivityFactor, type SensitivityOptions, type SensitivityPlan, type PlannedSweep } from './plan.js';
export { analyseSensitivity, type SensitivityAnalysis, type OutputAnalysis, type OutputNoise } from './analyse.js';
export { headline, rankingTable, ranking, noiseWords, methodWords, outputLabel, outputMeaning, pp, rangeText, sobolWords, morrisWords } from './words.js';
