/**
 * The closed forms and analytic results the validation suite compares against, checked against
 * the figures quoted in MODEL-GROUNDING and the literature (no simulation here).
 */
import { describe, expect, it } from 'vitest';
import { bassClosedForm, bassDocking, bassPeak, bassRecursion, bassTimeTo, atMonthEnds } from '../../src/validation/bass.js';
import { clustering } from '../../src/validation/complex-contagion.js';
import { crossingTime, observedTime } from '../../src/validation/common.js';
import { wilson } from '../../src/stats/index.js';
import { logistic, logisticHalfTime, discreteLogistic } from '../../src/validation/si-logistic.js';
import { weeklySurvival } from '../../src/validation/sustainment.js';
import { cascadeCondition, cascadeFrequency, cascadeWindow, vulnerableDegree } from '../../src/validation/watts-cascade.js';
import { halfRise } from '../../src/validation/study-patterns.js';

describe('Bass closed form (p = 0.03, q = 0.38)', () => {
  it('has the MODEL-GROUNDING landmarks', () => {
    const peak = bassPeak();
    expect(peak.time).toBeCloseTo(6.19, 2);
    expect(peak.share).toBeCloseTo(0.4605, 4);
    expect(peak.rate).toBeCloseTo(0.1106, 4);
    expect(bassTimeTo(0.16)).toBeCloseTo(3.13, 2);
    expect(bassTimeTo(0.5)).toBeCloseTo(6.55, 2);
    expect(bassTimeTo(0.84)).toBeCloseTo(10.46, 2);
    expect(bassClosedForm(bassTimeTo(0.5))).toBeCloseTo(0.5, 10);
  });

  it('the weekly recursion stays within 0.017 of the closed form over 30 months', () => {
    const monthly = atMonthEnds(bassRecursion(130), 30);
    const docking = bassDocking(monthly);
    expect(docking.worstRecursion).toBe(0);
    expect(docking.discretization).toBeGreaterThan(0.015);
    expect(docking.discretization).toBeLessThan(0.017);
  });
});

describe('logistic (SI on a complete graph)', () => {
  it('half-time ln((1 − F₀)/F₀)/β and the discrete version lagging it', () => {
    expect(logisticHalfTime(0.38, 0.01)).toBeCloseTo(12.09, 2);
    expect(logistic(logisticHalfTime(0.38, 0.01), 0.38, 0.01)).toBeCloseTo(0.5, 10);
    const discrete = crossingTime(discreteLogistic(36, 0.38, 0.01), 0.5)!;
    expect(discrete - 12.09).toBeGreaterThan(0.2);
    expect(discrete - 12.09).toBeLessThan(0.5);
  });
});

describe('Watts (2002) cascade condition, φ = 0.18', () => {
  it('vulnerable degrees are k ≤ 5', () => {
    expect(vulnerableDegree(0.18)).toBe(5);
    expect(vulnerableDegree(0.2)).toBe(5);
    expect(vulnerableDegree(0.3)).toBe(3);
  });

  it('the window on Poisson degrees is 1.02 ≤ z ≤ 5.76', () => {
    const window = cascadeWindow()!;
    expect(window.low).toBeCloseTo(1.02, 2);
    expect(window.high).toBeCloseTo(5.76, 2);
    expect(cascadeCondition(3)).toBeGreaterThan(0);
    expect(cascadeCondition(0.9)).toBeLessThan(0);
    expect(cascadeCondition(7)).toBeLessThan(0);
  });

  it('the frequency of global cascades is the extended vulnerable cluster', () => {
    expect(cascadeFrequency(0.9)).toBeLessThan(1e-6);
    expect(cascadeFrequency(7)).toBeLessThan(1e-6);
    // z = 1.5: almost everyone is vulnerable, so it is close to the giant component 1 − e^{−zS} = S ≈ 0.583.
    expect(cascadeFrequency(1.5)).toBeGreaterThan(0.53);
    expect(cascadeFrequency(1.5)).toBeLessThan(0.583);
    expect(cascadeFrequency(3)).toBeCloseTo(0.8735, 3);
  });
});

describe('helpers', () => {
  it('sustainment survival at the bare hazard', () => {
    expect(weeklySurvival(0.05)).toBeCloseTo(0.2991, 4);
  });

  it('clustering of a ring lattice with k = 6 is 0.6', () => {
    const n = 30;
    const lists: number[][] = Array.from({ length: n }, (_, i) => [-3, -2, -1, 1, 2, 3].map((d) => (i + d + n) % n).sort((a, b) => a - b));
    const offsets = Int32Array.from([0, ...lists.map((_, i) => (i + 1) * 6)]);
    expect(clustering(offsets, Int32Array.from(lists.flat()))).toBeCloseTo(0.6, 10);
  });

  it('crossing times interpolate between observed tick times; Wilson intervals; half-rise months', () => {
    expect(crossingTime([0, 0.4, 0.8], 0.6)).toBeCloseTo((observedTime(1) + observedTime(2)) / 2, 10);
    expect(crossingTime([0, 0.1], 0.5)).toBeNull();
    const ci = wilson(0, 200);
    expect(ci.low).toBeCloseTo(0, 12);
    expect(ci.high).toBeCloseTo(0.0188, 3);
    // the report's definition: half of the rise from month 0, interpolated between month ends
    expect(halfRise([0, 0.2, 0.6, 1])).toBe(1.75);
    expect(halfRise([0, 0.5, 1])).toBe(1);
  });
});
