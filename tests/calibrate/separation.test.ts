/** The study-planning simulation (separation.ts): known answers on pools built by hand. */
import { describe, expect, it } from 'vitest';
import { recipientsToSeparate, separation, type UnitDraw } from '../../src/calibrate/separation.js';

const pool = (high: number, limited: number, units = 50): UnitDraw[] => Array.from({ length: units }, (_, k) => ({ high: k % 2 === 0, share: k % 2 === 0 ? high : limited }));

describe('separation', () => {
  it('cannot tell identical models apart, and its z test keeps its size without clustering', () => {
    const rows = separation([pool(0.5, 0.5), pool(0.5, 0.5)], [20, 200], 2, 4000, 1);
    for (const r of rows) {
      expect(Math.min(...r.correct)).toBeLessThan(0.56);
      // Every unit has the same share: recipients are independent, so the false-alarm rate is α.
      expect(r.power[0]).toBeGreaterThan(0.03);
      expect(r.power[0]).toBeLessThan(0.08);
    }
    expect(recipientsToSeparate(rows)).toBeNull();
  });

  it('separates a large difference at a small study and a small one only at a large study', () => {
    const large = separation([pool(0.5, 0.5), pool(0.9, 0.1)], [10, 40], 2, 2000, 2);
    expect(Math.min(...large[1].correct)).toBeGreaterThan(0.95);
    expect(large[1].meanDifference[1]).toBeCloseTo(0.8, 1);
    const small = separation([pool(0.5, 0.5), pool(0.55, 0.45)], [20, 400, 1600], 2, 2000, 3);
    expect(Math.min(...small[0].correct)).toBeLessThan(0.7);
    // 10 pp between models, n = 800 per length: the SD of a difference is about 2.5 pp, so the
    // midpoint threshold (5 pp) names each correctly with about 98 % probability.
    expect(Math.min(...small[2].correct)).toBeGreaterThan(0.9);
    expect(recipientsToSeparate(small)).toBe(small.find((r) => Math.min(...r.correct) >= 0.8)!.recipients);
  });

  it('between-unit differences make a study need more recipients than independent draws would', () => {
    // Same mean shares (0.6 vs 0.4 for B); in the clustered pool units are 0 or 1.
    const flat: UnitDraw[] = pool(0.6, 0.4);
    // Units of 0 or 1: 60 % of high units and 40 % of limited units have everyone applying.
    const clustered: UnitDraw[] = Array.from({ length: 100 }, (_, k) => {
      const high = k % 2 === 0;
      const rank = Math.floor(k / 2) % 10;
      return { high, share: rank < (high ? 6 : 4) ? 1 : 0 };
    });
    const null_ = pool(0.5, 0.5);
    const independent = separation([null_, flat], [60], 2, 3000, 4)[0];
    const grouped = separation([null_, clustered], [60], 2, 3000, 4)[0];
    expect(Math.min(...grouped.correct)).toBeLessThan(Math.min(...independent.correct));
  });

  it('is deterministic for a seed', () => {
    const a = separation([pool(0.5, 0.4), pool(0.7, 0.3)], [30], 2, 500, 9);
    const b = separation([pool(0.5, 0.4), pool(0.7, 0.3)], [30], 2, 500, 9);
    expect(b).toEqual(a);
  });
});
