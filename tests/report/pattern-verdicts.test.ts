/**
 * The one verdict of patterns 2 and 3 that the report and `validate` share (src/report/patterns.ts).
 */
import { describe, expect, it } from 'vitest';
import { isLimited, pattern2Verdict, pattern3Holds, type Pattern2Test, type RingAgainstNull } from '../../src/report/patterns.js';

const test = (verdict: string, estimate: number, beyondMargin = false): Pattern2Test => ({ verdict, estimate, beyondMargin, margin: 0.05 });

describe('pattern 2 verdict', () => {
  it('the limited/high line is at 12 months', () => {
    expect([6, 12, 13, 18].map(isLimited)).toEqual([true, true, false, false]);
  });

  it('equivalence rule: all equivalent holds, a material difference breaks it, anything else is undetermined', () => {
    expect(pattern2Verdict([test('equivalent', 0.01), test('equivalent', -0.02)])).toBe('holds');
    expect(pattern2Verdict([test('equivalent', 0.01), test('differs', 0.09, true)])).toBe('does-not-hold');
    // a real difference inside the margin, or an inconclusive one, leaves it open
    expect(pattern2Verdict([test('equivalent', 0.01), test('differs', 0.04)])).toBe('undetermined');
    expect(pattern2Verdict([test('inconclusive', 0.03)])).toBe('undetermined');
    expect(pattern2Verdict([test('not-assessed', 0)])).toBe('undetermined');
  });

  it("point-estimate rule (validate's fast scale): holds while no estimate reaches the margin", () => {
    expect(pattern2Verdict([test('inconclusive', 0.049), test('inconclusive', -0.03)], 'point-estimate')).toBe('holds');
    expect(pattern2Verdict([test('equivalent', 0.01), test('inconclusive', -0.05)], 'point-estimate')).toBe('does-not-hold');
  });
});

describe('pattern 3 verdict', () => {
  const ring = (statistic: RingAgainstNull['statistic'], beatsNull: boolean) => ({ statistic, beatsNull }) as RingAgainstNull;
  it('holds only when the correlation beyond ring 0 beats the null network', () => {
    expect(pattern3Holds([ring('ringCorrelation', true), ring('ringCorrelationBeyond0', true)])).toBe(true);
    expect(pattern3Holds([ring('ringCorrelation', true), ring('ringCorrelationBeyond0', false)])).toBe(false);
    expect(pattern3Holds([ring('ringCorrelation', true)])).toBe(false);
  });
});
