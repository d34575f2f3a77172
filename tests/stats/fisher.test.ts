/** Fisher's exact test against published values (R's fisher.test; the Wikipedia worked example). */
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../src/stats/index.js';

describe('fisherExact', () => {
  it("gives Fisher's tea-tasting p (R: 0.4857)", () => {
    expect(fisherExact(3, 1, 1, 3)).toBeCloseTo(0.485714, 5);
  });

  it('gives the two-sided p of the worked example [[1, 9], [11, 3]] (0.002759)', () => {
    expect(fisherExact(1, 9, 11, 3)).toBeCloseTo(0.002759, 6);
  });

  it('gives 1 / C(13, 6) for a perfect split of 7 and 6 (the opposite split cannot occur) and 2 / C(12, 6) for 6 and 6', () => {
    expect(fisherExact(7, 0, 0, 6)).toBeCloseTo(1 / 1716, 12);
    expect(fisherExact(6, 0, 0, 6)).toBeCloseTo(2 / 924, 12);
  });

  it('is 1 when a margin is empty or every one is in one column, and symmetric in rows', () => {
    expect(fisherExact(6, 0, 7, 0)).toBe(1);
    expect(fisherExact(0, 0, 3, 4)).toBe(1);
    expect(fisherExact(2, 5, 6, 1)).toBeCloseTo(fisherExact(6, 1, 2, 5), 12);
  });

  it('refuses cells that are not counts', () => {
    expect(() => fisherExact(1.5, 0, 0, 1)).toThrow(/whole numbers/);
  });
});
