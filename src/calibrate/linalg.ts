/**
 * The few matrix steps the perturbation kernel needs, on row-major Float64Arrays of d × d:
 * weighted covariance, Cholesky factor, and the quadratic form through that factor.
 */

/** Weighted mean and covariance Σ w (x − μ)(x − μ)ᵀ of n points (rows of `points`, d columns); weights sum to 1. */
export function weightedCovariance(points: Float64Array, weights: Float64Array, d: number): { mean: Float64Array; cov: Float64Array } {
  const n = weights.length;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) mean[a] += weights[i] * points[i * d + a];
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      const da = points[i * d + a] - mean[a];
      for (let b = 0; b <= a; b++) cov[a * d + b] += weights[i] * da * (points[i * d + b] - mean[b]);
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[b * d + a] = cov[a * d + b];
  return { mean, cov };
}

/**
 * Lower-triangular L with L Lᵀ = m. A matrix that is not positive definite (all particles on a
 * line, or one value) gets a small ridge on its diagonal, scaled to `floor` per dimension, so the
 * kernel still moves in every direction.
 */
export function cholesky(m: Float64Array, d: number, floor: Float64Array): Float64Array {
  for (let ridge = 0; ridge <= 12; ridge++) {
    const l = new Float64Array(d * d);
    let ok = true;
    for (let a = 0; a < d && ok; a++) {
      for (let b = 0; b <= a; b++) {
        let sum = m[a * d + b] + (a === b && ridge > 0 ? floor[a] * 10 ** (ridge - 12) : 0);
        for (let k = 0; k < b; k++) sum -= l[a * d + k] * l[b * d + k];
        if (a === b) {
          if (!(sum > 0)) {
            ok = false;
            break;
          }
          l[a * d + a] = Math.sqrt(sum);
        } else {
          l[a * d + b] = sum / l[b * d + b];
        }
      }
    }
    if (ok) return l;
  }
  throw new RangeError('perturbation covariance is not positive definite even with a ridge');
}

/** (x − y)ᵀ (L Lᵀ)⁻¹ (x − y): forward substitution through the Cholesky factor. */
export function mahalanobis2(l: Float64Array, d: number, x: Float64Array, xAt: number, y: Float64Array, yAt: number, scratch: Float64Array): number {
  let q = 0;
  for (let a = 0; a < d; a++) {
    let v = x[xAt + a] - y[yAt + a];
    for (let k = 0; k < a; k++) v -= l[a * d + k] * scratch[k];
    v /= l[a * d + a];
    scratch[a] = v;
    q += v * v;
  }
  return q;
}
