/**
 * What a finished calibration says: each parameter's posterior (weighted mean, median, 90 %
 * interval, how much narrower than its prior), and the posterior predictive check — waves
 * simulated from posterior draws, their 95 % bands against the data points, and which miss.
 */
import { quantileOfSorted } from '../stats/index.js';
import type { Instrument, WaveMeasure } from '../sim/index.js';
import type { ParameterPrior } from './params.js';
import { weightedQuantile } from './weighted.js';

export interface Marginal {
  readonly field: string;
  readonly prior: readonly [number, number];
  readonly mean: number;
  readonly median: number;
  /** 90 % credible interval (5 % and 95 % weighted quantiles) */
  readonly low: number;
  readonly high: number;
  /** interval width / prior width */
  readonly narrowing: number;
}

export function marginals(priors: readonly ParameterPrior[], particles: Float64Array, weights: Float64Array): Marginal[] {
  const d = priors.length;
  const n = weights.length;
  return priors.map((prior, a) => {
    const values = new Float64Array(n).map((_, i) => particles[i * d + a]);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += weights[i] * values[i];
    const low = weightedQuantile(values, weights, 0.05);
    const high = weightedQuantile(values, weights, 0.95);
    return { field: prior.field, prior: [prior.low, prior.high], mean, median: weightedQuantile(values, weights, 0.5), low, high, narrowing: (high - low) / (prior.high - prior.low) };
  });
}

export interface PredictiveBand {
  readonly month: number;
  readonly measure: Instrument;
  readonly observed: number;
  readonly median: number;
  /** 95 % band of the simulated wave means */
  readonly low: number;
  readonly high: number;
  readonly miss: boolean;
}

/** Bands from `draws` simulated rows of statistics (rows × s), against the observed waves. */
export function predictiveBands(observed: readonly WaveMeasure[], simulated: Float64Array, draws: number): PredictiveBand[] {
  const s = observed.length;
  return observed.map((wave, j) => {
    const column = new Float64Array(draws).map((_, k) => simulated[k * s + j]).filter((v) => !Number.isNaN(v)).sort();
    // quantileOfSorted is NaN for an empty column (every draw failed)
    const low = quantileOfSorted(column, 0.025);
    const high = quantileOfSorted(column, 0.975);
    return { month: wave.month, measure: wave.measure, observed: wave.mean, median: quantileOfSorted(column, 0.5), low, high, miss: !(wave.mean >= low && wave.mean <= high) };
  });
}

/** A number for plain words: two significant decimals for values under 10. */
export function plain(value: number): string {
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/**
 * The share of its prior's width a uniform prior's own 90 % interval spans: 0.9 for a continuous
 * field; for a whole-number field low..high, the span of its discrete 5 % and 95 % quantiles.
 */
export function priorIntervalShare(prior: readonly [number, number], integer: boolean): number {
  if (!integer) return 0.9;
  const k = prior[1] - prior[0] + 1;
  return k <= 1 ? 1 : (Math.ceil(0.95 * k) - Math.ceil(0.05 * k)) / (k - 1);
}

/**
 * Not identified: the posterior's 90 % interval is no narrower than the prior's own, allowing for
 * the noise of quantiles from `ess` effective particles (for a flat posterior the interval's width
 * share has standard error ≈ 0.3 / √ess; two of them are allowed). A flat posterior from a finite
 * sample then reads as what it is, not as "narrowed".
 */
export function notIdentified(m: Marginal, ess: number, integer = false): boolean {
  const noise = Number.isFinite(ess) && ess > 0 ? 0.6 / Math.sqrt(ess) : 0;
  return !(m.narrowing < priorIntervalShare(m.prior, integer) - noise);
}

/** "isps.relationalSkill 0.62 (90 % CI 0.51–0.74), narrowed from 0.4–1.0", or "not identified". */
export function marginalWords(m: Marginal, options: { readonly ess?: number; readonly integer?: boolean } = {}): string {
  const priorText = `${plain(m.prior[0])}–${plain(m.prior[1])}`;
  const narrowed = notIdentified(m, options.ess ?? Infinity, options.integer)
    ? `not identified: no narrower than its prior ${priorText}'s own 90 % interval; the data say nothing about it here`
    : `narrowed from ${priorText}`;
  return `${m.field} ${plain(m.median)} (90 % CI ${plain(m.low)}–${plain(m.high)}), ${narrowed}`;
}

/**
 * Whether the misses are more than chance: with S points each outside its 95 % band 5 % of the
 * time, up to the 95th percentile of Binomial(S, 0.05) misses are expected of a model that fits;
 * beyond that, or any point further outside its band than the band is wide, the data are not
 * what the posterior produces.
 */
export function predictiveFails(bands: readonly PredictiveBand[]): boolean {
  const s = bands.length;
  let cumulative = 0;
  let allowed = 0;
  for (let k = 0; k <= s; k++) {
    let logChoose = 0;
    for (let i = 1; i <= k; i++) logChoose += Math.log((s - k + i) / i);
    cumulative += Math.exp(logChoose + k * Math.log(0.05) + (s - k) * Math.log(0.95));
    if (cumulative >= 0.95) {
      allowed = k;
      break;
    }
  }
  const misses = bands.filter((b) => b.miss);
  const far = misses.some((b) => !(Math.min(Math.abs(b.observed - b.low), Math.abs(b.observed - b.high)) <= b.high - b.low));
  return misses.length > allowed || far;
}

export function missWords(misses: readonly PredictiveBand[]): string {
  const listed = misses.slice(0, 4).map((b) => `${b.measure} at month ${b.month} (data ${plain(b.observed)}, 95 % band ${plain(b.low)}–${plain(b.high)})`);
  return (
    `the posterior predictive misses ${misses.length} data point${misses.length === 1 ? '' : 's'}: ${listed.join('; ')}${misses.length > 4 ? '; …' : ''}. ` +
    'No parameter setting in the prior reproduces these waves: widen the priors, calibrate other fields, or doubt the model for this organization.'
  );
}
