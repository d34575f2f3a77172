/**
 * The within-organization analysis (runs of `compare --within`: each unit of one organization was
 * assigned an engagement length). Recipients — the staff of engaged units — are compared by their
 * own unit's length, at the horizon and at equal time since their engagement began, paired within
 * run (the arms' means in the same run) and pooled over replicates with the bootstrap-t and TOST of
 * the policy comparison. Then the study of the study's design (src/sweep/study-design.ts): 13
 * implementation-team members drawn per run, what they would show and the power of a test.
 */
import type { UnitOutcome, UnitSnapshot } from '../sim/index.js';
import type { FinishedRun } from '../sweep/types.js';
import { verdictWords } from './messages.js';
import type { Comparison } from './model.js';
import { marginFor, OUTCOMES, type Outcome, type OutcomeKey } from './outcomes.js';
import { equivalenceTest, hedgesG, mean, pairedBootstrap, seededUniform } from '../stats/index.js';
import { APPLYING_STAGE, Arm, hasTeams, interviewWeeks, recipientsOf, stageShares, STUDY_DESIGN, studyChances, type StudyDesign } from '../sweep/index.js';

/** The outcomes compared between recipients (time to 50 % is an organization's, not a unit's). */
export const WITHIN_OUTCOMES = ['finalAdoption', 'sustainedCapacity', 'finalAim', 'finalIam', 'finalFim'] as const satisfies readonly OutcomeKey[];
export type WithinOutcome = (typeof WITHIN_OUTCOMES)[number];

/** Recipients interviewed in the study (Metz et al. 2024). */
export const STUDY_RECIPIENTS = STUDY_DESIGN.recipients;
/** Study-sized samples drawn per run. */
export const STUDIES_PER_RUN = 50;

export const Timing = { horizon: 'horizon', followUp: 'followUp' } as const;
export type Timing = keyof typeof Timing;

export interface WithinComparison extends Comparison {
  readonly timing: Timing;
}

export interface WithinArm {
  readonly length: number;
  /** mean per run of engaged units / of their staff (recipients) with this length */
  readonly units: number;
  readonly recipients: number;
}

/**
 * What a study of the study's design (13 implementation-team members, 2 per unit, interviewed in
 * a window near the horizon) would see, for one length against the reference. Shares of draws
 * with recipients of both lengths; NaN when no draw had both (or the runs carry no team records:
 * results of an engine before 3).
 */
export interface StudyDesignPower {
  readonly length: number;
  readonly reference: number;
  readonly recipients: number;
  /** run months of the interviews */
  readonly interviewMonths: readonly [number, number];
  /** runs that carry team records */
  readonly runs: number;
  /** study-sized draws in all, and of them those with recipients of both lengths */
  readonly studies: number;
  readonly comparable: number;
  /** the study's observation: all 13 had reached applying by their interview */
  readonly showShare: number;
  /** the same with the lengths shuffled among units (no true difference) */
  readonly showShareNoDifference: number;
  /** Fisher's exact test of reaching applying by length, p < 0.05 */
  readonly power: number;
  /** the same test when there is no true difference: the false-alarm rate */
  readonly falseAlarm: number;
  /** mean over runs of (length − reference) share of all eligible recipients who had reached applying, mid-window */
  readonly applyingDifference: number | null;
}

export interface WithinAnalysis {
  readonly lengths: readonly number[];
  readonly reference: number;
  readonly followUpMonths: number;
  readonly arms: readonly WithinArm[];
  readonly comparisons: readonly WithinComparison[];
  /** the study of the study's design, per length against the reference */
  readonly study: readonly StudyDesignPower[];
}

/** A recipient-weighted value of an outcome over some units' snapshots (null: no recipient). */
export function recipientsValue(snapshots: readonly UnitSnapshot[], outcome: WithinOutcome): number | null {
  let staff = 0;
  let total = 0;
  for (const s of snapshots) {
    staff += s.staff;
    total += unitValue(s, outcome) * s.staff;
  }
  return staff > 0 ? total / staff : null;
}

function unitValue(s: UnitSnapshot, outcome: WithinOutcome): number {
  switch (outcome) {
    case 'finalAdoption':
      return s.staff > 0 ? s.applying / s.staff : 0;
    case 'sustainedCapacity':
      return s.staff > 0 ? s.sustained / s.staff : 0;
    case 'finalAim':
      return s.aim;
    case 'finalIam':
      return s.iam;
    case 'finalFim':
      return s.fim;
  }
}

function engaged(run: FinishedRun): UnitOutcome[] {
  return (run.units ?? []).filter((unit) => unit.startWeek !== null);
}

export function snapshotsOf(run: FinishedRun, length: number, timing: Timing): UnitSnapshot[] {
  const units = engaged(run).filter((unit) => unit.lengthMonths === length);
  return timing === 'horizon' ? units : units.flatMap((unit) => (unit.followUp ? [unit.followUp] : []));
}

export function hasUnits(runs: readonly FinishedRun[]): boolean {
  return runs.length > 0 && runs.every((run) => Array.isArray(run.units));
}

interface Settings {
  readonly marginFraction: number;
  readonly marginPp: number;
  readonly months: number;
  readonly seed: number;
  readonly resamples: number;
}

function compareArms(runs: readonly FinishedRun[], outcome: Outcome & { key: WithinOutcome }, length: number, reference: number, timing: Timing, settings: Settings): WithinComparison {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const run of runs) {
    const x = recipientsValue(snapshotsOf(run, length, timing), outcome.key);
    const y = recipientsValue(snapshotsOf(run, reference, timing), outcome.key);
    if (x === null || y === null) continue; // a run without recipients of one length has no pair
    xs.push(x);
    ys.push(y);
  }
  const margin = marginFor(outcome, settings.marginFraction, settings.months);
  const tooFew = xs.length < 2;
  const result = pairedBootstrap(tooFew ? [0, 0] : xs, tooFew ? [0, 0] : ys, { seed: `${settings.seed}:within:${timing}:${outcome.key}:${length}:${reference}`, resamples: settings.resamples });
  const test = equivalenceTest(result, margin);
  const base = {
    outcome: outcome.key,
    length,
    reference,
    paired: true,
    n: xs.length,
    nReference: ys.length,
    meanLength: mean(xs),
    meanReference: mean(ys),
    estimate: tooFew ? Number.NaN : test.estimate,
    ci95: test.ci95,
    ci90: test.ci90,
    margin,
    p: test.p,
    verdict: tooFew ? ('not-assessed' as const) : test.verdict,
    beyondMargin: !tooFew && test.beyondMargin,
    replicatesNeeded: test.replicatesNeeded,
    effectSize: hedgesG(xs, ys),
    censoredLength: 0,
    censoredReference: 0,
  };
  const reason = tooFew ? 'fewer than two runs with recipients of both lengths' : null;
  return { ...base, timing, words: verdictWords(outcome, base, reason) };
}

/**
 * The study of the study's design (src/sweep/study-design.ts), for one length against the
 * reference: per run, STUDIES_PER_RUN draws of 13 implementation-team members of the units with
 * those two lengths (2 per unit, arms alternating), interviewed in the window `studyWindow` gives,
 * each at the furthest stage reached by then. It reports how often the draw shows the study's
 * observation (all 13 reached applying), the power of Fisher's test of reaching applying by
 * length at α = 0.05, and both again with the lengths shuffled among units (no true difference).
 */
function studyOfDesign(runs: readonly FinishedRun[], length: number, reference: number, months: number, seed: number): StudyDesignPower {
  const design: StudyDesign = { ...STUDY_DESIGN, interviewMonths: studyWindow(months), limitedUpToMonths: Math.min(length, reference) };
  const uniform = seededUniform(`${seed}:study-design:${length}:${reference}`);
  const both = { draws: 0, comparable: 0, shows: 0, detects: 0 };
  const none = { draws: 0, comparable: 0, shows: 0, detects: 0 };
  let runsWithTeams = 0;
  const differences: number[] = [];
  const [open, close] = interviewWeeks(design);
  const middle = Math.round((open + close) / 2);
  for (const run of runs) {
    if (!hasTeams(run)) continue;
    runsWithTeams++;
    const pair = { units: (run.units ?? []).filter((unit) => unit.lengthMonths === length || unit.lengthMonths === reference) };
    for (const [tally, permuteArms] of [[both, false], [none, true]] as const) {
      const c = studyChances(pair, uniform, STUDIES_PER_RUN, { permuteArms, design });
      tally.draws += c.draws;
      tally.comparable += c.comparable;
      tally.shows += c.shows;
      tally.detects += c.detects;
    }
    const recipients = recipientsOf(pair, design);
    const longer = length > reference ? Arm.high : Arm.limited;
    const a = stageShares(recipients, longer, middle);
    const b = stageShares(recipients, longer === Arm.high ? Arm.limited : Arm.high, middle);
    if (a && b) differences.push((a[APPLYING_STAGE - 1] as number) - (b[APPLYING_STAGE - 1] as number));
  }
  const share = (k: number, n: number) => (n > 0 ? k / n : Number.NaN);
  return {
    length,
    reference,
    recipients: STUDY_DESIGN.recipients,
    interviewMonths: design.interviewMonths,
    runs: runsWithTeams,
    studies: both.draws,
    comparable: both.comparable,
    showShare: share(both.shows, both.comparable),
    showShareNoDifference: share(none.shows, none.comparable),
    power: share(both.detects, both.comparable),
    falseAlarm: share(none.detects, none.comparable),
    applyingDifference: differences.length > 0 ? mean(differences) : null,
  };
}

/** The interview window for a horizon: months −6 to −3 of it (30–33 of 36, the validation case's). */
export function studyWindow(months: number): [number, number] {
  return [Math.max(0, months - 6), Math.max(0, months - 3)];
}

function armsOf(runs: readonly FinishedRun[], lengths: readonly number[]): WithinArm[] {
  return lengths.map((length) => {
    let units = 0;
    let recipients = 0;
    for (const run of runs) {
      for (const unit of engaged(run)) {
        if (unit.lengthMonths !== length) continue;
        units++;
        recipients += unit.staff;
      }
    }
    return { length, units: units / runs.length, recipients: recipients / runs.length };
  });
}

/** The within analysis of runs that carry per-unit outcomes. `reference`: chosen as for the policy comparison. */
export function analyseWithin(runs: readonly FinishedRun[], lengths: readonly number[], reference: number, followUpMonths: number, settings: Settings): WithinAnalysis {
  const comparisons: WithinComparison[] = [];
  const study: StudyDesignPower[] = [];
  for (const timing of [Timing.horizon, Timing.followUp]) {
    for (const key of WITHIN_OUTCOMES) {
      for (const length of lengths) {
        if (length === reference) continue;
        comparisons.push(compareArms(runs, OUTCOMES[key] as Outcome & { key: WithinOutcome }, length, reference, timing, settings));
      }
    }
  }
  for (const length of lengths) {
    if (length !== reference) study.push(studyOfDesign(runs, length, reference, settings.months, settings.seed));
  }
  return { lengths, reference, followUpMonths, arms: armsOf(runs, lengths), comparisons, study };
}
