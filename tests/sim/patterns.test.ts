/**
 * The study's qualitative patterns (MODEL-GROUNDING "Validation targets") in the default
 * foundation scenario over 50 seeds. Pattern 2 (lengths equivalent) is tested by the report.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type RunResult } from '../../src/sim/index.js';
import { mean, scenario } from './helpers.js';

const SEEDS = Array.from({ length: 50 }, (_, k) => k + 1);

/** First month a series reaches half of its rise from month 0 to its maximum. */
function halfRise(series: readonly number[]): number {
  const level = series[0] + 0.5 * (Math.max(...series) - series[0]);
  return series.findIndex((v) => v >= level);
}

describe('study patterns (foundation, 50 seeds)', () => {
  const runs: RunResult[] = SEEDS.map((seed) => simulate(scenario(), seed));

  it('1. order of change: trust → A/P/F → knowledge → application → sustained capacity', () => {
    const halves = runs.map(({ series: s }) => [
      halfRise(s.trust),
      halfRise(s.aim.map((a, m) => (a + s.iam[m] + s.fim[m]) / 3)),
      halfRise(s.knowledge),
      halfRise(s.adoption),
      halfRise(s.sustained),
    ]);
    const meanHalves = [0, 1, 2, 3, 4].map((k) => mean(halves.map((h) => h[k])));
    for (let k = 1; k < 5; k++) expect(meanHalves[k], `stage ${k}`).toBeGreaterThan(meanHalves[k - 1]);
    // Tolerance: the full order holds (ties allowed) in at least 80 % of seeds.
    const ordered = halves.filter((h) => h.every((v, k) => k === 0 || v >= h[k - 1])).length;
    expect(ordered / runs.length).toBeGreaterThanOrEqual(0.8);
  });

  it('3. adoption time rises with network distance from the first-engaged units', () => {
    const rho = runs.map((r) => r.summary.ringCorrelation ?? 0);
    expect(mean(rho)).toBeGreaterThan(0.1);
    expect(rho.filter((v) => v > 0).length / runs.length).toBeGreaterThanOrEqual(0.9);
    // Rings reach a quarter of their people applying in order 0, 1, 2.
    const quarter = (series: readonly number[]) => {
      const month = series.findIndex((v) => v >= 0.25);
      return month < 0 ? series.length : month;
    };
    const ring0 = mean(runs.map((r) => quarter(r.series.ring0)));
    const ring1 = mean(runs.map((r) => quarter(r.series.ring1)));
    const ring2 = mean(runs.map((r) => quarter(r.series.ring2)));
    expect(ring0).toBeLessThan(ring1);
    expect(ring1).toBeLessThan(ring2);
  });

  it('4. requests for ISPs rise with their credibility', () => {
    const bySkill = [0.3, 0.6, 0.9].map((skill) => {
      const results = SEEDS.map((seed) => simulate(scenario('foundation', `isps.relationalSkill=${skill}`), seed));
      return {
        credibility: mean(results.map((r) => r.summary.finalCredibility)),
        demand: mean(results.map((r) => mean(r.series.demand))),
        requests: mean(results.map((r) => r.summary.requests)),
      };
    });
    for (let k = 1; k < bySkill.length; k++) {
      expect(bySkill[k].credibility).toBeGreaterThan(bySkill[k - 1].credibility);
      expect(bySkill[k].demand).toBeGreaterThan(bySkill[k - 1].demand);
      expect(bySkill[k].requests).toBeGreaterThan(bySkill[k - 1].requests);
    }
  });

  it('5. skeptics convert mainly after low-stakes contacts; some disinterested staff never adopt', () => {
    const total = (pick: (r: RunResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0);
    const skeptics = (r: RunResult) => r.summary.dispositions.skeptical;
    const afterLowStakes = total((r) => skeptics(r).adoptedAfterLowStakes) / total((r) => skeptics(r).adopted);
    expect(afterLowStakes).toBeGreaterThan(0.6);
    const rateWith = total((r) => skeptics(r).adoptedWithLowStakes) / total((r) => skeptics(r).withLowStakes);
    const rateWithout =
      total((r) => skeptics(r).adopted - skeptics(r).adoptedWithLowStakes) /
      total((r) => skeptics(r).staff - skeptics(r).withLowStakes);
    expect(rateWith).toBeGreaterThan(2 * rateWithout);
    const disinterested = runs.map((r) => r.summary.dispositions.disinterested);
    const neverShare = 1 - disinterested.reduce((s, d) => s + d.adopted, 0) / disinterested.reduce((s, d) => s + d.staff, 0);
    expect(neverShare).toBeGreaterThan(0.2);
    expect(disinterested.filter((d) => d.adopted < d.staff).length).toBe(runs.length);
  });
});
