/**
 * Sobol' first-order (S1) and total (ST) indices from a Saltelli design, Jansen estimators
 * (Jansen 1999; Saltelli et al. 2010, Comput. Phys. Commun. 181:259, table 2, rows (b) and (f)):
 *
 *   V     = variance of f(A) and f(B) together (2n values)
 *   ST_i  = (1/2n) Σ_j [f(A)_j − f(AB_i)_j]² / V          AB_i = A with column i from B
 *   S1_i  = 1 − (1/2n) Σ_j [f(B)_j − f(AB_i)_j]² / V
 *
 * f(A) and f(AB_i) share every input but x_i, so half their mean squared difference is
 * E[Var(Y | X~i)] = ST_i·V; f(B) and f(AB_i) share only x_i, so it is V − Var(E[Y | x_i]) there.
 * Outputs are read in the layout of src/sweep/designs/sobol.ts: for base sample j the k + 2
 * consecutive values A_j, AB_0 … AB_{k−1}, B_j. Confidence intervals: percentile bootstrap over
 * the base samples (each resample keeps a block's k + 2 outputs together).
 */
import { bootstrapSamples, percentileInterval, type BootstrapOptions, type Interval } from './resample.js';

export interface SobolIndex {
  /** first-order index: the share of the output variance x_i explains on its own */
  readonly first: number;
  readonly firstCi: Interval | null;
  /** total index: the share x_i explains with all its interactions */
  readonly total: number;
  readonly totalCi: Interval | null;
}

export interface SobolIndices {
  /** base samples n (the design has n·(k + 2) outputs) */
  readonly n: number;
  readonly k: number;
  /** variance of the output over f(A) ∪ f(B) */
  readonly variance: number;
  /** one per factor, in design order; null when the output does not vary (V = 0) */
  readonly factors: readonly (SobolIndex | null)[];
}

interface Sums {
  readonly v: number;
  readonly first: Float64Array;
  readonly total: Float64Array;
}

/** Jansen point estimates over the base samples listed in `which` (all when omitted). */
function jansen(y: ArrayLike<number>, n: number, k: number, which?: ArrayLike<number>): Sums {
  const count = which ? which.length : n;
  const stride = k + 2;
  let sum = 0;
  let sumSquares = 0;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let m = 0; m < count; m++) {
    const j = which ? which[m] : m;
    const base = j * stride;
    const a = y[base];
    const b = y[base + k + 1];
    sum += a + b;
    sumSquares += a * a + b * b;
    for (let i = 0; i < k; i++) {
      const ab = y[base + 1 + i];
      total[i] += (a - ab) ** 2;
      first[i] += (b - ab) ** 2;
    }
  }
  const values = 2 * count;
  const center = sum / values;
  // Sample variance (n − 1 denominator) of the 2n base outputs.
  const v = values > 1 ? Math.max(0, (sumSquares - values * center * center) / (values - 1)) : 0;
  for (let i = 0; i < k; i++) {
    total[i] = v > 0 ? total[i] / (2 * count) / v : Number.NaN;
    first[i] = v > 0 ? 1 - first[i] / (2 * count) / v : Number.NaN;
  }
  return { v, first, total };
}

/**
 * S1 and ST per factor from the outputs of a Saltelli design of n base samples over k factors.
 * `y[j·(k+2) + c]` is the output of design point j·(k+2) + c.
 */
export function sobolIndices(y: ArrayLike<number>, k: number, options: BootstrapOptions = {}): SobolIndices {
  if (!(k >= 1)) throw new RangeError(`sobolIndices: expected at least one factor, got k = ${k}`);
  if (y.length === 0 || y.length % (k + 2) !== 0) {
    throw new RangeError(`sobolIndices: expected n·(k + 2) = n·${k + 2} outputs, got ${y.length}`);
  }
  for (let i = 0; i < y.length; i++) {
    if (!Number.isFinite(y[i])) throw new RangeError(`sobolIndices: output ${i} is not a finite number (${y[i]})`);
  }
  const n = y.length / (k + 2);
  const point = jansen(y, n, k);
  if (point.v === 0) return { n, k, variance: 0, factors: Array.from({ length: k }, () => null) };

  const resamples = options.resamples ?? 1000;
  const firstStar = Array.from({ length: k }, () => new Float64Array(resamples));
  const totalStar = Array.from({ length: k }, () => new Float64Array(resamples));
  let b = 0;
  if (resamples > 0) {
    for (const sample of bootstrapSamples(n, options, 'sobol')) {
      const star = jansen(y, n, k, sample);
      for (let i = 0; i < k; i++) {
        firstStar[i][b] = star.first[i];
        totalStar[i][b] = star.total[i];
      }
      b++;
    }
  }
  const factors = Array.from({ length: k }, (_, i) => ({
    first: point.first[i],
    firstCi: resamples > 0 ? percentileInterval(firstStar[i], options.level) : null,
    total: point.total[i],
    totalCi: resamples > 0 ? percentileInterval(totalStar[i], options.level) : null,
  }));
  return { n, k, variance: point.v, factors };
}
