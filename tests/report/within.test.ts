/**
 * The within design's analysis (recipients by their own unit's length, paired within run; the
 * study of 13 recipients), the verdict's words for reliable small differences and for where a
 * length differs by more than the margin, and the "Does it hold?" rows read from the robustness
 * sweeps beside a compare.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDirectory } from '../../src/report/index.js';
import { buildCharts } from '../../src/report/charts/index.js';
import { renderSummary } from '../../src/report/summary.js';
import { holdsWhere, reliableSmall } from '../../src/report/messages.js';
import type { Comparison } from '../../src/report/model.js';
import { OUTCOMES } from '../../src/report/outcomes.js';
import type { RobustnessRow } from '../../src/report/robustness.js';
import { analyseWithin, STUDIES_PER_RUN } from '../../src/report/within.js';
import type { TeamMemberRecord, UnitOutcome } from '../../src/sim/index.js';
import { withinSweep } from '../../src/sweep/index.js';
import type { FinishedRun } from '../../src/sweep/types.js';
import { temporaryDir, writeResults } from './fixtures.js';

const SETTINGS = { marginFraction: 0.05, marginPp: 5, months: 36, seed: 1, resamples: 200 };

/** A team member who reached stages 1..stage at week 8. */
function teamMember(member: number, stage: number): TeamMemberRecord {
  return { member, joinedWeek: 0, leftWeek: null, reached: Array.from({ length: 6 }, (_, s) => (s < stage ? 8 : null)) };
}

/** A unit without team records (as results of an engine before 3 read); tests add them where needed. */
function unit(index: number, lengthMonths: number, share: number, startWeek: number | null = 0): UnitOutcome {
  const staff = 20;
  const snapshot = { staff, applying: Math.round(share * staff), sustained: 0, aim: 3, iam: 3, fim: 3 };
  return { unit: index, lengthMonths, startWeek, ...snapshot, followUp: startWeek === null ? null : { week: 78, ...snapshot } } as unknown as UnitOutcome;
}

/** Runs of 8 units, half at 6 and half at 18 months; 18-month units apply `shift` more, and `extra` more in every third run. */
function runs(shift: number, extra = 0.05, count = 30): FinishedRun[] {
  return Array.from({ length: count }, (_, r) => {
    const base = 0.4 + 0.05 * ((r * 7) % 5);
    const units = Array.from({ length: 8 }, (_, u) => unit(u, u % 2 === 0 ? 6 : 18, u % 2 === 0 ? base : base + shift + (r % 3 === 0 ? extra : 0)));
    units.push(unit(8, 18, 1, null)); // never engaged: not a recipient
    return { id: r, point: 0, replicate: r, seed: r, status: 'ok', params: {}, units } as unknown as FinishedRun;
  });
}

describe('analyseWithin', () => {
  it('compares recipients by their own unit’s length, paired within run, at the horizon and after start', () => {
    const within = analyseWithin(runs(0.25), [6, 18], 6, 18, SETTINGS);
    const adoption = within.comparisons.filter((c) => c.outcome === 'finalAdoption');
    expect(adoption.map((c) => c.timing)).toEqual(['horizon', 'followUp']);
    for (const c of adoption) {
      expect(c.n).toBe(30);
      expect(c.verdict).toBe('differs');
      expect(c.beyondMargin).toBe(true);
      expect(c.estimate).toBeCloseTo(0.25 + 0.05 * (10 / 30), 2); // 10 of 30 runs add 0.05
    }
    // the never-engaged unit (all applying) is not a recipient
    expect(within.arms).toEqual([
      { length: 6, units: 4, recipients: 80 },
      { length: 18, units: 4, recipients: 80 },
    ]);
  });

  it('says what a study of the study’s design would see: its observation, power and false alarms', () => {
    // team members of 18-month units all reached applying; of 6-month units, `short` of 4 stopped at learning
    const teamRuns = (short: number) =>
      runs(0).map((run) => ({
        ...run,
        units: (run.units ?? []).map((u) => ({ ...u, team: [0, 1, 2, 3].map((m) => teamMember(m, u.lengthMonths === 6 && m < short ? 4 : 6)) })),
      }));
    const clean = analyseWithin(teamRuns(0), [6, 18], 6, 36, { ...SETTINGS, months: 36 }).study;
    expect(clean).toHaveLength(1);
    expect(clean[0]).toMatchObject({ length: 18, reference: 6, recipients: 13, interviewMonths: [30, 33], runs: 30, studies: 30 * STUDIES_PER_RUN, showShare: 1, showShareNoDifference: 1, power: 0, falseAlarm: 0, applyingDifference: 0 });
    const split = analyseWithin(teamRuns(4), [6, 18], 6, 36, { ...SETTINGS, months: 36 }).study[0];
    expect(split.showShare).toBe(0);
    expect(split.power).toBeGreaterThan(0.95); // 6 or 7 at learning vs 6 or 7 applying: p ≤ 0.002
    expect(split.falseAlarm).toBeLessThan(split.power);
    expect(split.applyingDifference).toBe(1);
    // results without team records (an engine before 3): no study, said so
    expect(analyseWithin(runs(0.25), [6, 18], 6, 18, SETTINGS).study[0]).toMatchObject({ runs: 0, comparable: 0 });
  });
});

describe('withinSweep', () => {
  it('runs one organization per replicate with the lengths assigned inside it', () => {
    const { spec, scenario } = withinSweep({ scenario: 'foundation', overrides: [], lengths: [6, 18], replicates: 5, seed: 3 });
    expect(spec.kind).toBe('within');
    expect(spec.factors).toEqual({});
    expect(scenario.engagement.lengthAssignment).toBe('within');
    expect(scenario.engagement.withinLengths).toEqual([6, 18]);
    expect(() => withinSweep({ scenario: 'foundation', overrides: [], lengths: [6], replicates: 5, seed: 3 })).toThrow(/at least two engagement lengths/);
  });
});

function comparison(overrides: Partial<Comparison>): Comparison {
  return {
    outcome: 'finalAdoption',
    length: 24,
    reference: 12,
    paired: true,
    n: 200,
    nReference: 200,
    meanLength: 0.5,
    meanReference: 0.53,
    estimate: -0.03,
    ci95: { low: -0.04, high: -0.02 },
    ci90: { low: -0.038, high: -0.022 },
    margin: 0.05,
    p: 0.001,
    verdict: 'equivalent',
    beyondMargin: false,
    replicatesNeeded: null,
    effectSize: -0.44,
    censoredLength: 0,
    censoredReference: 0,
    words: 'equivalent within ±5 pp',
    ...overrides,
  };
}

describe('the verdict in words', () => {
  it('names a reliable small difference inside the margin', () => {
    expect(reliableSmall([comparison({})])).toBe(
      ' Within the margin, but not nothing: 24 months is reliably 3.0 pp lower than 12 months (95 % CI −4.0 to −2.0, g = −0.44).',
    );
    // |g| ≥ 0.3 without an interval that excludes zero: named, not called reliable
    expect(reliableSmall([comparison({ length: 6, estimate: 0.01, ci95: { low: -0.001, high: 0.021 }, effectSize: 0.31 })])).toBe(
      ' Within the margin, but not nothing: 6 months is 1.0 pp higher than 12 months (95 % CI −0.1 to 2.1, g = 0.31).',
    );
    // nothing to say: interval across zero and a negligible g, or a length that is not equivalent
    expect(reliableSmall([comparison({ estimate: 0.001, ci95: { low: -0.01, high: 0.012 }, effectSize: 0.05 })])).toBe('');
    expect(reliableSmall([comparison({ verdict: 'differs' })])).toBe('');
  });

  it('names the conditions in which a length differs by more than the margin', () => {
    const row = (value: number, difference: number, materiallyDifferent: boolean): RobustnessRow => ({
      factor: 'isps.count',
      value,
      length: 24,
      reference: 12,
      difference,
      ciLow: difference - 0.02,
      ciHigh: difference + 0.02,
      effectSize: null,
      verdict: materiallyDifferent ? 'differs' : 'equivalent',
      materiallyDifferent,
      replicates: 40,
      words: '',
    });
    expect(holdsWhere([row(2, -0.06, true), row(20, 0.01, false)], 12, OUTCOMES.finalAdoption, 0.05)).toBe(
      ' It does not hold everywhere: final adoption differs from 12 months by more than ±5 pp for 24 months with 2 ISPs (−6.0 pp, 95 % CI −8.0 to −4.0).',
    );
    expect(holdsWhere([row(2, -0.01, false), row(20, 0.01, false)], 12, OUTCOMES.finalAdoption, 0.05)).toBe(
      ' Does it hold? In none of the 2 conditions of the grid (ISP headcount, number of units, horizon) does a length differ from 12 months by more than ±5 pp.',
    );
    expect(holdsWhere([row(2, -0.01, false), { ...row(20, 0.03, false), verdict: 'inconclusive' }], 12, OUTCOMES.finalAdoption, 0.05)).toBe(
      ' Does it hold? In none of the 2 conditions of the grid (ISP headcount, number of units, horizon) does a length differ from 12 months by more than ±5 pp (1 of 2 comparisons there are inconclusive at 40 replicates).',
    );
    expect(holdsWhere([], 12, OUTCOMES.finalAdoption, 0.05)).toBe('');
  });
});

describe('"Does it hold?" rows', () => {
  it('are read from the robustness sweeps beside a compare, per condition and length', async () => {
    const dir = join(temporaryDir(), 'compare');
    const options = { lengths: [6, 12], replicates: 3, overrides: ['months=6', 'organization.staff=60'] };
    writeResults(dir, options);
    writeResults(join(dir, 'robustness', 'isps.count'), { ...options, factors: { 'isps.count': [2, 20] } });
    // a sweep of another compare (other seed) is left out, with a note
    writeResults(join(dir, 'robustness', 'months'), { ...options, seed: 99, factors: { months: [3, 6] } });
    const model = await analyseDirectory(dir, { resamples: 200 });
    expect(model.robustness.map((r) => [r.factor, r.value, r.length, r.reference])).toEqual([
      ['isps.count', 2, 6, 12],
      ['isps.count', 20, 6, 12],
    ]);
    for (const r of model.robustness) {
      expect(r.replicates).toBe(3);
      expect(r.ciLow).toBeLessThanOrEqual(r.difference);
      expect(r.ciHigh).toBeGreaterThanOrEqual(r.difference);
    }
    expect(model.notes.some((note) => note.includes('robustness runs of another compare'))).toBe(true);
    expect(model.headline.design).toMatch(/^Design: whole organizations, each run under one engagement-length policy/);
  });
});

describe('a within report', () => {
  it("states that it is the study's comparison, and gives the recipients' table and the 13-recipient study", async () => {
    const dir = join(temporaryDir(), 'within');
    const overrides = ['engagement.lengthAssignment=within', 'engagement.withinLengths=[6,18]', 'months=12', 'organization.staff=60', 'engagement.withinFollowUpMonths=6'];
    writeResults(dir, { lengths: [12], replicates: 4, overrides });
    const model = await analyseDirectory(dir, { resamples: 200 });
    expect(model.within?.lengths).toEqual([6, 18]);
    expect(model.reference).toBe(6);
    expect(model.comparisons.map((c) => c.length)).toEqual([18, 18, 18, 18, 18]); // the horizon's, one per outcome
    expect(model.headline.sentence).toMatch(/^Within one organization \(the study's comparison: recipients by their own unit's engagement length\), final adoption after 12 months: 18 months vs 6 months /);
    expect(model.headline.sentence).toContain('6 months after their engagement began: 18 months vs 6 months');
    expect(model.headline.design).toMatch(/^Design: the study's comparison — inside one organization/);
    const summary = renderSummary(model);
    expect(summary).toContain('## Within one organization: the study’s comparison');
    expect(summary).toContain('### A study of the study’s design');
    expect(summary).toMatch(/- 18 months vs 6 months: (a study of 13 team members interviewed in months 6–9 would find every one had reached applying in \d+ % of draws \(\d+ % if length made no difference\); a test at α = 0.05 would detect a difference by length in \d+ % of draws \(power\), against \d+ % when there is none|no draw had team members of both lengths)/);
    expect(summary).not.toContain('## All comparisons'); // the within table holds them
    expect(summary).not.toContain('## Does it hold?'); // no grid beside a within design

    // Its charts: the forest and the within design's own, not the policy design's charts by length.
    const charts = buildCharts(model);
    expect(charts.map((c) => c.id)).toEqual(['forest', 'within-recipients', 'within-study']);
    const values = (id: string) => (charts.find((c) => c.id === id)!.spec as { data: { values: Record<string, unknown>[] } }).data.values;
    // one box per arm and outcome, and a dot per run and arm with recipients (4 runs here)
    const boxes = values('within-recipients').filter((row) => row.kind === 'box');
    expect(boxes.map((row) => `${row.lengthLabel}|${row.outcome}`)).toContain('18 months|Final adoption (%)');
    expect(new Set(boxes.map((row) => row.lengthLabel))).toEqual(new Set(['6 months', '18 months']));
    for (const row of values('within-recipients').filter((r) => r.kind === 'run')) expect(row.value).toBeGreaterThanOrEqual(0);
    // the study chart carries the study's shares (in %), only for the compared length
    const study = values('within-study');
    const row = model.within!.study[0];
    if (row.comparable > 0) {
      expect(study.find((r) => String(r.measure).startsWith('Test detects'))).toMatchObject({ lengthLabel: '18 months', share: Math.round(row.power * 100 * 1e4) / 1e4 });
      expect(study.every((r) => r.lengthLabel === '18 months')).toBe(true);
    } else expect(study).toEqual([]);
  });
});
