/**
 * The study's design read from within runs: who could be interviewed, how 13 are drawn (about 2
 * per unit, arms alternating), the furthest stage by the interview, the pre-registered observation
 * and Fisher's test beside it, and the "no true difference" version that shuffles arms among units.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/index.js';
import { monthEndWeek, simulate, type TeamMemberRecord, type UnitOutcome } from '../../src/sim/index.js';
import { seededUniform } from '../../src/stats/index.js';
import { APPLYING_STAGE, drawStudy, furthestStage, interviewWeeks, recipientsOf, STUDY_DESIGN, studyChances, studyObservation, type Interview } from '../../src/sweep/index.js';

const [OPEN, CLOSE] = interviewWeeks(STUDY_DESIGN);

/** A team member who reached stages 1..stage at week 10 (so by any interview). */
function member(member: number, stage: number, over: Partial<TeamMemberRecord> = {}): TeamMemberRecord {
  const reached = Array.from({ length: 6 }, (_, s) => (s < stage ? 10 : null));
  return { member, joinedWeek: 0, leftWeek: null, reached, ...over };
}

function unit(u: number, lengthMonths: number, team: TeamMemberRecord[], startWeek: number | null = 4): UnitOutcome {
  return { unit: u, lengthMonths, startWeek, staff: 16, applying: 0, sustained: 0, aim: 3, iam: 3, fim: 3, followUp: null, team };
}

/** `units` units per arm, 4 members each; limited members at `limitedStage`, high at `highStage`. */
function run(units: number, limitedStage: number, highStage: number): { units: UnitOutcome[] } {
  const out: UnitOutcome[] = [];
  for (let k = 0; k < 2 * units; k++) {
    const high = k % 2 === 1;
    out.push(unit(k, high ? 18 : 6, [0, 1, 2, 3].map((m) => member(m, high ? highStage : limitedStage))));
  }
  return { units: out };
}

describe('furthestStage', () => {
  it('is the last stage dated by the week, 0 before any', () => {
    const record = { member: 0, joinedWeek: 0, leftWeek: null, reached: [3, 8, 8, 20, null, null] };
    expect(furthestStage(record, 2)).toBe(0);
    expect(furthestStage(record, 3)).toBe(1);
    expect(furthestStage(record, 19)).toBe(3);
    expect(furthestStage(record, 200)).toBe(4);
  });
});

describe('recipientsOf', () => {
  it('keeps team members of units engaged long enough before the window, on the team from the start through the window', () => {
    const lateStart = OPEN - monthEndWeek(STUDY_DESIGN.minMonthsEngaged) + 1;
    const units = [
      unit(0, 6, [member(0, 5), member(1, 5, { joinedWeek: 5 }), member(1, 2, { leftWeek: 5 }), member(2, 5, { leftWeek: CLOSE }), member(3, 5, { leftWeek: CLOSE + 1 })]),
      unit(1, 18, [member(0, 5)], null), // never engaged
      unit(2, 18, [member(0, 5)], lateStart), // engaged too late
      unit(3, 24, [member(0, 5)], lateStart - 1),
    ];
    const picked = recipientsOf({ units });
    // unit 0: members 0, and 3 (left after the window); the newcomer (joined after the start), the
    // one who left before and the one who left at the window's end are not recipients
    expect(picked.map((r) => [r.unit, r.record.member, r.arm])).toEqual([[0, 0, 'limited'], [0, 3, 'limited'], [3, 0, 'high']]);
  });

  it('reads a real within run: recipients of both arms, at most the teams', () => {
    const { scenario } = loadScenario('foundation', { overrides: ['engagement.lengthAssignment=within', 'engagement.withinLengths=[6,12,18,24]'] });
    const result = simulate(scenario, 3);
    const recipients = recipientsOf(result);
    expect(new Set(recipients.map((r) => r.arm))).toEqual(new Set(['limited', 'high']));
    expect(recipients.length).toBeLessThanOrEqual(scenario.organization.units * scenario.engagement.teamMembers);
    for (const r of recipients) expect(r.arm).toBe(r.lengthMonths <= 12 ? 'limited' : 'high');
  });
});

describe('drawStudy', () => {
  it('draws 13, two per unit, arms balanced, each interviewed in the window; the same seed draws the same study', () => {
    const recipients = recipientsOf(run(6, 5, 5));
    const a = drawStudy(recipients, seededUniform('x'));
    expect(a).toHaveLength(13);
    const perUnit = new Map<number, number>();
    for (const i of a) perUnit.set(i.unit, (perUnit.get(i.unit) ?? 0) + 1);
    expect(Math.max(...perUnit.values())).toBe(2);
    expect(perUnit.size).toBe(7);
    const limited = a.filter((i) => i.arm === 'limited').length;
    expect(Math.abs(limited - (13 - limited))).toBe(1);
    for (const i of a) expect(i.week >= OPEN && i.week <= CLOSE).toBe(true);
    expect(drawStudy(recipients, seededUniform('x'))).toEqual(a);
  });

  it('takes more per unit only when the units run out, and fewer than 13 when fewer are eligible', () => {
    expect(drawStudy(recipientsOf(run(2, 5, 5)), seededUniform('y'))).toHaveLength(13); // 4 units × 4 members = 16
    expect(drawStudy(recipientsOf(run(1, 5, 5)), seededUniform('y'))).toHaveLength(8);
  });
});

describe('studyObservation', () => {
  const at = (arm: 'limited' | 'high', stage: number): Interview => ({ unit: 0, arm, week: OPEN, stage });

  it('shows the study when every recipient of both arms had reached applying; no test can then differ', () => {
    const o = studyObservation([...Array(6).fill(at('limited', APPLYING_STAGE)), ...Array(7).fill(at('high', APPLYING_STAGE + 1))]);
    expect(o).toMatchObject({ recipients: 13, limited: 6, high: 7, shows: true, allSustaining: false, nearlyAll: true, fisherP: 1, detects: false });
  });

  it('does not show it when one recipient stopped short, and detects a clean split by length', () => {
    const one = studyObservation([...Array(5).fill(at('limited', APPLYING_STAGE)), at('limited', APPLYING_STAGE - 1), ...Array(7).fill(at('high', APPLYING_STAGE))]);
    expect(one).toMatchObject({ shows: false, nearlyAll: true, detects: false });
    const split = studyObservation([...Array(6).fill(at('limited', 3)), ...Array(7).fill(at('high', APPLYING_STAGE))]);
    expect(split).toMatchObject({ shows: false, nearlyAll: false, detects: true });
    expect(split.fisherP).toBeCloseTo(1 / 1716, 10);
  });

  it('needs both arms', () => {
    expect(studyObservation(Array(13).fill(at('high', APPLYING_STAGE))).shows).toBe(false);
  });
});

describe('studyChances', () => {
  it('detects a true split by length nearly always, and the arm-shuffled null rarely', () => {
    const split = run(6, 3, APPLYING_STAGE);
    const seen = studyChances(split, seededUniform('split'), 200);
    expect(seen.comparable).toBe(200);
    expect(seen.shows).toBe(0);
    expect(seen.detects / seen.comparable).toBeGreaterThan(0.95);
    const none = studyChances(split, seededUniform('null'), 400, { permuteArms: true });
    // Under the shuffle, length carries nothing, but the test still fires more often than α: two
    // recipients per unit share their unit's outcome (here exactly), which Fisher's test, counting
    // people, does not know. The false-alarm rate next to power is therefore measured, not assumed.
    expect(none.detects / none.comparable).toBeLessThan(0.25);
    expect(none.detects / none.comparable).toBeGreaterThan(0.05);
  });

  it('shows the observation always when everyone applies, whatever the arms', () => {
    const chances = studyChances(run(6, APPLYING_STAGE, APPLYING_STAGE), seededUniform('all'), 50);
    expect(chances).toMatchObject({ draws: 50, comparable: 50, shows: 50, detects: 0 });
  });
});
