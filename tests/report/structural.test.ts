/** Advice under each explanation (structural.ts): verdicts with weights, the model average, disagreement. */
import { describe, expect, it } from 'vitest';
import { structuralAdvice, verdictOf } from '../../src/report/structural.js';

const h1 = { name: 'hypotheses/early-affect', label: 'early interactions', difference: -6.2, low: -8.1, high: -4.3 };
const h2 = { name: 'hypotheses/capacity', label: 'capacity rationing', difference: 0.3, low: -1.6, high: 2.2 };

describe('structural advice', () => {
  it('classifies a contrast against the margin', () => {
    expect(verdictOf(0.3, -1.6, 2.2, 5)).toBe('no-material-difference');
    expect(verdictOf(-6.2, -8.1, -4.3, 5)).toBe('loss');
    expect(verdictOf(6.2, 4.1, 8.3, 5)).toBe('gain');
    expect(verdictOf(3, -1, 7, 5)).toBe('inconclusive');
  });

  it('says when the explanations disagree, each verdict with its posterior weight (the issue’s example)', () => {
    const advice = structuralAdvice([{ ...h1, weight: 7 }, { ...h2, weight: 3 }], 5, '24 months (vs 12)');
    expect(advice.disagree).toBe(true);
    expect(advice.entries.map((e) => e.weight)).toEqual([0.7, 0.3]);
    expect(advice.entries[0].sentence).toBe('Under early interactions (posterior 0.70): 24 months (vs 12) loses 6.2 pp (95 % CI -8.1 to -4.3).');
    expect(advice.entries[1].sentence).toMatch(/^Under capacity rationing \(posterior 0\.30\): no material difference/);
    expect(advice.headline).toMatch(/^The explanations disagree: Under early interactions \(posterior 0\.70\).*; Under capacity rationing \(posterior 0\.30\)/);
    // The average: 0.7·(−6.2) + 0.3·0.3 = −4.25; its interval spans both explanations' estimates.
    expect(advice.averaged.difference).toBeCloseTo(-4.25, 10);
    expect(advice.averaged.low).toBeLessThan(-7);
    expect(advice.averaged.high).toBeGreaterThan(0);
  });

  it('one sentence when they agree; an explanation under the minimum weight does not make them disagree', () => {
    const advice = structuralAdvice([{ ...h2, weight: 0.97 }, { ...h1, weight: 0.03 }], 5, '24 months (vs 12)');
    expect(advice.disagree).toBe(false);
    expect(advice.headline).toMatch(/^Every explanation with weight agrees: /);
  });

  it('a single explanation’s average is its own estimate and interval', () => {
    const advice = structuralAdvice([{ ...h1, weight: 1 }], 5, '24 months (vs 12)');
    expect(advice.averaged.difference).toBe(-6.2);
    expect(advice.averaged.low).toBeCloseTo(-8.1, 3);
    expect(advice.averaged.high).toBeCloseTo(-4.3, 3);
  });
});
