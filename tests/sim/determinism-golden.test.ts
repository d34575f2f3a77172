/**
 * Determinism across the engine's code paths (the ones performance work touches): each variant is
 * byte-identical for one seed and differs for another; the stepper with live view reads gives what
 * simulate() gives; two runs stepped in alternation do not disturb each other (no state shared
 * between runs). What each case gives is pinned in tests/golden.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, simulate } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

const VARIANTS: Record<string, string[]> = {
  foundation: [],
  'full mixing': ['organization.network=full'],
  'threshold rule': ['adoption.rule=threshold'],
  'erdos-renyi': ['organization.network=erdos-renyi'],
  'small-world': ['organization.network=small-world'],
  'no ISPs, no turnover (reduced model)': [
    'isps.count=0',
    'engagement.initialUnits=0',
    'turnover.annualRate=0',
    'adoption.thresholds=false',
    'adoption.readinessGate=false',
    'adoption.knowledgeGate=false',
    'adoption.constantDose=true',
    'adoption.seeds=3',
  ],
  'pathway off (one-pass loop)': ['adoption.pathway=false', 'adoption.seeds=3'],
  'many ISPs': ['isps.count=40', 'organization.staff=600', 'organization.units=36', 'engagement.initialUnits=6'],
};

const json = (s: ReturnType<typeof scenario>, seed: number) => JSON.stringify(simulate(s, seed));

describe('determinism on every engine path', () => {
  for (const [name, overrides] of Object.entries(VARIANTS)) {
    it(`${name}: same seed ⇒ identical JSON, another seed ⇒ different`, () => {
      const s = scenario('foundation', ...overrides, 'months=18');
      const first = json(s, 101);
      expect(json(s, 101)).toBe(first);
      expect(json(s, 102)).not.toBe(first);
    });
  }

  it('the stepper, read every week as the teaching UI does, gives what simulate() gives', () => {
    const s = scenario('foundation');
    const simulation = createSimulation(s, 5);
    let stagesSeen = 0;
    while (!simulation.done) {
      simulation.step();
      const view = simulation.view;
      for (let i = 0; i < view.staff.size; i++) stagesSeen += view.stageOf(i) >= 0 ? 1 : 0;
      expect(view.week).toBeLessThanOrEqual(view.totalWeeks);
    }
    expect(stagesSeen).toBe(s.organization.staff * simulation.view.totalWeeks);
    expect(JSON.stringify(simulation.view.result())).toBe(json(s, 5));
  });

  it('two runs stepped in alternation match the same runs made alone', () => {
    const a = scenario('foundation');
    const b = scenario('foundation', 'organization.network=full', 'isps.count=8');
    const one = createSimulation(a, 21);
    const two = createSimulation(b, 22);
    while (!one.done || !two.done) {
      one.step();
      two.step();
    }
    expect(JSON.stringify(one.view.result())).toBe(json(a, 21));
    expect(JSON.stringify(two.view.result())).toBe(json(b, 22));
  });
});
