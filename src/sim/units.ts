/**
 * The within-organization design (engagement.lengthAssignment = within): each unit is assigned one
 * engagement length at random, in equal shares, before the run starts — an allocation list, as in a
 * study — and the ledger keeps when each unit was first engaged and what its staff look like at the
 * horizon and at a fixed time since that start. Only runs of this design carry per-unit outcomes,
 * so every other run's output is unchanged.
 */
import { scaleScore, type StaffState } from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import { monthsToWeeks } from './clock.js';
import type { Organization } from './network.js';
import { round6, type UnitFollowUp, type UnitOutcome, type UnitSnapshot } from './result.js';
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

  constructor(
    private readonly org: Organization,
    private readonly staff: StaffState,
    /** months per unit (assignLengths) */
    readonly lengthMonths: Float64Array,
    private readonly followUpWeeks: number,
    private readonly sustainedAfterWeeks: number,
  ) {
    this.startWeek = new Int32Array(org.units).fill(-1);
    this.followUps = new Array<UnitFollowUp | null>(org.units).fill(null);
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

  /** `week` weeks are complete: measure the units whose follow-up falls now. */
  observe(week: number): void {
    const due = this.due;
    let k = 0;
    while (k < due.length && this.startWeek[due[k]] + this.followUpWeeks <= week) {
      this.followUps[due[k]] = { week, ...this.snapshot(due[k], week) };
      k++;
    }
    if (k > 0) due.splice(0, k);
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
export function unitLedgerFor(s: Scenario, seed: number, org: Organization, staff: StaffState): UnitLedger | null {
  if (s.engagement.lengthAssignment !== 'within') return null;
  return new UnitLedger(
    org,
    staff,
    assignLengths(s.engagement.withinLengths, org.units, seed),
    monthsToWeeks(s.engagement.withinFollowUpMonths),
    monthsToWeeks(s.sustainment.sustainedAfterMonths),
  );
}
