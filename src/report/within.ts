/**
 * The within-organization analysis (runs of `compare --within`: each unit of one organization was
 * assigned an engagement length). Recipients — the staff of engaged units — are compared by their
 * own unit's length, at the horizon and at equal time since their engagement began, paired within
 * run (the arms' means in the same run) and pooled over replicates with the bootstrap-t and TOST of
 * the policy comparison. Then the study of the study's size: 13 recipients drawn per run.
 */
import type { UnitOutcome, UnitSnapshot } from '../sim/index.js';
import type { FinishedRun } from '../sweep/types.js';
import { verdictWords } from './messages.js';
import type { Comparison } from './model.js';
import { marginFor, OUTCOMES, type Outcome, type OutcomeKey } from './outcomes.js';
import { equivalenceTest, hedgesG, mean, pairedBootstrap, seededUniform } from '../stats/index.js';

/** The outcomes compared between recipients (time to 50 % is an organization's, not a unit's). */
export const WITHIN_OUTCOMES = ['finalAdoption', 'sustainedCapacity', 'finalAim', 'finalIam', 'finalFim'] as const satisfies readonly OutcomeKey[];
export type WithinOutcome = (typeof WITHIN_OUTCOMES)[number];

/** Recipients interviewed in the study (Metz et al. 2024). */
export const STUDY_RECIPIENTS = 13;
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

export interface StudyPower {
  readonly outcome: WithinOutcome;
  readonly length: number;
  readonly reference: number;
  readonly recipients: number;
  /** study-sized samples drawn in all */
  readonly studies: number;
  /** of them, samples with recipients of both lengths */
  readonly comparable: number;
  /** of the comparable ones, samples whose difference was larger than the margin (either sign) */
  readonly beyondMargin: number;
  /** share beyondMargin / comparable */
  readonly share: number;
}

export interface WithinAnalysis {
  readonly lengths: readonly number[];
  readonly reference: number;
  readonly followUpMonths: number;
  readonly arms: readonly WithinArm[];
  readonly comparisons: readonly WithinComparison[];
  readonly power: readonly StudyPower[];
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
 * How often a study of `STUDY_RECIPIENTS` recipients would see a difference larger than the margin:
 * per run, STUDIES_PER_RUN samples of that many people drawn without replacement from the staff of
 * engaged units; each recipient carries their unit's value at the horizon; the sample's difference
 * is the mean of `length` recipients minus the mean of `reference` ones.
 */
function studyPower(runs: readonly FinishedRun[], outcome: Outcome & { key: WithinOutcome }, length: number, reference: number, settings: Settings): StudyPower {
  const uniform = seededUniform(`${settings.seed}:study:${outcome.key}:${length}:${reference}`);
  const margin = marginFor(outcome, settings.marginFraction, settings.months);
  let studies = 0;
  let comparable = 0;
  let beyond = 0;
  for (const run of runs) {
    const units = engaged(run).filter((unit) => unit.lengthMonths === length || unit.lengthMonths === reference);
    const people: number[] = []; // one entry per recipient: the index of their unit
    units.forEach((unit, k) => {
      for (let i = 0; i < unit.staff; i++) people.push(k);
    });
    const draw = Math.min(STUDY_RECIPIENTS, people.length);
    for (let s = 0; s < STUDIES_PER_RUN; s++) {
      studies++;
      // partial Fisher–Yates: the first `draw` entries become the sample
      for (let i = 0; i < draw; i++) {
        const j = i + Math.floor(uniform() * (people.length - i));
        [people[i], people[j]] = [people[j], people[i]];
      }
      let sumX = 0;
      let nX = 0;
      let sumY = 0;
      let nY = 0;
      for (let i = 0; i < draw; i++) {
        const unit = units[people[i]];
        const value = unitValue(unit, outcome.key);
        if (unit.lengthMonths === length) {
          sumX += value;
          nX++;
        } else {
          sumY += value;
          nY++;
        }
      }
      if (nX === 0 || nY === 0) continue;
      comparable++;
      if (Math.abs(sumX / nX - sumY / nY) > margin) beyond++;
    }
  }
  return {
    outcome: outcome.key,
    length,
    reference,
    recipients: STUDY_RECIPIENTS,
    studies,
    comparable,
    beyondMargin: beyond,
    share: comparable > 0 ? beyond / comparable : Number.NaN,
  };
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
  const power: StudyPower[] = [];
  for (const timing of [Timing.horizon, Timing.followUp]) {
    for (const key of WITHIN_OUTCOMES) {
      for (const length of lengths) {
        if (length === reference) continue;
        comparisons.push(compareArms(runs, OUTCOMES[key] as Outcome & { key: WithinOutcome }, length, reference, timing, settings));
      }
    }
  }
  for (const key of WITHIN_OUTCOMES) {
    for (const length of lengths) {
      if (length !== reference) power.push(studyPower(runs, OUTCOMES[key] as Outcome & { key: WithinOutcome }, length, reference, settings));
    }
  }
  return { lengths, reference, followUpMonths, arms: armsOf(runs, lengths), comparisons, power };
}
