/**
 * The bridge parameter engagement.pushDecay (push = dose·e^(−age/τ), MODEL-GROUNDING Revisions 8)
 * and adoption.baselineApplying (staff applying at month 0, Revisions 10).
 */
import { describe, expect, it } from 'vitest';
import { Support } from '../../src/agents/index.js';
import { WEEKS_PER_MONTH } from '../../src/sim/clock.js';
import { simulate } from '../../src/sim/index.js';
import { createStaffState } from '../../src/sim/staff.js';
import { agePush, fadingPush, initiativeShareOf, switchRule } from '../../src/sim/switching.js';
import { mean, scenario } from './helpers.js';

describe('engagement.pushDecay', () => {
  it('is off by default: no arrays, no reads', () => {
    const s = scenario('foundation');
    expect(s.engagement.pushDecay).toBe(0);
    expect(fadingPush(s, new Int32Array(3), 1)).toBeNull();
  });

  it('fades a unit’s push as e^(−age/τ), τ = 1/pushDecay months', () => {
    const s = scenario('foundation', 'engagement.pushDecay=0.5', 'adoption.initiative=0', 'adoption.q=0');
    const push = fadingPush(s, Int32Array.from([0, 1]), 2);
    expect(push).not.toBeNull();
    const rule = switchRule(s, push);
    const staff = createStaffState(2);
    staff.support[0] = Support.implementationTeam;
    staff.support[1] = Support.implementationTeam;
    const at = (ageMonths: number) => {
      agePush(push!, 0, ageMonths * WEEKS_PER_MONTH);
      agePush(push!, 1, 0);
      return push!.factor[0];
    };
    expect(at(0)).toBe(1);
    expect(at(2)).toBeCloseTo(Math.exp(-1), 12); // two months at τ = 2 months
    expect(at(6)).toBeCloseTo(Math.exp(-3), 12);
    expect(push!.factor[1]).toBe(1);
    expect(initiativeShareOf(rule, staff, 0, 0, 0.5)).toBe(0);
  });

  it('a faded push leaves more of the hazard to initiative (the dose is what fades)', () => {
    const s = scenario('foundation', 'engagement.pushDecay=1');
    const push = fadingPush(s, Int32Array.from([0]), 1)!;
    const rule = switchRule(s, push);
    const staff = createStaffState(1);
    staff.support[0] = Support.implementationTeam;
    agePush(push, 0, 0);
    const fresh = initiativeShareOf(rule, staff, 0, 0, 0.5);
    agePush(push, 0, 12 * WEEKS_PER_MONTH);
    const old = initiativeShareOf(rule, staff, 0, 0, 0.5);
    // bracket p·(dose·f + initiative·K): share = iK / (dose·f + iK)
    const iK = s.adoption.initiative * 0.5;
    expect(fresh).toBeCloseTo(iK / (s.engagement.teamDose + iK), 12);
    expect(old).toBeCloseTo(iK / (s.engagement.teamDose * Math.exp(-12) + iK), 12);
  });

  it('a fast-fading push lowers adoption when the push is what drives it', () => {
    const seeds = [1, 2, 3, 4, 5, 6];
    const base = ['adoption.initiative=0', 'engagement.lengthMonths=24'];
    const lasting = mean(seeds.map((seed) => simulate(scenario('foundation', ...base), seed).summary.everAdopted));
    const fading = mean(seeds.map((seed) => simulate(scenario('foundation', ...base, 'engagement.pushDecay=2'), seed).summary.everAdopted));
    expect(fading).toBeLessThan(lasting - 0.05);
  });
});

describe('adoption.baselineApplying', () => {
  it('0 (the default) starts everyone not applying', () => {
    const r = simulate(scenario('foundation'), 3);
    expect(r.series.applying[0] + r.series.sustaining[0]).toBe(0);
  });

  it('starts about that share applying at month 0, the same people at every other setting', () => {
    const shares = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
      const r = simulate(scenario('foundation', 'adoption.baselineApplying=0.2'), seed);
      return r.series.adoption[0];
    });
    // 8 runs × 200 staff: SD of the mean share ≈ 0.01.
    expect(mean(shares)).toBeGreaterThan(0.16);
    expect(mean(shares)).toBeLessThan(0.24);
    const a = simulate(scenario('foundation', 'adoption.baselineApplying=0.2'), 1);
    const b = simulate(scenario('foundation', 'adoption.baselineApplying=0.2', 'engagement.lengthMonths=24'), 1);
    expect(b.series.adoption[0]).toBe(a.series.adoption[0]);
  });

  it('gives those applying knowledge and readiness to match (they count as applying, and learned)', () => {
    const s = scenario('foundation', 'adoption.baselineApplying=0.5');
    const r = simulate(s, 9);
    expect(r.series.knowledge[0]).toBeGreaterThanOrEqual(0.5 * 0.8 * s.knowledge.learningAt);
    expect(r.series.aim[0]).toBeGreaterThan(simulate(scenario('foundation'), 9).series.aim[0]);
  });
});
