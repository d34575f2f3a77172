/**
 * How far a simulation's statistics are from the data. Two kinds, both re-estimated from every
 * generation's simulations and handed to the next (so a resumed run measures as an unbroken one):
 *
 *   adaptive     weighted 2-norm over all statistics, each divided by its median absolute
 *                deviation (pyabc's AdaptivePNormDistance; Prangle 2017). Every statistic counts
 *                the same, so statistics the parameters barely move (month-0 waves, measures of
 *                another construct) add only noise to the distance.
 *   regression   a 2-norm on d summaries instead of s statistics: each parameter's linear
 *                regression on the statistics, fitted to the last generation's simulations
 *                (semi-automatic ABC, Fearnhead & Prangle 2012; refitted each generation, as
 *                pyabc's information-weighted distances, Schälte & Hasenauer 2023), in units of
 *                the parameter's spread. The fitted value is the statistics' best linear guess of
 *                the parameter, so noise in uninformative statistics gets little weight, and a
 *                parameter the statistics barely predict counts little.
 *
 * Any summary of the data gives a valid ABC posterior; a better one gives a narrower posterior
 * for the same number of simulations. Pure functions over typed arrays.
 */
import { cholesky } from './linalg.js';
import { statisticScales } from './weighted.js';

export type DistanceKind = 'regression' | 'adaptive';
export const DISTANCE_KINDS: readonly DistanceKind[] = ['regression', 'adaptive'];

/** A fitted distance: optional projection (d × s, row-major) onto summaries, and each summary's scale. */
export interface DistanceSpec {
  /** regression coefficients on the raw statistics; absent for `adaptive` (summaries = statistics) */
  readonly projection?: Float64Array;
  /** one per summary: d with a projection, s without; 0 for a summary that never varies */
  readonly scales: Float64Array;
}

/** Distance weights 1 / scale, normalized to mean 1 over the summaries that vary (0 for the others). */
export function distanceWeights(scales: Float64Array): Float64Array {
  const weights = new Float64Array(scales.length);
  let sum = 0;
  let active = 0;
  for (let j = 0; j < scales.length; j++) {
    if (scales[j] > 0) {
      weights[j] = 1 / scales[j];
      sum += weights[j];
      active++;
    }
  }
  if (sum > 0) for (let j = 0; j < scales.length; j++) weights[j] *= active / sum;
  return weights;
}

/**
 * √Σ (w_j (x_j − y_j))² over statistics (no projection); a statistic of weight 0 is left out, and a
 * non-finite distance (a simulated wave nobody answered) is +∞: never within ε.
 */
export function distance(weights: Float64Array, stats: Float64Array, at: number, observed: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < observed.length; j++) {
    if (weights[j] === 0) continue;
    const v = weights[j] * (stats[at + j] - observed[j]);
    sum += v * v;
  }
  return Number.isFinite(sum) ? Math.sqrt(sum) : Infinity;
}

/** A distance function for one generation: the statistics at row offset `at` against the data. */
export type Measure = (stats: Float64Array, at: number) => number;

export function measureOf(spec: DistanceSpec, observed: Float64Array): Measure {
  const weights = distanceWeights(spec.scales);
  const projection = spec.projection;
  if (!projection) return (stats, at) => distance(weights, stats, at, observed);
  const s = observed.length;
  const d = weights.length;
  return (stats, at) => {
    let sum = 0;
    for (let a = 0; a < d; a++) {
      if (weights[a] === 0) continue;
      // The intercept cancels in a difference of fitted values.
      let z = 0;
      for (let j = 0; j < s; j++) if (projection[a * s + j] !== 0) z += projection[a * s + j] * (stats[at + j] - observed[j]);
      const v = weights[a] * z;
      sum += v * v;
    }
    return Number.isFinite(sum) ? Math.sqrt(sum) : Infinity;
  };
}

/** Rows whose statistics are all finite (a wave nobody answered gives NaN). */
function finiteRows(stats: Float64Array, rows: number, s: number): number[] {
  const keep: number[] = [];
  for (let i = 0; i < rows; i++) {
    let ok = true;
    for (let j = 0; j < s && ok; j++) ok = Number.isFinite(stats[i * s + j]);
    if (ok) keep.push(i);
  }
  return keep;
}

/**
 * Least-squares coefficients of each parameter on the statistics (rows of `params`, d columns;
 * rows of `stats`, s columns), as a d × s projection on the raw statistics. Statistics are
 * standardized by `scales` for conditioning; one that never varies gets coefficient 0. A small
 * ridge keeps nearly collinear statistics (the same measure in adjacent waves) from exploding.
 */
export function fitProjection(params: Float64Array, stats: Float64Array, rows: readonly number[], d: number, s: number, scales: Float64Array): Float64Array {
  const columns: number[] = [];
  for (let j = 0; j < s; j++) if (scales[j] > 0) columns.push(j);
  const m = columns.length;
  const projection = new Float64Array(d * s);
  if (m === 0 || rows.length <= m + 1) return projection;
  // Centered, standardized design X (rows × m) and centered targets.
  const meanX = new Float64Array(m);
  const meanY = new Float64Array(d);
  for (const i of rows) {
    for (let c = 0; c < m; c++) meanX[c] += stats[i * s + columns[c]] / scales[columns[c]];
    for (let a = 0; a < d; a++) meanY[a] += params[i * d + a];
  }
  for (let c = 0; c < m; c++) meanX[c] /= rows.length;
  for (let a = 0; a < d; a++) meanY[a] /= rows.length;
  const gram = new Float64Array(m * m);
  const cross = new Float64Array(m * d);
  const x = new Float64Array(m);
  for (const i of rows) {
    for (let c = 0; c < m; c++) x[c] = stats[i * s + columns[c]] / scales[columns[c]] - meanX[c];
    for (let c = 0; c < m; c++) {
      for (let e = 0; e <= c; e++) gram[c * m + e] += x[c] * x[e];
      for (let a = 0; a < d; a++) cross[c * d + a] += x[c] * (params[i * d + a] - meanY[a]);
    }
  }
  for (let c = 0; c < m; c++) for (let e = 0; e < c; e++) gram[e * m + c] = gram[c * m + e];
  const ridge = 1e-6 * rows.length;
  for (let c = 0; c < m; c++) gram[c * m + c] += ridge;
  const l = cholesky(gram, m, new Float64Array(m).fill(rows.length));
  const beta = new Float64Array(m);
  for (let a = 0; a < d; a++) {
    // Solve L Lᵀ β = Xᵀy by forward then back substitution.
    for (let c = 0; c < m; c++) {
      let v = cross[c * d + a];
      for (let k = 0; k < c; k++) v -= l[c * m + k] * beta[k];
      beta[c] = v / l[c * m + c];
    }
    for (let c = m - 1; c >= 0; c--) {
      let v = beta[c];
      for (let k = c + 1; k < m; k++) v -= l[k * m + c] * beta[k];
      beta[c] = v / l[c * m + c];
    }
    for (let c = 0; c < m; c++) projection[a * s + columns[c]] = beta[c] / scales[columns[c]];
  }
  return projection;
}

/** Fewer rows than this many per regression coefficient, and the fit would mostly fit noise. */
export const ROWS_PER_COEFFICIENT = 2;

/** Whether `rows` simulations are enough to fit the regression on `s` statistics (else: adaptive). */
export function regressionFits(rows: number, s: number): boolean {
  return rows >= ROWS_PER_COEFFICIENT * (s + 1);
}

/**
 * The distance the next generation uses, fitted to this generation's simulations: `rows` rows of
 * parameters (d columns) and statistics (s columns). Each fitted summary is divided by the spread
 * of its parameter (not its own): a parameter the statistics barely predict then has a summary of
 * little spread and counts little, instead of adding noise at full weight. Too few simulations
 * for the regression (regressionFits) give the adaptive distance for that generation.
 */
export function fitDistance(kind: DistanceKind, params: Float64Array, stats: Float64Array, rows: number, d: number, s: number): DistanceSpec {
  const statScales = statisticScales(stats, rows, s);
  if (kind === 'adaptive') return { scales: statScales };
  const finite = finiteRows(stats, rows, s);
  const varying = statScales.reduce((count, scale) => count + (scale > 0 ? 1 : 0), 0);
  if (!regressionFits(finite.length, varying)) return { scales: statScales };
  const projection = fitProjection(params, stats, finite, d, s, statScales);
  const used = new Float64Array(finite.length * d);
  finite.forEach((i, r) => used.set(params.subarray(i * d, (i + 1) * d), r * d));
  return { projection, scales: statisticScales(used, finite.length, d) };
}

/** The distance generation 0 (ε = ∞) is measured with before any fit: nothing projected, no scale. */
export function initialDistance(s: number): DistanceSpec {
  return { scales: new Float64Array(s) };
}
