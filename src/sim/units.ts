/**
 * The within-organization design (engagement.lengthAssignment = within): each unit is assigned one
 * engagement length at random, in equal shares, before the run starts — an allocation list, as in a
 * study — and the ledger keeps when each unit was first engaged and what its staff look like at the
 * horizon and at a fixed time since that start, and, for each implementation-team member, the week
 * they first reached each pathway stage (what the study's interviewees could describe: the study
 * design analysis, src/sweep/study-design.ts, reads it at the interview). Only runs of this design
 * carry per-unit outcomes, so every other run's output is unchanged.
 */
import { scaleScore, stageOf, type StaffState, type StageThresholds } from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import { monthsToWeeks } from './clock.js';
import { readinessOf } from './contacts.js';
import type { Organization } from './network.js';
import { RECORDED_STAGES, round6, type TeamMemberRecord, type UnitFollowUp, type UnitOutcome, type UnitSnapshot } from './result.js';
import { RandomStream } from './rng.js';

/**
 * Each unit's engagement length in months: the units in a random order (Fisher–Yates on a stream
 * of its own, `concentric/<seed>/lengths`, so no other draw of the run moves), then lengths dealt
 * out in turn — equal shares, differing by at most one unit.
 */
export function assignLengths(lengths: readonly number[], units: number, seed: number): Float64Array {
  const stream = new RandomStream(`concentric/${seed >>> 0}/lengths`);
  const order = Array.from({ length: units }, (_, u) => u);
  for (let k = units - 1; k > 0; k--) {
    const pick = stream.below(k + 1);
    [order[k], order[pick]] = [order[pick], order[k]];
  }
  const assigned = new Float64Array(units);
  order.forEach((unit, k) => (assigned[unit] = lengths[k % lengths.length]));
  return assigned;
}

export class UnitLedger {
  /** week each unit's first engagement began, −1 until then */
  readonly startWeek: Int32Array;
  private readonly followUps: (UnitFollowUp | null)[];
  /** units engaged, in order of first start (so of follow-up due week) not yet followed up */
  private readonly due: number[] = [];
  /** per team place (index into org.implementationMembers) × RECORDED_STAGES: week first reached, −1 not yet */
  private readonly reached: Int32Array;
  /** per team place: week its current holder joined */
  private readonly joined: Int32Array;
  /** per person: their team place, −1 if on no implementation team */
  private readonly placeOf: Int32Array;
  /** per team place: the records of holders who left, in order */
  private readonly former: TeamMemberRecord[][];

  constructor(
    private readonly org: Organization,
    private readonly staff: StaffState,
    /** months per unit (assignLengths) */
    readonly lengthMonths: Float64Array,
    private readonly followUpWeeks: number,
    private readonly sustainedAfterWeeks: number,
    private readonly stageThresholds: StageThresholds,
  ) {
    this.startWeek = new Int32Array(org.units).fill(-1);
    this.followUps = new Array<UnitFollowUp | null>(org.units).fill(null);
    const places = org.implementationMembers.length;
    this.reached = new Int32Array(places * RECORDED_STAGES.length).fill(-1);
    this.joined = new Int32Array(places);
    this.placeOf = new Int32Array(org.staff).fill(-1);
    for (let k = 0; k < places; k++) this.placeOf[org.implementationMembers[k]] = k;
    this.former = Array.from({ length: places }, () => []);
  }

  lengthWeeks(unit: number): number {
    return monthsToWeeks(this.lengthMonths[unit]);
  }

  /** An engagement of `unit` began at `week` (only the first counts). */
  started(unit: number, week: number): void {
    if (this.startWeek[unit] >= 0) return;
    this.startWeek[unit] = week;
    this.due.push(unit);
  }

  /** `week` weeks are complete: date the stages team members reach, measure the units whose follow-up falls now. */
  observe(week: number): void {
    this.trackTeams(week);
    const due = this.due;
    let k = 0;
    while (k < due.length && this.startWeek[due[k]] + this.followUpWeeks <= week) {
      this.followUps[due[k]] = { week, ...this.snapshot(due[k], week) };
      k++;
    }
    if (k > 0) due.splice(0, k);
  }

  /**
   * Person i leaves during the week after `week` weeks (turnover): their record closes, and the
   * newcomer who takes their place starts a new one. Called before the newcomer is hired.
   */
  left(i: number, week: number): void {
    const place = this.placeOf[i];
    if (place < 0) return;
    this.trackPlace(place, week + 1); // what they reached in their last week
    this.former[place].push(this.record(place, week + 1));
    this.reached.fill(-1, place * RECORDED_STAGES.length, (place + 1) * RECORDED_STAGES.length);
    this.joined[place] = week + 1;
  }

  /** Date the stages each team member is at now (idempotent within a week). */
  private trackTeams(week: number): void {
    const places = this.org.implementationMembers.length;
    for (let place = 0; place < places; place++) this.trackPlace(place, week);
  }

  private trackPlace(place: number, week: number): void {
    const i = this.org.implementationMembers[place];
    const { staff } = this;
    const weeksApplying = staff.applying[i] ? week - staff.applyingSince[i] : 0;
    const stage = stageOf(staff.contact[i], staff.trust[i], readinessOf(staff, i), staff.knowledge[i], staff.applying[i], weeksApplying, this.stageThresholds);
    // stage 0 (unaware) dates nothing; stage s ≥ 1 is at or beyond RECORDED_STAGES[0 .. s − 1]
    const base = place * RECORDED_STAGES.length;
    for (let s = 0; s < stage; s++) if (this.reached[base + s] < 0) this.reached[base + s] = week;
  }

  private record(place: number, leftWeek: number | null): TeamMemberRecord {
    const base = place * RECORDED_STAGES.length;
    const reached: (number | null)[] = [];
    for (let s = 0; s < RECORDED_STAGES.length; s++) reached.push(this.reached[base + s] >= 0 ? this.reached[base + s] : null);
    return { member: place - this.org.implementationStart[this.unitOfPlace(place)], joinedWeek: this.joined[place], leftWeek, reached };
  }

  private unitOfPlace(place: number): number {
    const start = this.org.implementationStart;
    let unit = 0;
    while (start[unit + 1] <= place) unit++;
    return unit;
  }

  private team(unit: number, week: number): TeamMemberRecord[] {
    const records: TeamMemberRecord[] = [];
    for (let place = this.org.implementationStart[unit]; place < this.org.implementationStart[unit + 1]; place++) {
      this.trackPlace(place, week);
      records.push(...this.former[place], this.record(place, null));
    }
    return records;
  }

  /** Every unit's outcomes after `week` weeks (follow-ups falling exactly now included). */
  outcomes(week: number): UnitOutcome[] {
    const result: UnitOutcome[] = [];
    for (let unit = 0; unit < this.org.units; unit++) {
      const start = this.startWeek[unit];
      const followUp = this.followUps[unit] ?? (start >= 0 && start + this.followUpWeeks === week ? { week, ...this.snapshot(unit, week) } : null);
      result.push({
        unit,
        lengthMonths: this.lengthMonths[unit],
        startWeek: start >= 0 ? start : null,
        ...this.snapshot(unit, week),
        followUp,
        team: this.team(unit, week),
      });
    }
    return result;
  }

  private snapshot(unit: number, week: number): UnitSnapshot {
    const { applying, applyingSince, acceptability, appropriateness, feasibility } = this.staff;
    const lo = this.org.unitStart[unit];
    const hi = this.org.unitStart[unit + 1];
    let on = 0;
    let sustained = 0;
    let a = 0;
    let p = 0;
    let f = 0;
    for (let i = lo; i < hi; i++) {
      on += applying[i];
      if (applying[i] && week - applyingSince[i] >= this.sustainedAfterWeeks) sustained++;
      a += acceptability[i];
      p += appropriateness[i];
      f += feasibility[i];
    }
    const n = Math.max(1, hi - lo);
    return {
      staff: hi - lo,
      applying: on,
      sustained,
      aim: round6(scaleScore(a / n)),
      iam: round6(scaleScore(p / n)),
      fim: round6(scaleScore(f / n)),
    };
  }
}

/** The ledger a scenario asks for: one when lengths are assigned within the organization, else null. */
export function unitLedgerFor(s: Scenario, seed: number, org: Organization, staff: StaffState, stageThresholds: StageThresholds): UnitLedger | null {
  if (s.engagement.lengthAssignment !== 'within') return null;
  return new UnitLedger(
    org,
    staff,
    assignLengths(s.engagement.withinLengths, org.units, seed),
    monthsToWeeks(s.engagement.withinFollowUpMonths),
    monthsToWeeks(s.sustainment.sustainedAfterMonths),
    stageThresholds,
  );
}
