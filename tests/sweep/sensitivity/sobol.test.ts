import { describe, expect, it } from 'vitest';
import { saltelliSamples, sobolPoints, SOBOL_MAX_DIMENSIONS } from '../../../src/sweep/designs/index.js';
import { sobolIndices } from '../../../src/sweep/sensitivity/index.js';
import { ishigami, ishigamiIndices } from './test-functions.js';

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('recovers the Ishigami indices (a = 7, b = 0.1) within 0.01 at n = 8192, each inside its 95 % bootstrap CI', () => {
    const exact = ishigamiIndices();
    // The closed form the issue quotes: S1 ≈ 0.314, 0.442, 0.000; ST ≈ 0.558, 0.442, 0.244.
    expect(exact.first.map((s) => Number(s.toFixed(3)))).toEqual([0.314, 0.442, 0]);
    expect(exact.total.map((s) => Number(s.toFixed(3)))).toEqual([0.558, 0.442, 0.244]);

    const y = saltelliSamples(8192, 3, 1).map(ishigami);
    const result = sobolIndices(y, 3, { resamples: 300, seed: 1 });
    expect(result.n).toBe(8192);
    result.factors.forEach((index, i) => {
      expect(index).not.toBeNull();
      expect(Math.abs(index!.first - exact.first[i])).toBeLessThan(0.01);
      expect(Math.abs(index!.total - exact.total[i])).toBeLessThan(0.01);
      expect(index!.firstCi!.low).toBeLessThanOrEqual(exact.first[i]);
      expect(index!.firstCi!.high).toBeGreaterThanOrEqual(exact.first[i]);
      expect(index!.totalCi!.low).toBeLessThanOrEqual(exact.total[i]);
      expect(index!.totalCi!.high).toBeGreaterThanOrEqual(exact.total[i]);
    });
  });

  it('is exact in the limit for an additive model: S1 = ST = c_i² / Σ c² (reads the k + 2 layout right)', () => {
    const c = [4, 0, 2, 1, 0.5];
    const y = saltelliSamples(4096, c.length, 7).map((u) => u.reduce((sum, x, i) => sum + c[i] * x, 0));
    const result = sobolIndices(y, c.length, { resamples: 0 });
    const share = c.map((ci) => (ci * ci) / c.reduce((sum, cj) => sum + cj * cj, 0));
    result.factors.forEach((index, i) => {
      expect(index!.first).toBeCloseTo(share[i], 2);
      expect(index!.total).toBeCloseTo(share[i], 2);
      expect(index!.firstCi).toBeNull();
    });
    expect(result.factors[1]!.total).toBe(0); // an inert factor leaves f(A) = f(AB_i) exactly
  });

  it('intervals are seeded (same seed ⇒ same intervals) and narrow as n grows', () => {
    const small = saltelliSamples(256, 3, 2).map(ishigami);
    const a = sobolIndices(small, 3, { resamples: 200, seed: 5 });
    const b = sobolIndices(small, 3, { resamples: 200, seed: 5 });
    expect(a).toEqual(b);
    const large = sobolIndices(saltelliSamples(2048, 3, 2).map(ishigami), 3, { resamples: 200, seed: 5 });
    const width = (r: typeof a) => r.factors[0]!.totalCi!.high - r.factors[0]!.totalCi!.low;
    expect(width(large)).toBeLessThan(width(a) / 2);
  });

  it('a constant output has no indices; a malformed one is refused', () => {
    expect(sobolIndices(new Array(5 * 8).fill(0.3), 3).factors).toEqual([null, null, null]);
    expect(() => sobolIndices([1, 2, 3], 3)).toThrow(/n·\(k \+ 2\)/);
    expect(() => sobolIndices([1, 2, 3, Number.NaN, 5], 3)).toThrow(/not a finite number/);
  });

  it('Sobol points beyond dimension 61 (added for ~50 assumption factors) match scipy.stats.qmc.Sobol', () => {
    expect(SOBOL_MAX_DIMENSIONS).toBe(201);
    // scipy.stats.qmc.Sobol(d=201, scramble=False).random(64)[i, d], 0-based dimension d.
    const reference = [
      [5, 61, 0.875], [5, 99, 0.375], [5, 150, 0.625], [5, 200, 0.125],
      [17, 61, 0.03125], [17, 99, 0.53125], [17, 150, 0.96875], [17, 200, 0.03125],
      [33, 61, 0.015625], [33, 99, 0.796875], [33, 150, 0.765625], [33, 200, 0.453125],
      [63, 61, 0.234375], [63, 99, 0.078125], [63, 150, 0.296875], [63, 200, 0.171875],
    ];
    const points = sobolPoints(64, 201);
    for (const [i, d, value] of reference) expect(points[i][d]).toBe(value);
    expect(saltelliSamples(4, 49, 1)).toHaveLength(4 * 51);
  });
});
