/**
 * Engine 2's science pieces (MODEL-GROUNDING Revisions 1–6), small and in-process: the null
 * network keeps every degree, the ring statistics outside ring 0 are the ρ they claim, the
 * initiative's share is read off the hazard, readiness does not move without ISP exposure, and the
 * rival explanations of pattern 2 load as built-ins.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, buildOrganization, RandomStream, rewiredOrganization, simulate, spearman } from '../../src/sim/index.js';
import { listBuiltins } from '../../src/scenarios/index.js';
import { scenario } from './helpers.js';

describe('degree-preserving null network', () => {
  const org = buildOrganization(scenario(), new RandomStream('net'));
  const rewired = rewiredOrganization(org, new RandomStream('null'));
  const degree = (o: typeof org, i: number) => o.offsets[i + 1] - o.offsets[i];

  it('keeps every degree, makes no self-tie or repeated tie, and moves most ties', () => {
    let kept = 0;
    for (let i = 0; i < org.staff; i++) {
      expect(degree(rewired, i)).toBe(degree(org, i));
      const seen = new Set<number>();
      for (let k = rewired.offsets[i]; k < rewired.offsets[i + 1]; k++) {
        const j = rewired.neighbors[k];
        expect(j).not.toBe(i);
        expect(seen.has(j)).toBe(false);
        seen.add(j);
        if (org.neighbors.subarray(org.offsets[i], org.offsets[i + 1]).includes(j)) kept++;
      }
    }
    expect(kept / org.offsets[org.staff]).toBeLessThan(0.3);
    expect(rewired.unitStart).toBe(org.unitStart);
  });

  it('is the same for the same stream seed, and a run on it keeps its rings and rollout', () => {
    expect(Array.from(rewiredOrganization(org, new RandomStream('null')).neighbors)).toEqual(Array.from(rewired.neighbors));
    const real = createSimulation(scenario('classroom'), 3).view;
    const nul = createSimulation(scenario('classroom', 'organization.nullTies=true'), 3).view;
    expect(Array.from(nul.ring)).toEqual(Array.from(real.ring));
    expect(Array.from(nul.organization.neighbors)).not.toEqual(Array.from(real.organization.neighbors));
  });
});

describe('run summary additions', () => {
  const s = scenario('classroom');
  const simulation = createSimulation(s, 5);
  while (!simulation.done) simulation.step();
  const { staff, ring } = simulation.view;
  const summary = simulation.view.result().summary;

  it('ringCorrelationBeyond0 is ρ(ring, adoption week) over adopters outside ring 0', () => {
    const rings: number[] = [];
    const weeks: number[] = [];
    for (let i = 0; i < staff.adoptedWeek.length; i++) {
      if (staff.adoptedWeek[i] >= 0 && ring[i] > 0) {
        rings.push(ring[i]);
        weeks.push(staff.adoptedWeek[i]);
      }
    }
    const rho = spearman(rings, weeks);
    expect(summary.ringCorrelationBeyond0).toBe(rho === null ? null : Math.round(rho * 1e6) / 1e6);
    expect(summary).toHaveProperty('ringCorrelationUnengaged');
  });

  it('initiativeShare is a share of adopters, and 0 with initiative off', () => {
    expect(summary.initiativeShare).toBeGreaterThan(0);
    expect(summary.initiativeShare).toBeLessThan(1);
    expect(simulate(scenario('classroom', 'adoption.initiative=0'), 5).summary.initiativeShare).toBe(0);
  });

  it('A, P and F stay at baseline for anyone who has not met or heard of the ISPs', () => {
    // No turnover: a newcomer would start at another baseline.
    const run = createSimulation(scenario('foundation', 'turnover.annualRate=0'), 2);
    const { staff: people } = run.view;
    const baseline = Float64Array.from(people.appropriateness);
    for (let w = 0; w < 20; w++) run.step();
    let unexposed = 0;
    for (let i = 0; i < people.contact.length; i++) {
      if (people.contact[i] !== 0) continue;
      unexposed++;
      expect(people.appropriateness[i]).toBe(baseline[i]);
      expect(people.acceptability[i]).toBe(baseline[i]);
    }
    expect(unexposed).toBeGreaterThan(0);
  });
});

describe('rival explanations of pattern 2', () => {
  it('load as built-ins that extend foundation', () => {
    expect(listBuiltins()).toEqual(expect.arrayContaining(['hypotheses/early-affect', 'hypotheses/capacity']));
    const h1 = scenario('hypotheses/early-affect');
    const h2 = scenario('hypotheses/capacity');
    expect(h1.organization.staff).toBe(200);
    expect(h1.affect.gain).toBeGreaterThan(h2.affect.gain);
    expect(h2.engagement.teamDose).toBeGreaterThan(h1.engagement.teamDose);
  });
});
