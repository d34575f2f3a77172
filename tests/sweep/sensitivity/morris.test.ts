import { describe, expect, it } from 'vitest';
import { morrisTrajectories } from '../../../src/sweep/designs/index.js';
import { elementaryEffects, morrisEffects } from '../../../src/sweep/sensitivity/index.js';
import { G_COEFFICIENTS, gFunction, ishigami } from './test-functions.js';

describe('Morris elementary effects', () => {
  it('ranks the G-function factors in order of importance and finds the inert ones (r = 10, 4 levels)', () => {
    for (const seed of [1, 2, 3]) {
      const design = morrisTrajectories(10, G_COEFFICIENTS.length, 4, seed);
      const { factors } = morrisEffects(design.rows.map(gFunction), design, { resamples: 100, seed });
      const muStar = factors.map((f) => f.muStar);
      // a = 0, 1, 4.5, 9 strictly in that order, then the four a = 99 factors far below.
      for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
      const top = muStar[0];
      for (let i = 4; i < 8; i++) expect(muStar[i]).toBeLessThan(0.05 * top);
      expect(Math.min(...muStar.slice(0, 4))).toBeGreaterThan(Math.max(...muStar.slice(4)));
    }
  });

  it('matches the analytic μ*, μ, σ of Ishigami on the 4-level grid, and ranks x3 below x1 and x2', () => {
    // On the grid {−π, −π/3, π/3, π} with Δ = 2/3: |EE| for x2 is 7·0.75/(2/3) = 7.875 every time,
    // for x1 it is 1.299·(1 + 0.1·x3⁴) ⇒ 7.704 on average, for x3 14.43·|sin x1| ⇒ 6.249.
    const analytic = [7.704, 7.875, 6.249];
    const design = morrisTrajectories(1000, 3, 4, 1);
    const { factors } = morrisEffects(design.rows.map(ishigami), design, { resamples: 300, seed: 1 });
    factors.forEach((factor, i) => {
      expect(factor.muStarCi!.low).toBeLessThanOrEqual(analytic[i] + 1e-9);
      expect(factor.muStarCi!.high).toBeGreaterThanOrEqual(analytic[i] - 1e-9);
    });
    expect(factors[1].muStar).toBeCloseTo(7.875, 6);
    expect(factors[0].mu).toBeCloseTo(factors[0].muStar, 9); // sin x1 rises on every grid move: one sign
    expect(Math.abs(factors[1].mu)).toBeLessThan(0.5); // sin² x2 goes up and down: μ cancels, σ ≈ μ*
    expect(factors[1].sigma).toBeCloseTo(7.875, 1);
    expect(factors[2].sigma).toBeGreaterThan(factors[2].muStar); // x3 acts only through its interaction with x1
    expect(factors[2].muStar).toBeLessThan(Math.min(factors[0].muStar, factors[1].muStar));
  });

  it('divides by the signed step: moving a factor down gives the same effect as moving it up', () => {
    const design = morrisTrajectories(30, 4, 4, 9);
    const linear = (u: readonly number[]) => 3 * u[0] - 2 * u[1] + 0 * u[2] + 0.5 * u[3];
    const table = elementaryEffects(design.rows.map(linear), design);
    for (const row of table) {
      expect(row[0]).toBeCloseTo(3, 9);
      expect(row[1]).toBeCloseTo(-2, 9);
      expect(Math.abs(row[2])).toBe(0);
      expect(row[3]).toBeCloseTo(0.5, 9);
    }
    const { factors } = morrisEffects(design.rows.map(linear), design, { resamples: 0 });
    expect(factors.map((f) => Number(f.muStar.toFixed(9)))).toEqual([3, 2, 0, 0.5]);
    expect(factors[1].mu).toBeCloseTo(-2, 9);
    expect(factors.every((f) => f.sigma < 1e-9 && f.muStarCi === null)).toBe(true);
  });

  it('refuses outputs that do not fit the design', () => {
    const design = morrisTrajectories(2, 3, 4, 1);
    expect(() => morrisEffects([1, 2, 3], design)).toThrow(/r·\(k \+ 1\) = 8/);
  });
});
