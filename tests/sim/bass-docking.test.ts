/**
 * Docking (Axtell et al. 1996): the engine reduced to the Bass model must reproduce it.
 * classic-bass = full mixing, φ = 0, gates off, constant dose, p = 0.03, q = 0.38 per month,
 * N = 10,000, weekly ticks (Δt = 12/52 month). The comparisons live in src/validation/bass.ts,
 * shared with `npm run validate`.
 */
import { describe, expect, it } from 'vitest';
import { bassDocking, peakIncrement } from '../../src/validation/bass.js';
import { meanSeries, seedList } from '../../src/validation/common.js';
import { runsInBuiltEngine } from '../support/built-engine.js';
import { scenario } from './helpers.js';

describe('Bass docking', () => {
  it('the mean adoption curve over 20 replicates tracks the discrete recursion (≤ 0.01) and the closed form (≤ 0.025)', () => {
    const bass = scenario('classic-bass');
    expect(bass.organization.staff).toBe(10_000);
    const meanCurve = meanSeries(runsInBuiltEngine('classic-bass', [], seedList(20, 1000)));
    // Month m is observed at the end of tick round(m·52/12): the closed form is compared at that time.
    const docking = bassDocking(meanCurve);
    expect(docking.worstRecursion).toBeLessThan(0.01);
    expect(docking.worstClosedForm).toBeLessThan(0.025);
    // The curve is a real S: the peak adoption rate lands near t* = ln(q/p)/(p+q) ≈ 6.2 months.
    const peakMonth = peakIncrement(meanCurve).month;
    expect(peakMonth).toBeGreaterThanOrEqual(5);
    expect(peakMonth).toBeLessThanOrEqual(8);
  });
});
