/**
 * What ISPs do in one engaged unit in one week (step 4; M2, M3, M5): a facilitated meeting and
 * coaching for the implementation team on their schedule, and low-stakes outreach to anyone in
 * the unit. Module-level functions with their inputs passed in (see staff-week.ts for why).
 */
import {
  affectAfterContact,
  Contact,
  Disposition,
  knowledgeAfterContact,
  positiveContactChance,
  readinessMean,
  resistantGain,
  safetyAfterMeeting,
  scheduledContacts,
  trustSignal,
  trustTowardContact,
  type StaffState,
} from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import type { Organization } from './network.js';
import type { RandomStream } from './rng.js';
import { tellColleagues } from './staff-week.js';

/** The scenario's values a contact reads, once. */
export interface ContactRules {
  readonly positiveBase: number;
  readonly relationalWeight: number;
  readonly relationalSkill: number;
  readonly technicalSkill: number;
  readonly safetyWeight: number;
  readonly lowStakesBonus: number;
  readonly trustGain: number;
  readonly affectGain: number;
  readonly affectWeight: number;
  readonly lossRatio: number;
  readonly curiousResistance: number;
  readonly meetingGain: number;
  readonly coachingGain: number;
  readonly outreachGain: number;
  readonly facilitation: number;
  readonly outreachPerWeek: number;
  readonly meetingEveryWeeks: number;
  readonly coachingEveryWeeks: number;
  /** off ⇒ contacts are made and counted but change nothing (the reduced model) */
  readonly pathway: boolean;
}

export function contactRules(s: Scenario): ContactRules {
  return {
    positiveBase: s.trust.positiveBase,
    relationalWeight: s.trust.relationalWeight,
    relationalSkill: s.isps.relationalSkill,
    technicalSkill: s.isps.technicalSkill,
    safetyWeight: s.trust.safetyWeight,
    lowStakesBonus: s.trust.lowStakesBonus,
    trustGain: s.trust.gain,
    affectGain: s.affect.gain,
    affectWeight: s.trust.affectWeight,
    lossRatio: s.trust.lossRatio,
    curiousResistance: s.context.curiousResistance,
    meetingGain: s.knowledge.meetingGain,
    coachingGain: s.knowledge.coachingGain,
    outreachGain: s.knowledge.outreachGain,
    facilitation: s.safety.facilitation,
    outreachPerWeek: s.engagement.outreachPerWeek,
    meetingEveryWeeks: s.engagement.meetingEveryWeeks,
    coachingEveryWeeks: s.engagement.coachingEveryWeeks,
    pathway: s.adoption.pathway,
  };
}

/** Where contacts act: the staff, their teams, the contacts stream, and the kept counts. */
export interface ContactTargets {
  readonly staff: StaffState;
  readonly org: Organization;
  readonly teamSafety: Float64Array;
  /** the week each team last met (one safety gain per team per week) */
  readonly teamMetWeek: Int32Array;
  readonly rng: RandomStream;
  /** colleagues who met the ISPs, kept per person; null when not kept */
  readonly metAround: Int32Array | null;
}

/** Mean of A, P, F: how open a person is to learning (the pathway's A/P/F → knowledge). */
export function readinessOf(staff: StaffState, i: number): number {
  return readinessMean(staff.acceptability[i], staff.appropriateness[i], staff.feasibility[i]);
}

/** The kinds of ISP contact, by what each teaches. */
const Kind = { meeting: 0, coaching: 1, outreach: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/**
 * One ISP contact with person i, then what they learn from it (the kind's gain · readiness).
 * Takes the kind, not its gain: a fractional number passed to a call V8 does not inline is boxed
 * on the heap, which made this the largest source of garbage in a foundation run.
 */
function contact(r: ContactRules, t: ContactTargets, i: number, kind: Kind): void {
  const { staff } = t;
  const lowStakes = kind === Kind.outreach;
  const learning = kind === Kind.meeting ? r.meetingGain : kind === Kind.coaching ? r.coachingGain : r.outreachGain;
  const safety = t.teamSafety[t.org.teamOf[i]];
  const chance = positiveContactChance(r.positiveBase, r.relationalWeight, r.relationalSkill, r.safetyWeight, safety, lowStakes ? r.lowStakesBonus : 0);
  const positive = t.rng.next() < chance;
  if (r.pathway) {
    const resistant = staff.disposition[i] !== Disposition.interested;
    // Affect answers the contact's relational quality at once; trust integrates affect and the
    // ISPs' competence slowly (and, for the resistant, more slowly still at first).
    const affect = affectAfterContact(staff.affect[i], positive, r.affectGain, r.lossRatio);
    staff.affect[i] = affect;
    const gain = resistantGain(r.trustGain, r.curiousResistance, resistant, staff.directContacts[i]);
    staff.trust[i] = trustTowardContact(staff.trust[i], trustSignal(affect, r.technicalSkill, r.affectWeight), gain);
  }
  if (t.metAround !== null && staff.contact[i] !== Contact.direct) tellColleagues(t.org.offsets, t.org.neighbors, t.metAround, i, 1);
  staff.contact[i] = Contact.direct;
  if (staff.directContacts[i] < 65535) staff.directContacts[i]++;
  if (lowStakes) {
    if (staff.firstLowStakes[i] === 0) staff.firstLowStakes[i] = positive ? 1 : 2;
    if (staff.lowStakesContacts[i] < 65535) staff.lowStakesContacts[i]++;
  }
  // With the pathway off, contacts are still made and counted (dose, contact stage) but change nothing.
  if (r.pathway) staff.knowledge[i] = knowledgeAfterContact(staff.knowledge[i], learning * readinessOf(staff, i), r.technicalSkill);
}

/** The week's contacts in `unit`, `weekOfEngagement` weeks after its engagement began; whether anyone was contacted. */
export function contactUnit(r: ContactRules, t: ContactTargets, unit: number, weekOfEngagement: number, week: number): boolean {
  let contacted = false;
  const { meeting, coaching } = scheduledContacts(weekOfEngagement, r.meetingEveryWeeks, r.coachingEveryWeeks);
  const { implementationStart, implementationMembers, unitStart, teamOf } = t.org;
  const { teamSafety, teamMetWeek } = t;
  for (let k = implementationStart[unit]; k < implementationStart[unit + 1]; k++) {
    const i = implementationMembers[k];
    if (meeting) {
      const team = teamOf[i];
      if (r.pathway && teamMetWeek[team] !== week) {
        teamMetWeek[team] = week;
        teamSafety[team] = safetyAfterMeeting(teamSafety[team], r.facilitation, r.relationalSkill);
      }
      contact(r, t, i, Kind.meeting);
      contacted = true;
    }
    if (coaching) {
      contact(r, t, i, Kind.coaching);
      contacted = true;
    }
  }
  // Low-stakes outreach to anyone in the unit: check-ins, tools, office hours (one draw each,
  // then the contact's own draw).
  const end = unitStart[unit + 1];
  const outreach = r.outreachPerWeek;
  for (let i = t.rng.firstBelow(outreach, unitStart[unit], end); i < end; i = t.rng.firstBelow(outreach, i + 1, end)) {
    contact(r, t, i, Kind.outreach);
    contacted = true;
  }
  return contacted;
}
