import { describe, expect, it } from 'vitest';
import { estimate, normalQuantile, studentTQuantile } from '../../src/stats/index.js';

describe('normalQuantile', () => {
  it('matches standard values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});

describe('studentTQuantile', () => {
  // Two-sided 95 % critical values from standard t tables.
  const table: [number, number][] = [
    [1, 12.706],
    [2, 4.303],
    [3, 3.182],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [199, 1.972],
  ];
  for (const [df, t] of table) {
    it(`t(0.975, ${df}) ≈ ${t}`, () => {
      expect(studentTQuantile(0.975, df)).toBeCloseTo(t, df <= 5 ? 2 : 3);
    });
  }
  it('is symmetric', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
  });
});

describe('estimate', () => {
  it('describes a sample: mean, sd, quantiles, t interval', () => {
    const e = estimate([1, 2, 3, 4, 5])!;
    expect(e.n).toBe(5);
    expect(e.mean).toBe(3);
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(e.median).toBe(3);
    expect(e.min).toBe(1);
    expect(e.max).toBe(5);
    const half = 2.776 * (Math.sqrt(2.5) / Math.sqrt(5));
    expect(e.ciLow).toBeCloseTo(3 - half, 2);
    expect(e.ciHigh).toBeCloseTo(3 + half, 2);
  });

  it('handles one value and none', () => {
    expect(estimate([]) ).toBeNull();
    const one = estimate([0.4])!;
    expect([one.mean, one.sd, one.ciLow, one.ciHigh]).toEqual([0.4, 0, 0.4, 0.4]);
  });
});
