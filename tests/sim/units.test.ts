/**
 * The within-organization design in the engine: lengths assigned to units from the run's seed
 * (same seed, same assignment; equal shares; recorded per unit), each unit's engagements last its
 * own length, and the per-unit outcomes add up to the run's totals. Runs of the policy design
 * carry no `units` (their output is unchanged).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/index.js';
import { assignLengths, createSimulation, monthsToWeeks, RECORDED_STAGES, simulate } from '../../src/sim/index.js';

const WITHIN = ['engagement.lengthAssignment=within', 'engagement.withinLengths=[6,18]', 'months=24'];

function counts(assigned: Float64Array): Map<number, number> {
  const tally = new Map<number, number>();
  for (const length of assigned) tally.set(length, (tally.get(length) ?? 0) + 1);
  return tally;
}

describe('assignLengths', () => {
  it('gives the same assignment for the same seed, another for another seed', () => {
    expect([...assignLengths([6, 18], 12, 7)]).toEqual([...assignLengths([6, 18], 12, 7)]);
    const seeds = [1, 2, 3, 4, 5].map((seed) => assignLengths([6, 18], 12, seed).join(','));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('shares the lengths out equally (within one unit when they do not divide)', () => {
    expect(counts(assignLengths([6, 18], 12, 3))).toEqual(new Map([[6, 6], [18, 6]]));
    const three = counts(assignLengths([6, 12, 24], 13, 9));
    expect([...three.values()].sort()).toEqual([4, 4, 5]);
  });

  it('assigns at random: each unit gets each length across seeds', () => {
    const seen = Array.from({ length: 8 }, () => new Set<number>());
    for (let seed = 0; seed < 20; seed++) assignLengths([6, 18], 8, seed).forEach((length, unit) => seen[unit].add(length));
    expect(seen.every((lengths) => lengths.size === 2)).toBe(true);
  });
});

describe('a within-organization run', () => {
  const { scenario } = loadScenario('foundation', { overrides: WITHIN });
  const result = simulate(scenario, 11);
  const units = result.units ?? [];

  it('records each unit with the length the seed assigned it', () => {
    expect(units.map((u) => u.unit)).toEqual(Array.from({ length: scenario.organization.units }, (_, u) => u));
    expect(units.map((u) => u.lengthMonths)).toEqual([...assignLengths([6, 18], scenario.organization.units, 11)]);
    expect(simulate(scenario, 11).units).toEqual(units);
  });

  it("runs every engagement of a unit for the unit's own length", () => {
    const simulation = createSimulation(scenario, 11);
    const seen = new Map<number, number>();
    while (!simulation.done) {
      simulation.step();
      for (const e of simulation.view.activeEngagements) seen.set(e.unit, e.endWeek - e.startWeek);
    }
    expect(seen.size).toBeGreaterThan(2);
    for (const [unit, weeks] of seen) expect(weeks, `unit ${unit}`).toBe(monthsToWeeks(units[unit].lengthMonths));
    // units first engaged are those with a start week, and only those
    for (const u of units) expect(u.startWeek !== null, `unit ${u.unit}`).toBe(seen.has(u.unit));
  });

  it("adds up to the run's totals", () => {
    const sum = (pick: (u: (typeof units)[number]) => number) => units.reduce((total, u) => total + pick(u), 0);
    expect(sum((u) => u.staff)).toBe(result.staff);
    expect(sum((u) => u.applying)).toBe(Math.round(result.summary.finalAdoption * result.staff));
    expect(sum((u) => u.sustained)).toBe(Math.round(result.summary.sustainedCapacity * result.staff));
    for (const key of ['aim', 'iam', 'fim'] as const) {
      const final = { aim: result.summary.finalAim, iam: result.summary.finalIam, fim: result.summary.finalFim }[key];
      expect(sum((u) => u[key] * u.staff) / result.staff).toBeCloseTo(final, 4);
    }
  });

  it('measures each engaged unit again withinFollowUpMonths after its start, when that falls inside the run', () => {
    const followUpWeeks = monthsToWeeks(scenario.engagement.withinFollowUpMonths);
    const end = monthsToWeeks(scenario.months);
    for (const u of units) {
      if (u.startWeek === null || u.startWeek + followUpWeeks > end) expect(u.followUp, `unit ${u.unit}`).toBeNull();
      else expect(u.followUp?.week, `unit ${u.unit}`).toBe(u.startWeek + followUpWeeks);
    }
    expect(units.some((u) => u.followUp !== null)).toBe(true);
  });

  it("dates each team member's stages as seen week by week, and closes a record when turnover replaces them", () => {
    const simulation = createSimulation(scenario, 11);
    const { implementationStart, implementationMembers } = simulation.view.organization;
    const places = implementationMembers.length;
    // stages[place][week]: the holder's stage after `week` weeks
    const stages = Array.from({ length: places }, () => [] as number[]);
    const record = () => implementationMembers.forEach((i, place) => (stages[place][simulation.view.week] = simulation.view.stageOf(i)));
    record();
    while (!simulation.done) {
      simulation.step();
      record();
    }
    const outcome = simulation.view.result().units ?? [];
    expect(outcome).toEqual(units);
    let replaced = 0;
    for (const u of outcome) {
      const size = implementationStart[u.unit + 1] - implementationStart[u.unit];
      expect(new Set(u.team.map((m) => m.member))).toEqual(new Set(Array.from({ length: size }, (_, k) => k)));
      for (const m of u.team) {
        expect(m.reached).toHaveLength(RECORDED_STAGES.length);
        // reached weeks never decrease along the pathway, and fall while the person held the place
        const dated = m.reached.filter((w): w is number => w !== null);
        expect(dated).toEqual([...dated].sort((a, b) => a - b));
        expect(m.reached.slice(dated.length).every((w) => w === null)).toBe(true);
        for (const w of dated) expect(w).toBeGreaterThanOrEqual(m.joinedWeek);
        if (m.leftWeek !== null) {
          replaced++;
          for (const w of dated) expect(w).toBeLessThanOrEqual(m.leftWeek);
          continue;
        }
        // the place's current holder: the first week at or beyond each stage since they joined
        const history = stages[implementationStart[u.unit] + m.member];
        RECORDED_STAGES.forEach((_, s) => {
          const first = history.findIndex((stage, week) => week >= m.joinedWeek && stage > s);
          expect(m.reached[s], `unit ${u.unit} member ${m.member} stage ${s}`).toBe(first >= 0 ? first : null);
        });
      }
      // one current holder per place; places are listed in order
      expect(u.team.filter((m) => m.leftWeek === null)).toHaveLength(size);
      expect(u.team.map((m) => m.member)).toEqual([...u.team.map((m) => m.member)].sort((a, b) => a - b));
    }
    expect(replaced).toBeGreaterThan(0); // turnover (17 %/year) replaced someone in 24 months
  });

  it('is absent from runs with one policy for all units', () => {
    const { scenario: policy } = loadScenario('foundation', { overrides: ['months=6'] });
    expect('units' in simulate(policy, 11)).toBe(false);
  });
});
