/**
 * The study's qualitative patterns (MODEL-GROUNDING "Validation targets") in the default
 * foundation scenario over 50 seeds. The measurements and criteria are shared with the validation
 * suite (src/validation/study-patterns.ts), which runs them on 200 seeds and adds pattern 2
 * (lengths equivalent, by TOST).
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/sim/index.js';
import { conversion, demandLevel, demandRises, orderOfChange, PATTERN_CRITERIA as C, ringOrder } from '../../src/validation/study-patterns.js';
import { runsInBuiltEngine } from '../support/built-engine.js';

const SEEDS = Array.from({ length: 50 }, (_, k) => k + 1);

describe('study patterns (foundation, 50 seeds)', () => {
  // Hundreds of runs: in a plain Node process on the built engine (see tests/support/built-engine.ts).
  const runs: RunResult[] = runsInBuiltEngine('foundation', [], SEEDS);

  it('1. order of change: trust → A/P/F → knowledge → application → sustained capacity', () => {
    const { meanHalfRises, orderedShare } = orderOfChange(runs);
    for (let k = 1; k < 5; k++) expect(meanHalfRises[k], `stage ${k}`).toBeGreaterThan(meanHalfRises[k - 1]);
    // Tolerance: the full order holds (ties allowed) in at least 80 % of seeds.
    expect(orderedShare).toBeGreaterThanOrEqual(C.orderedShare);
  });

  it('3. adoption time rises with network distance from the first-engaged units', () => {
    const { meanRho, positiveShare, quarterMonths } = ringOrder(runs);
    expect(meanRho).toBeGreaterThan(C.meanRho);
    expect(positiveShare).toBeGreaterThanOrEqual(C.rhoPositiveShare);
    // Rings reach a quarter of their people applying in order 0, 1, 2.
    expect(quarterMonths[0]).toBeLessThan(quarterMonths[1]);
    expect(quarterMonths[1]).toBeLessThan(quarterMonths[2]);
  });

  it('4. requests for ISPs rise with their credibility', () => {
    const bySkill = [0.3, 0.6, 0.9].map((skill) =>
      demandLevel(skill, runsInBuiltEngine('foundation', [`isps.relationalSkill=${skill}`], SEEDS)),
    );
    expect(demandRises(bySkill)).toBe(true);
  });

  it('5. skeptics convert mainly after low-stakes contacts; some disinterested staff never adopt', () => {
    const c = conversion(runs);
    expect(c.afterLowStakes).toBeGreaterThan(C.afterLowStakes);
    expect(c.rateWith).toBeGreaterThan(C.lowStakesRateRatio * c.rateWithout);
    expect(c.neverShare).toBeGreaterThan(C.neverShare);
    expect(c.runsWithNonAdopter).toBe(runs.length);
  });
});
