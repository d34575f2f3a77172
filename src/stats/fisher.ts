/**
 * Fisher's exact test of a 2×2 table — what a small study could run on "reached a stage, by
 * group": with 13 people a normal approximation is useless. Two-sided: the probability, under the
 * hypergeometric law with the table's margins fixed, of every table no more likely than the one
 * seen (the usual definition, as in R's fisher.test).
 */

/** ln(n!) by summation (tables here are small; exact and cheap enough). */
function logFactorial(n: number): number {
  let total = 0;
  for (let k = 2; k <= n; k++) total += Math.log(k);
  return total;
}

/**
 * Two-sided p-value of the table [[a, b], [c, d]] (rows: groups; columns: yes, no). 1 when a
 * margin is zero (nothing can differ).
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const cell of [a, b, c, d]) {
    if (!Number.isInteger(cell) || cell < 0) throw new RangeError(`fisherExact: cells must be whole numbers ≥ 0 (given ${a}, ${b}, ${c}, ${d})`);
  }
  const row1 = a + b;
  const row2 = c + d;
  const col1 = a + c;
  const n = row1 + row2;
  if (row1 === 0 || row2 === 0 || col1 === 0 || col1 === n) return 1;
  const constant = logFactorial(row1) + logFactorial(row2) + logFactorial(col1) + logFactorial(n - col1) - logFactorial(n);
  const logP = (x: number) => constant - logFactorial(x) - logFactorial(row1 - x) - logFactorial(col1 - x) - logFactorial(row2 - col1 + x);
  const seen = logP(a);
  let p = 0;
  for (let x = Math.max(0, col1 - row2); x <= Math.min(row1, col1); x++) {
    const lp = logP(x);
    // "no more likely than seen", with R's relative tolerance for ties in floating point
    if (lp <= seen + 1e-7) p += Math.exp(lp);
  }
  return Math.min(1, p);
}
