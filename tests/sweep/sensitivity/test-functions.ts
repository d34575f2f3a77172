/** Analytic test functions for the sensitivity estimators, on the unit cube. */

/** Ishigami & Homma (1990), a = 7, b = 0.1, x ∈ [−π, π]³. */
export function ishigami(u: readonly number[]): number {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
}

/**
 * Its indices in closed form: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2, V₁ = (1 + bπ⁴/5)²/2, V₂ = a²/8,
 * V₁₃ = b²π⁸(1/18 − 1/50) (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.10).
 */
export function ishigamiIndices(a = 7, b = 0.1): { first: number[]; total: number[] } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = b * b * pi8 * (1 / 18 - 1 / 50);
  const v = v1 + v2 + v13;
  return { first: [v1 / v, v2 / v, 0], total: [(v1 + v13) / v, v2 / v, v13 / v] };
}

/** Sobol' G-function: importance falls as a_i grows; a_i = 99 is all but inert. */
export const G_COEFFICIENTS = [0, 1, 4.5, 9, 99, 99, 99, 99];
export function gFunction(u: readonly number[]): number {
  return u.reduce((product, x, i) => (product * (Math.abs(4 * x - 2) + G_COEFFICIENTS[i])) / (1 + G_COEFFICIENTS[i]), 1);
}
