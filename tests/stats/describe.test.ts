/**
 * The named rules src/stats keeps so that sites routed through it stay byte-identical: the
 * compensated mean equals simple-statistics' (which estimate() used before), and differs from the
 * in-order mean where compensation matters; the median's even-n midpoint is (a + b)/2, not type-7's
 * a + ½(b − a); the rank percentile interval picks sorted[⌊0.025B⌋] and sorted[⌈0.975B⌉ − 1].
 */
import { describe, expect, it } from 'vitest';
import { mean as ssMean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { compensatedMean, estimate, mean, medianOfSorted, rankPercentileInterval, seededUniform } from '../../src/stats/index.js';

describe('src/stats named rules', () => {
  it('compensatedMean is simple-statistics mean bit for bit, and estimate() matches its old sums', () => {
    const uniform = seededUniform('describe-test');
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(uniform() * 60);
      const values = Array.from({ length: n }, () => (uniform() - 0.3) * 10 ** Math.floor(uniform() * 8 - 4));
      expect(Object.is(compensatedMean(values), ssMean(values))).toBe(true);
      const sorted = [...values].sort((a, b) => a - b);
      const e = estimate(values)!;
      expect(e.mean).toBe(ssMean(sorted));
      expect(e.sd).toBe(n > 1 ? sampleStandardDeviation(sorted) : 0);
      expect(e.q05).toBe(quantileSorted(sorted, 0.05));
      expect(e.median).toBe(quantileSorted(sorted, 0.5));
    }
    // where compensation matters the two means differ: the in-order sum loses the 1s
    const hard = [1e16, 1, 1, -1e16];
    expect(compensatedMean(hard)).toBe(0.5);
    expect(mean(hard)).not.toBe(0.5);
  });

  it('medianOfSorted takes the midpoint (a + b)/2 of the two middle values', () => {
    expect(medianOfSorted([1, 2, 9])).toBe(2);
    expect(medianOfSorted([1, 2, 4, 9])).toBe(3);
    expect(medianOfSorted(Float64Array.of(0.1, 0.7))).toBe((0.1 + 0.7) / 2);
  });

  it('rankPercentileInterval picks ranks without interpolation', () => {
    const draws = Float64Array.from({ length: 2000 }, (_, i) => i);
    expect(rankPercentileInterval(draws)).toEqual({ low: 50, high: 1949 });
    expect(rankPercentileInterval(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toEqual({ low: 1, high: 10 });
  });
});
