/**
 * starts()/stops() take shortcuts (skip the gate when even the ungated chance misses; skip reads
 * that are multiplied by an exact 0). They must decide exactly as the plain formulas do.
 */
import { describe, expect, it } from 'vitest';
import { discontinuationHazard, readinessGate, Support } from '../../src/agents/index.js';
import { weeklyChance } from '../../src/sim/clock.js';
import { RandomStream } from '../../src/sim/rng.js';
import { createStaffState } from '../../src/sim/staff.js';
import { starts, stops, switchRule } from '../../src/sim/switching.js';
import { scenario } from './helpers.js';

const SUPPORTS = [Support.none, Support.unitMember, Support.implementationTeam];

function randomStaff(rng: RandomStream, n: number) {
  const staff = createStaffState(n);
  for (let i = 0; i < n; i++) {
    staff.acceptability[i] = rng.next();
    staff.appropriateness[i] = rng.next();
    staff.feasibility[i] = rng.next();
    staff.threshold[i] = rng.next() * 0.6;
    staff.support[i] = SUPPORTS[rng.below(3)];
  }
  return staff;
}

describe('starts / stops decide as the plain formulas', () => {
  for (const overrides of [[], ['adoption.readinessGate=false'], ['adoption.knowledgeGate=false', 'adoption.initiative=0'], ['adoption.thresholds=false', 'adoption.constantDose=true']]) {
    it(`adoption, ${overrides.join(' ') || 'foundation'}`, () => {
      const s = scenario('foundation', ...overrides);
      const rule = switchRule(s);
      const rng = new RandomStream('switching-test');
      const staff = randomStaff(rng, 500);
      if (!s.adoption.thresholds) staff.threshold.fill(0);
      let adopted = 0;
      for (let trial = 0; trial < 20_000; trial++) {
        const i = trial % 500;
        const u = rng.next() * 0.3; // the interesting range: chances are small
        const exposure = rng.next();
        const knowledge = rng.next();
        const support = staff.support[i];
        const dose = s.adoption.constantDose ? 1 : support === Support.implementationTeam ? s.engagement.teamDose : support === Support.unitMember ? s.engagement.unitDose : 0;
        let gate = 1;
        if (s.adoption.readinessGate) gate *= readinessGate(staff.acceptability[i], staff.appropriateness[i], staff.feasibility[i]);
        if (s.adoption.knowledgeGate) gate *= Math.min(1, knowledge / s.knowledge.learningAt);
        // M6 as docs/MODEL.md writes it: h = [p·(dose + initiative·K) + q·E·1(E ≥ φ)] · g
        const peers = exposure >= staff.threshold[i] ? s.adoption.q * exposure : 0;
        const hazard = (s.adoption.p * (dose + s.adoption.initiative * knowledge) + peers) * gate;
        const plain = u < weeklyChance(hazard);
        const skipsKnowledge = s.adoption.initiative === 0 && !s.adoption.knowledgeGate;
        expect(starts(rule, staff, i, u, exposure, skipsKnowledge ? 0 : knowledge)).toBe(plain);
        if (plain) adopted++;
      }
      expect(adopted).toBeGreaterThan(100);
    });
  }

  it('discontinuation, and none at all when its base hazard is 0', () => {
    const rng = new RandomStream('switching-test-2');
    const staff = randomStaff(rng, 100);
    for (const base of [0.05, 0]) {
      const s = scenario('foundation', `sustainment.discontinuation=${base}`);
      const rule = switchRule(s);
      let stopped = 0;
      for (let trial = 0; trial < 5000; trial++) {
        const i = trial % 100;
        const u = rng.next() * 0.05;
        const exposure = rng.next();
        const { duringSupport, peerProtection, buyInProtection } = s.sustainment;
        const hazard = discontinuationHazard(base, staff.support[i] !== Support.none, duringSupport, exposure, peerProtection, s.context.leadershipBuyIn, buyInProtection);
        const plain = u < weeklyChance(hazard);
        expect(stops(rule, staff, i, u, exposure)).toBe(plain);
        if (plain) stopped++;
      }
      if (base > 0) expect(stopped).toBeGreaterThan(10);
      else expect(stopped).toBe(0);
    }
  });
});
