/**
 * Docking (Axtell et al. 1996): the engine reduced to the Bass model must reproduce it.
 * classic-bass = full mixing, φ = 0, gates off, constant dose, p = 0.03, q = 0.38 per month,
 * N = 10,000, weekly ticks (Δt = 12/52 month).
 */
import { describe, expect, it } from 'vitest';
import { monthEndWeek, MONTHS_PER_WEEK, simulate } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

const p = 0.03;
const q = 0.38;

function closedForm(t: number): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

describe('Bass docking', () => {
  it('the mean adoption curve over 20 replicates tracks the discrete recursion (≤ 0.01) and the closed form (≤ 0.025)', () => {
    const bass = scenario('classic-bass');
    expect(bass.organization.staff).toBe(10_000);
    const replicates = 20;
    const meanCurve = new Array<number>(bass.months + 1).fill(0);
    for (let r = 0; r < replicates; r++) {
      simulate(bass, 1000 + r).series.adoption.forEach((share, m) => (meanCurve[m] += share / replicates));
    }
    let share = 0;
    let week = 0;
    let worstRecursion = 0;
    let worstClosedForm = 0;
    for (let m = 0; m <= bass.months; m++) {
      const end = monthEndWeek(m);
      for (; week < end; week++) share += (p + q * share) * (1 - share) * MONTHS_PER_WEEK;
      worstRecursion = Math.max(worstRecursion, Math.abs(meanCurve[m] - share));
      // Month m is observed at the end of tick round(m·52/12): compare at that time.
      worstClosedForm = Math.max(worstClosedForm, Math.abs(meanCurve[m] - closedForm(end * MONTHS_PER_WEEK)));
    }
    expect(worstRecursion).toBeLessThan(0.01);
    expect(worstClosedForm).toBeLessThan(0.025);
    // The curve is a real S: the peak adoption rate lands near t* = ln(q/p)/(p+q) ≈ 6.2 months.
    const increments = meanCurve.slice(1).map((v, m) => v - meanCurve[m]);
    const peakMonth = increments.indexOf(Math.max(...increments)) + 1;
    expect(peakMonth).toBeGreaterThanOrEqual(5);
    expect(peakMonth).toBeLessThanOrEqual(8);
  });
});
