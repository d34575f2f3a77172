/**
 * Pattern 5's falsifiable statistic (summary.lowStakesQuality): skeptics of the same team of an
 * engaged unit, not on its implementation team, compared by whether their first low-stakes contact
 * (before any adoption) was experienced positively. Recomputed here by hand from the run's final
 * state; the first contact is recorded exactly when someone had one.
 */
import { describe, expect, it } from 'vitest';
import { Disposition } from '../../src/agents/index.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { createSimulation } from '../../src/sim/index.js';

describe('summary.lowStakesQuality', () => {
  it('equals the within-team sums recomputed from the final state', () => {
    const { scenario } = loadScenario('foundation', { overrides: ['months=24'] });
    const simulation = createSimulation(scenario, 5);
    const engaged = new Set<number>();
    while (!simulation.done) {
      simulation.step();
      for (const e of simulation.view.activeEngagements) engaged.add(e.unit);
    }
    const { staff, organization: org } = simulation.view;
    for (let i = 0; i < org.staff; i++) expect(staff.firstLowStakes[i] === 0).toBe(staff.lowStakesContacts[i] === 0);
    const onTeam = new Set(org.implementationMembers);
    let people = 0;
    let sxx = 0;
    let sxy = 0;
    for (let t = 0; t < org.teams; t++) {
      const members: { x: number; y: number }[] = [];
      for (let i = org.teamStart[t]; i < org.teamStart[t + 1]; i++) {
        if (!engaged.has(org.unitOf[i]) || staff.disposition[i] !== Disposition.skeptical || staff.firstLowStakes[i] === 0 || onTeam.has(i)) continue;
        const adopted = staff.adoptedWeek[i] >= 0;
        if (adopted && staff.lowStakesBeforeAdoption[i] === 0) continue; // adopted before any low-stakes contact
        members.push({ x: staff.firstLowStakes[i] === 1 ? 1 : 0, y: adopted ? 1 : 0 });
      }
      if (members.length < 2) continue;
      const mx = members.reduce((s, m) => s + m.x, 0) / members.length;
      const my = members.reduce((s, m) => s + m.y, 0) / members.length;
      for (const m of members) {
        sxx += (m.x - mx) ** 2;
        sxy += (m.x - mx) * (m.y - my);
      }
      people += members.length;
    }
    const q = simulation.view.result().summary.lowStakesQuality;
    expect(people).toBeGreaterThan(20);
    expect(q.people).toBe(people);
    expect(q.sxx).toBeCloseTo(sxx, 5);
    expect(q.sxy).toBeCloseTo(sxy, 5);
    expect(q.sxx).toBeGreaterThan(0); // some first low-stakes contacts were negative: quality varies within teams
  });
});
