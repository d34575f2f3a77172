/**
 * Morris elementary effects (Morris 1991; Campolongo, Cariboni & Saltelli 2007): for each
 * trajectory of a Morris design (src/sweep/designs/morris.ts) and each factor moved along it,
 *
 *   EE_i = [f(x + e_i·δ) − f(x)] / δ,   δ = ±Δ in the unit cube,
 *
 * so an effect is the change in the output per whole range of the factor. Per factor:
 *   μ  = mean EE     (signed: effects of opposite sign cancel)
 *   μ* = mean |EE|   (overall importance; ranks factors)
 *   σ  = sd EE       (non-linearity or interactions; σ > μ* suggests both)
 * with a percentile bootstrap interval for μ* over trajectories.
 */
import { bootstrapSamples, percentileInterval, type BootstrapOptions, type Interval } from './resample.js';

/** What the estimator needs of a Morris design: its unit-cube rows and the factor moved at each step. */
export interface MorrisLayout {
  /** r·(k + 1) rows; row t·(k+1) + s is step s of trajectory t */
  readonly rows: readonly (readonly number[])[];
  /** per trajectory, the factor moved at steps 1..k */
  readonly order: readonly (readonly number[])[];
}

export interface MorrisEffect {
  readonly mu: number;
  readonly muStar: number;
  readonly muStarCi: Interval | null;
  readonly sigma: number;
  /** elementary effects (one per trajectory) */
  readonly effects: readonly number[];
}

export interface MorrisEffects {
  readonly r: number;
  readonly k: number;
  readonly factors: readonly MorrisEffect[];
}

/** The elementary effects, one row per trajectory, one column per factor. */
export function elementaryEffects(y: ArrayLike<number>, layout: MorrisLayout): number[][] {
  const r = layout.order.length;
  if (r === 0) throw new RangeError('elementaryEffects: expected at least one trajectory, got none');
  const k = layout.order[0].length;
  if (y.length !== r * (k + 1)) throw new RangeError(`elementaryEffects: expected r·(k + 1) = ${r * (k + 1)} outputs, got ${y.length}`);
  return layout.order.map((moves, t) => {
    const effects = new Array<number>(k).fill(Number.NaN);
    const start = t * (k + 1);
    moves.forEach((factor, s) => {
      const step = layout.rows[start + s + 1][factor] - layout.rows[start + s][factor];
      if (step === 0) throw new RangeError(`elementaryEffects: trajectory ${t} step ${s + 1} does not move factor ${factor}`);
      effects[factor] = (y[start + s + 1] - y[start + s]) / step;
    });
    return effects;
  });
}

function summarize(values: ArrayLike<number>, which?: ArrayLike<number>): { mu: number; muStar: number; sigma: number } {
  const count = which ? which.length : values.length;
  let sum = 0;
  let sumAbs = 0;
  for (let m = 0; m < count; m++) {
    const value = values[which ? which[m] : m];
    sum += value;
    sumAbs += Math.abs(value);
  }
  const mu = sum / count;
  let squares = 0;
  for (let m = 0; m < count; m++) squares += (values[which ? which[m] : m] - mu) ** 2;
  return { mu, muStar: sumAbs / count, sigma: count > 1 ? Math.sqrt(squares / (count - 1)) : 0 };
}

/** μ, μ*, σ per factor from the outputs of a Morris design (`y[i]` = output of design point i). */
export function morrisEffects(y: ArrayLike<number>, layout: MorrisLayout, options: BootstrapOptions = {}): MorrisEffects {
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`morrisEffects: output ${i} is not a finite number (${y[i]})`);
  }
  const table = elementaryEffects(y, layout);
  const r = table.length;
  const k = table[0].length;
  const columns = Array.from({ length: k }, (_, i) => table.map((row) => row[i]));
  const resamples = options.resamples ?? 1000;
  const muStarStar = columns.map(() => new Float64Array(resamples));
  if (resamples > 0) {
    let b = 0;
    for (const sample of bootstrapSamples(r, options, 'morris')) {
      columns.forEach((column, i) => (muStarStar[i][b] = summarize(column, sample).muStar));
      b++;
    }
  }
  const factors = columns.map((column, i) => ({
    ...summarize(column),
    muStarCi: resamples > 0 ? percentileInterval(muStarStar[i], options.level) : null,
    effects: column,
  }));
  return { r, k, factors };
}
