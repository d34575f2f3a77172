/**
 * Quasi-p-values of a box's restrictions (Bryant & Lempert 2010; the EMA Workbench computes the
 * same): for each restricted dimension, drop that restriction and ask how likely a box of the same
 * size would hold at least as many cases of interest by chance, at the density of the loosened
 * box — a one-sided binomial tail. A large value says the restriction adds little. "Quasi" because
 * the box was fitted to these very cases: read it as a screen, not a test.
 */
import { gammaln } from 'simple-statistics';
import { boxStats, isRestricted, membership, wholeBox, type Dimension, type Limits } from './box.js';

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logN = gammaln(n + 1);
  const terms: number[] = [];
  let largest = -Infinity;
  for (let i = k; i <= n; i++) {
    const term = logN - gammaln(i + 1) - gammaln(n - i + 1) + i * logP + (n - i) * logQ;
    terms.push(term);
    if (term > largest) largest = term;
    // past the mode the terms only shrink; stop once they no longer count
    if (term < largest - 40) break;
  }
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - largest);
  return Math.min(1, Math.exp(largest) * sum);
}

/** Quasi-p per dimension (null where the box does not restrict it). */
export function quasiP(dimensions: readonly Dimension[], interest: Uint8Array, limits: Limits, eligible?: Uint8Array): (number | null)[] {
  const whole = wholeBox(dimensions);
  const n = interest.length;
  const box = boxStats(membership(dimensions, limits, n, eligible), interest, 0);
  return dimensions.map((_, j) => {
    if (!isRestricted(limits[j], whole[j])) return null;
    const loosened = limits.map((limit, d) => (d === j ? whole[j] : limit));
    const wider = boxStats(membership(dimensions, loosened, n, eligible), interest, 0);
    return binomialUpperTail(box.interest, box.n, wider.density);
  });
}
