/**
 * The engine's ISP team (a min-tree over loads, src/sim/isp-slots.ts) books exactly the co-leads
 * of the rule in src/agents (chooseCoLeads: most free slots, lowest index on ties).
 */
import { describe, expect, it } from 'vitest';
import { chooseCoLeads } from '../../src/agents/index.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { engagementCapacity } from '../../src/sweep/staffing/analyse.js';
import { allUnitsEngaged } from '../../src/validation/sustainment.js';
import { createSimulation, ispsToCoLead, teamCapacity } from '../../src/sim/index.js';
import { assignCoLeads, createIspTeam, releaseCoLeads } from '../../src/sim/isp-slots.js';
import { RandomStream } from '../../src/sim/rng.js';

describe('ISP co-lead slots', () => {
  it('books co-leads with the most free slots and refuses when too few are free', () => {
    const team = createIspTeam(3, 4, 1.25); // 3 slots each
    expect(team.slotsPerIsp).toBe(3);
    expect(assignCoLeads(team, 2)).toEqual([0, 1]);
    expect(assignCoLeads(team, 2)).toEqual([2, 0]);
    const small = createIspTeam(2, 1.25, 1.25);
    expect(assignCoLeads(small, 2)).toEqual([0, 1]);
    expect(assignCoLeads(small, 2)).toBeNull();
    releaseCoLeads(small, [0, 1]);
    expect(assignCoLeads(small, 2)).toEqual([0, 1]);
  });

  it('the tree books what chooseCoLeads picks, over random teams, loads and sequences of bookings and releases', () => {
    const rng = new RandomStream('tests/isp-slots/agree');
    let booked = 0;
    let refused = 0;
    for (let draw = 0; draw < 400; draw++) {
      const count = rng.below(13); // an empty team too; 13 is not a power of 2
      const slots = rng.below(5);
      // A team resized live starts from the loads it had (createIspTeam's `loads`).
      const loads = rng.next() < 0.3 ? Array.from({ length: rng.below(count + 3) }, () => rng.below(slots + 1)) : undefined;
      const team = createIspTeam(count, slots * 1.25, 1.25, loads);
      expect(team.slotsPerIsp).toBe(slots);
      const load = Array.from({ length: count }, (_, isp) => (loads !== undefined && isp < loads.length ? loads[isp] : 0));
      const engagements: number[][] = [];
      for (let step = 0; step < 40; step++) {
        if (engagements.length > 0 && rng.next() < 0.35) {
          const [coLeads] = engagements.splice(rng.below(engagements.length), 1);
          releaseCoLeads(team, coLeads);
          for (const isp of coLeads) load[isp]--;
        } else {
          const coLeads = rng.below(4);
          const expected = chooseCoLeads(load, slots, coLeads);
          expect(assignCoLeads(team, coLeads)).toEqual(expected);
          if (expected === null) {
            refused++;
          } else {
            booked++;
            engagements.push(expected);
            for (const isp of expected) load[isp]++;
          }
        }
        expect(Array.from(team.load)).toEqual(load);
      }
    }
    // Both outcomes came up often, so the agreement covers both.
    expect(booked).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });

  // hours per week, hours per co-lead week: exact quotients, fractional ones that floating point
  // lands just below (0.3 / 0.1 = 2.9999…), and plain remainders
  const HOURS: readonly (readonly [number, number])[] = [[4, 1.25], [0.3, 0.1], [0.7, 0.1], [2.5, 1.25], [3.3, 1.1], [1, 1.5], [6, 2.5]];

  it.each(HOURS)('the capacity the staffing analysis reports is what the engine starts (%s h, %s h per co-lead)', (hours, perCoLead) => {
    for (const [isps, coLeads] of [[2, 2], [3, 2], [5, 2], [4, 3], [7, 1]] as const) {
      const overrides = [`isps.count=${isps}`, `isps.hoursPerWeek=${hours}`, `engagement.hoursPerCoLeadWeek=${perCoLead}`, `engagement.coLeads=${coLeads}`];
      const { scenario } = loadScenario('foundation', { overrides: [...overrides, 'organization.units=40', 'engagement.initialUnits=40', 'demand.baseRequestRate=0', 'months=2'] });
      const sim = createSimulation(scenario, 1);
      sim.step(); // every unit asked at week 0; as many started as the team can co-lead
      const capacity = teamCapacity(isps, hours, perCoLead, coLeads);
      expect(sim.view.activeEngagements.length, overrides.join(' ')).toBe(Math.min(40, capacity));
      expect(engagementCapacity(isps, {}, scenario)).toBe(capacity);
    }
  });

  it.each(HOURS)('validation engages every unit with the team it computes (%s h, %s h per co-lead)', (hours, perCoLead) => {
    const base = loadScenario('foundation', { overrides: [`isps.hoursPerWeek=${hours}`, `engagement.hoursPerCoLeadWeek=${perCoLead}`, 'isps.count=2'] }).scenario;
    const units = base.organization.units;
    const needed = ispsToCoLead(units, hours, perCoLead, base.engagement.coLeads);
    if (teamCapacity(1, hours, perCoLead, 1) === 0) return; // an ISP with no slot: no team engages anyone
    expect(teamCapacity(needed, hours, perCoLead, base.engagement.coLeads)).toBeGreaterThanOrEqual(units);
    expect(teamCapacity(needed - 1, hours, perCoLead, base.engagement.coLeads)).toBeLessThan(units);
    expect(allUnitsEngaged(base)).toContain(`isps.count=${needed}`);
  });
});
