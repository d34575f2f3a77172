/**
 * The study's own design (Metz et al. 2024, Methods; issue 23), read from within-organization runs.
 *
 *   run (units[].team) ──► recipientsOf: implementation-team members of engaged units, on the team
 *        from their unit's first engagement through the interview window, arm = limited | high
 *        ──► drawStudy: 13 of them, about 2 per unit, arms alternating, each interviewed at a
 *            month end drawn in the window ──► studyObservation: what that sample "shows"
 *
 * A recipient's outcome is the furthest pathway stage they had reached by their interview
 * (furthestStage). The study's observation, as pre-registered in docs/VALIDATION.md (case
 * `study-design`): every recipient had reached `applying` ("described the whole pathway", through
 * application), which entails no difference by length; `studyObservation` also gives Fisher's
 * exact test of reaching `applying` by arm (what a test at α = 0.05 would say) and the weaker
 * variants reported beside it. Pure functions of a run's units and a seeded uniform: the
 * validation case, the within report and calibration's model choice all read them.
 */
import { monthEndWeek, RECORDED_STAGES, type RunResult, type TeamMemberRecord, type UnitOutcome } from '../sim/index.js';
import { fisherExact, type Uniform } from '../stats/index.js';

/** Stage indices as in src/agents STAGES: 0 unaware, 1 contacted … 5 applying, 6 sustaining. */
export const APPLYING_STAGE = 1 + RECORDED_STAGES.indexOf('applying');
export const SUSTAINING_STAGE = 1 + RECORDED_STAGES.indexOf('sustaining');

export const Arm = { limited: 'limited', high: 'high' } as const;
export type Arm = keyof typeof Arm;

export interface StudyDesign {
  /** run months (month ends) between which the interviews took place, inclusive */
  readonly interviewMonths: readonly [number, number];
  /** a unit's engagement is `limited` when its length is at most this many months, else `high` */
  readonly limitedUpToMonths: number;
  /** a unit's first engagement began at least this many months before the window opens */
  readonly minMonthsEngaged: number;
  /** recipients interviewed (the study's 13) */
  readonly recipients: number;
  /** recipients taken from each unit before the next ("at least two individuals … from each unit") */
  readonly perUnit: number;
}

/**
 * The study as its Methods describe it: 13 recipients, two per engaged unit, limited (6–12 months)
 * or high (12+ months) engagements. The window (months 30–33 of the run, four months like Nov
 * 2020 – Feb 2021) and the 6 months of engagement before it are assumptions: the paper does not
 * say when the engagements began (explore 24–36 for the window).
 */
export const STUDY_DESIGN: StudyDesign = { interviewMonths: [30, 33], limitedUpToMonths: 12, minMonthsEngaged: 6, recipients: 13, perUnit: 2 };

/** One implementation-team member who could be interviewed. */
export interface Recipient {
  readonly unit: number;
  readonly lengthMonths: number;
  readonly arm: Arm;
  readonly record: TeamMemberRecord;
}

/** One interviewed recipient: their arm and the furthest stage reached by the interview. */
export interface Interview {
  readonly unit: number;
  readonly arm: Arm;
  readonly week: number;
  /** 0 unaware … 6 sustaining (src/agents STAGES) */
  readonly stage: number;
}

export interface StudyObservation {
  readonly recipients: number;
  readonly limited: number;
  readonly high: number;
  /** recipients per arm at or beyond `applying` by their interview */
  readonly limitedApplying: number;
  readonly highApplying: number;
  /** THE pre-registered observation: every recipient had reached `applying` (both arms present) */
  readonly shows: boolean;
  /** variant: every recipient had reached `sustaining` */
  readonly allSustaining: boolean;
  /** variant: at most two recipients short of `applying`, and Fisher's test finds no difference */
  readonly nearlyAll: boolean;
  /** Fisher's exact two-sided p of reaching `applying`, limited vs high */
  readonly fisherP: number;
  /** fisherP < 0.05: a test at α = 0.05 would report a difference by length */
  readonly detects: boolean;
}

/** The furthest stage (0 unaware … 6 sustaining) a member had reached after `week` weeks. */
export function furthestStage(record: TeamMemberRecord, week: number): number {
  let stage = 0;
  for (let s = 0; s < record.reached.length; s++) {
    const at = record.reached[s];
    if (at === null || at > week) break;
    stage = s + 1;
  }
  return stage;
}

/** The run weeks of the window's month ends, first and last. */
export function interviewWeeks(design: StudyDesign): readonly [number, number] {
  return [monthEndWeek(design.interviewMonths[0]), monthEndWeek(design.interviewMonths[1])];
}

export function armOf(lengthMonths: number, design: StudyDesign): Arm {
  return lengthMonths <= design.limitedUpToMonths ? Arm.limited : Arm.high;
}

/**
 * Everyone who could be interviewed: members of units whose first engagement began at least
 * `minMonthsEngaged` before the window, who were on the team when it began and stayed through the
 * window (turnover's newcomers were not recipients of the engagement). Units in order.
 */
export function recipientsOf(run: Pick<RunResult, 'units'>, design: StudyDesign = STUDY_DESIGN): Recipient[] {
  const [open, close] = interviewWeeks(design);
  const latestStart = open - monthEndWeek(design.minMonthsEngaged);
  const recipients: Recipient[] = [];
  for (const unit of run.units ?? []) {
    if (unit.startWeek === null || unit.startWeek > latestStart) continue;
    const start = unit.startWeek;
    for (const record of unit.team) {
      if (record.joinedWeek > start || (record.leftWeek !== null && record.leftWeek <= close)) continue;
      recipients.push({ unit: unit.unit, lengthMonths: unit.lengthMonths, arm: armOf(unit.lengthMonths, design), record });
    }
  }
  return recipients;
}

function shuffled<T>(items: readonly T[], uniform: Uniform): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(uniform() * (k + 1));
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

/**
 * One study's sample: the eligible units in random order within each arm, arms alternating (the
 * study chose participants by engagement level), `perUnit` members drawn from each unit in turn
 * until `recipients` are chosen — more per unit only when the units run out. Each is interviewed
 * at a month end drawn uniformly in the window. Fewer than `recipients` when fewer are eligible.
 */
export function drawStudy(recipients: readonly Recipient[], uniform: Uniform, design: StudyDesign = STUDY_DESIGN): Interview[] {
  const byUnit = new Map<number, Recipient[]>();
  for (const r of recipients) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
  const armUnits = (arm: Arm) => shuffled([...byUnit.keys()].filter((u) => byUnit.get(u)?.[0].arm === arm), uniform);
  const limited = armUnits(Arm.limited);
  const high = armUnits(Arm.high);
  const order: number[] = [];
  for (let k = 0; k < Math.max(limited.length, high.length); k++) {
    // which arm leads is drawn, so neither is favoured when the sample is odd
    const pair = uniform() < 0.5 ? [limited[k], high[k]] : [high[k], limited[k]];
    for (const u of pair) if (u !== undefined) order.push(u);
  }
  const pools = new Map(order.map((u) => [u, shuffled(byUnit.get(u) ?? [], uniform)]));
  const chosen: Recipient[] = [];
  const [first, last] = design.interviewMonths;
  while (chosen.length < design.recipients) {
    let took = 0;
    for (const u of order) {
      const pool = pools.get(u) ?? [];
      for (let k = 0; k < design.perUnit && pool.length > 0 && chosen.length < design.recipients; k++) {
        chosen.push(pool.shift() as Recipient);
        took++;
      }
    }
    if (took === 0) break;
  }
  return chosen.map((r) => {
    const week = monthEndWeek(first + Math.floor(uniform() * (last - first + 1)));
    return { unit: r.unit, arm: r.arm, week, stage: furthestStage(r.record, week) };
  });
}

/** What a sample of interviews shows (the pre-registered observation and the test beside it). */
export function studyObservation(interviews: readonly Interview[]): StudyObservation {
  let limited = 0;
  let high = 0;
  let limitedApplying = 0;
  let highApplying = 0;
  let sustaining = 0;
  for (const i of interviews) {
    const applying = i.stage >= APPLYING_STAGE ? 1 : 0;
    if (i.arm === Arm.limited) {
      limited++;
      limitedApplying += applying;
    } else {
      high++;
      highApplying += applying;
    }
    if (i.stage >= SUSTAINING_STAGE) sustaining++;
  }
  const n = limited + high;
  const bothArms = limited > 0 && high > 0;
  const fisherP = fisherExact(limitedApplying, limited - limitedApplying, highApplying, high - highApplying);
  const short = n - limitedApplying - highApplying;
  return {
    recipients: n,
    limited,
    high,
    limitedApplying,
    highApplying,
    shows: bothArms && short === 0,
    allSustaining: bothArms && sustaining === n,
    nearlyAll: bothArms && short <= 2 && fisherP >= 0.05,
    fisherP,
    detects: fisherP < 0.05,
  };
}

/** Per arm, the share of recipients at or beyond each stage 1..6 at `week` (null: none in the arm). */
export function stageShares(recipients: readonly Recipient[], arm: Arm, week: number): (number | null)[] | null {
  const mine = recipients.filter((r) => r.arm === arm);
  if (mine.length === 0) return null;
  return RECORDED_STAGES.map((_, s) => mine.filter((r) => furthestStage(r.record, week) >= s + 1).length / mine.length);
}

/** How often `draws` study samples from one run show the observation (and detect a difference). */
export interface StudyChances {
  readonly draws: number;
  /** samples with recipients of both arms */
  readonly comparable: number;
  readonly shows: number;
  readonly allSustaining: number;
  readonly nearlyAll: number;
  readonly detects: number;
}

/**
 * `draws` samples from one run's recipients. `permuteArms`: the "no true difference" version —
 * the arm labels are shuffled among the run's recipients before each draw, so length carries no
 * information while every recipient's stage stays the model's.
 */
export function studyChances(run: Pick<RunResult, 'units'>, uniform: Uniform, draws: number, options: { readonly permuteArms?: boolean; readonly design?: StudyDesign } = {}): StudyChances {
  const design = options.design ?? STUDY_DESIGN;
  const recipients = recipientsOf(run, design);
  const counts = { draws, comparable: 0, shows: 0, allSustaining: 0, nearlyAll: 0, detects: 0 };
  for (let d = 0; d < draws; d++) {
    const pool = options.permuteArms ? permutedArms(recipients, uniform) : recipients;
    const o = studyObservation(drawStudy(pool, uniform, design));
    if (o.limited === 0 || o.high === 0) continue;
    counts.comparable++;
    if (o.shows) counts.shows++;
    if (o.allSustaining) counts.allSustaining++;
    if (o.nearlyAll) counts.nearlyAll++;
    if (o.detects) counts.detects++;
  }
  return counts;
}

/** The recipients with their units' arms shuffled among units (each unit keeps one arm for all its members). */
function permutedArms(recipients: readonly Recipient[], uniform: Uniform): Recipient[] {
  const units = [...new Set(recipients.map((r) => r.unit))];
  const arms = shuffled(units.map((u) => recipients.find((r) => r.unit === u)?.arm ?? Arm.limited), uniform);
  const armOfUnit = new Map(units.map((u, k) => [u, arms[k]]));
  return recipients.map((r) => ({ ...r, arm: armOfUnit.get(r.unit) ?? r.arm }));
}

/** The run's units as `UnitOutcome`s carry team records only from engine 3 on. */
export function hasTeams(run: Pick<RunResult, 'units'>): boolean {
  return Array.isArray(run.units) && run.units.every((u: UnitOutcome) => Array.isArray(u.team));
}
