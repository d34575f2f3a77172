/**
 * The support desk: which units are waiting, which are engaged and by whom. Runs the engagement
 * lifecycle (request → waitlist → active with co-leads → ended) and keeps each person's support
 * level in step with it. Work is per unit or per engagement, never per person per week.
 */
import { EngagementPhase, Support, type Engagement, type StaffState } from '../agents/index.js';
import { assignCoLeads, createIspTeam, releaseCoLeads, type IspTeam } from './isp-slots.js';
import type { Organization } from './network.js';
import type { UnitLedger } from './units.js';

export type SupportEvent =
  | { readonly kind: 'requested'; readonly unit: number; readonly week: number }
  | { readonly kind: 'started'; readonly unit: number; readonly week: number; readonly coLeads: readonly number[] }
  | { readonly kind: 'ended'; readonly unit: number; readonly week: number };

export class SupportDesk {
  readonly phase: Uint8Array;
  /** 1 for each unit that has had an engagement start (the ring statistics' "engaged" units) */
  readonly everEngaged: Uint8Array;
  readonly waitlist: number[] = [];
  readonly active: Engagement[] = [];
  isps: IspTeam;
  lengthWeeks: number;
  started = 0;
  requests = 0;
  /** events of the current week, cleared by the simulation at the start of each step */
  readonly events: SupportEvent[] = [];
  /**
   * Within-organization design: each unit's own length, and its follow-ups (units.ts). null: every
   * engagement lasts `lengthWeeks`.
   */
  ledger: UnitLedger | null = null;

  constructor(
    private readonly org: Organization,
    private readonly staff: StaffState,
    ispCount: number,
    private readonly hoursPerWeek: number,
    private readonly hoursPerCoLeadWeek: number,
    private readonly coLeads: number,
    lengthWeeks: number,
  ) {
    this.phase = new Uint8Array(org.units);
    this.everEngaged = new Uint8Array(org.units);
    this.isps = createIspTeam(ispCount, hoursPerWeek, hoursPerCoLeadWeek);
    this.lengthWeeks = lengthWeeks;
  }

  /** Resize the ISP team live (teaching demo). Removed ISPs' engagements keep running to their end. */
  setIspCount(count: number): void {
    if (count < this.isps.count) {
      // ISPs who leave drop out of their engagements now, so that when those engagements end
      // nobody releases a slot on behalf of a departed ISP (or of a newcomer at the same index).
      for (let k = 0; k < this.active.length; k++) {
        const engagement = this.active[k];
        if (engagement.coLeads.some((isp) => isp >= count)) {
          this.active[k] = { ...engagement, coLeads: engagement.coLeads.filter((isp) => isp < count) };
        }
      }
    }
    this.isps = createIspTeam(count, this.hoursPerWeek, this.hoursPerCoLeadWeek, this.isps.load.subarray(0, Math.min(count, this.isps.count)));
  }

  request(unit: number, week: number): void {
    if (this.phase[unit] === EngagementPhase.waiting || this.phase[unit] === EngagementPhase.active) return;
    this.phase[unit] = EngagementPhase.waiting;
    this.waitlist.push(unit);
    this.requests++;
    this.events.push({ kind: 'requested', unit, week });
  }

  /** Can a unit ask for support now? (not already waiting or engaged) */
  canRequest(unit: number): boolean {
    return this.phase[unit] === EngagementPhase.none || this.phase[unit] === EngagementPhase.ended;
  }

  /** End the engagements due this week (last started first), then close the gaps in `active`. */
  endDue(week: number): void {
    // `week` weeks are complete: the moment a follow-up due now measures.
    this.ledger?.observe(week);
    const active = this.active;
    let ended = 0;
    for (let k = active.length - 1; k >= 0; k--) {
      const engagement = active[k];
      if (engagement.endWeek > week) continue;
      ended++;
      this.phase[engagement.unit] = EngagementPhase.ended;
      releaseCoLeads(this.isps, engagement.coLeads);
      this.setSupport(engagement.unit, false);
      this.events.push({ kind: 'ended', unit: engagement.unit, week });
    }
    if (ended === 0) return;
    let kept = 0;
    for (const engagement of active) if (engagement.endWeek > week) active[kept++] = engagement;
    active.length = kept;
  }

  /** Start waiting engagements, first come first served, while co-leads are free. */
  startWaiting(week: number): void {
    while (this.waitlist.length > 0) {
      const coLeads = assignCoLeads(this.isps, this.coLeads);
      if (!coLeads) return;
      const unit = this.waitlist.shift() as number;
      this.begin(unit, week, coLeads);
    }
  }

  /** Engage units immediately (the first-engaged units at week 0), capacity permitting. */
  startNow(units: readonly number[], week: number): void {
    for (const unit of units) {
      this.phase[unit] = EngagementPhase.waiting;
      this.waitlist.push(unit);
    }
    this.startWaiting(week);
  }

  private begin(unit: number, week: number, coLeads: readonly number[]): void {
    const lengthWeeks = this.ledger ? this.ledger.lengthWeeks(unit) : this.lengthWeeks;
    this.ledger?.started(unit, week);
    this.active.push({ unit, startWeek: week, endWeek: week + Math.max(1, lengthWeeks), coLeads });
    this.phase[unit] = EngagementPhase.active;
    this.everEngaged[unit] = 1;
    this.started++;
    this.setSupport(unit, true);
    this.events.push({ kind: 'started', unit, week, coLeads });
  }

  private setSupport(unit: number, on: boolean): void {
    const { unitStart, implementationStart, implementationMembers } = this.org;
    for (let i = unitStart[unit]; i < unitStart[unit + 1]; i++) {
      this.staff.support[i] = on ? Support.unitMember : Support.none;
      if (on) this.staff.ownProject[i] = 1;
    }
    if (on) {
      for (let k = implementationStart[unit]; k < implementationStart[unit + 1]; k++) {
        this.staff.support[implementationMembers[k]] = Support.implementationTeam;
      }
    }
  }

  hoursThisWeek(): number {
    return this.active.length * this.coLeads * this.hoursPerCoLeadWeek;
  }
}
