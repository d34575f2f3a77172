/**
 * The engine keeps, for each person, counts of colleagues applying and of colleagues who have met
 * the ISPs, updated as people switch, meet the ISPs and leave, instead of scanning every tie every
 * week. After every week they must equal a fresh scan of the ties — with turnover replacing people,
 * discontinuation, many ISPs and live changes to the team.
 */
import { describe, expect, it } from 'vitest';
import { Contact } from '../../src/agents/index.js';
import { createSimulation, type Simulation } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

function firstMismatch(simulation: Simulation): string | null {
  const { organization: org, staff, colleagueCounts } = simulation.view;
  if (!colleagueCounts) return 'no kept counts';
  for (let i = 0; i < org.staff; i++) {
    let applying = 0;
    let met = 0;
    for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) {
      const j = org.neighbors[k];
      applying += staff.applying[j];
      met += staff.contact[j] === Contact.direct ? 1 : 0;
    }
    if (colleagueCounts.applying[i] !== applying || colleagueCounts.met[i] !== met) {
      return `week ${simulation.view.week}, person ${i}: kept ${colleagueCounts.applying[i]}/${colleagueCounts.met[i]}, scan ${applying}/${met}`;
    }
  }
  return null;
}

const VARIANTS: Record<string, string[]> = {
  foundation: [],
  'heavy turnover, seeds, discontinuation': ['turnover.annualRate=0.9', 'adoption.seeds=5', 'sustainment.discontinuation=0.2'],
  'many ISPs, small world': ['isps.count=20', 'engagement.initialUnits=6', 'organization.network=small-world'],
};

describe('kept colleague counts equal a scan of the ties', () => {
  for (const [name, overrides] of Object.entries(VARIANTS)) {
    it(`${name}: after every week`, () => {
      const simulation = createSimulation(scenario('foundation', ...overrides, 'months=24'), 17);
      let contacted = 0;
      while (!simulation.done) {
        simulation.step();
        expect(firstMismatch(simulation)).toBeNull();
        if (simulation.view.week === 40) simulation.setIspCount(2);
      }
      for (let i = 0; i < simulation.view.staff.size; i++) contacted += simulation.view.staff.contact[i] === Contact.direct ? 1 : 0;
      expect(contacted).toBeGreaterThan(0);
    });
  }

  it('are not kept where no scan is needed (full mixing, the pathway off)', () => {
    expect(createSimulation(scenario('foundation', 'organization.network=full'), 1).view.colleagueCounts).toBeNull();
    expect(createSimulation(scenario('foundation', 'adoption.pathway=false'), 1).view.colleagueCounts).toBeNull();
  });
});
