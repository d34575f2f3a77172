/**
 * The engine's ISP team (a min-tree over loads, src/sim/isp-slots.ts) books exactly the co-leads
 * of the rule in src/agents (chooseCoLeads: most free slots, lowest index on ties).
 */
import { describe, expect, it } from 'vitest';
import { chooseCoLeads } from '../../src/agents/index.js';
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
});
