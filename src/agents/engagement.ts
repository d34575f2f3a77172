/**
 * The engagement lifecycle: a unit requests support → waits on the waitlist → is active with its
 * co-leads for the engagement length → ends. During an active engagement the implementation team
 * meets monthly and receives coaching weekly or biweekly; everyone in the unit may have low-stakes
 * outreach contacts.
 */
export const EngagementPhase = { none: 0, waiting: 1, active: 2, ended: 3 } as const;
export type EngagementPhase = (typeof EngagementPhase)[keyof typeof EngagementPhase];

export interface Engagement {
  readonly unit: number;
  readonly startWeek: number;
  readonly endWeek: number;
  readonly coLeads: readonly number[];
}

/** The return type of scheduledContacts (exported with it: a public function names its types). */
export interface ContactsThisWeek {
  readonly meeting: boolean;
  readonly coaching: boolean;
}

/** Which scheduled contacts fall in week `weekOfEngagement` (0 = the first week). */
export function scheduledContacts(weekOfEngagement: number, meetingEveryWeeks: number, coachingEveryWeeks: number): ContactsThisWeek {
  return {
    meeting: weekOfEngagement % meetingEveryWeeks === 0,
    coaching: weekOfEngagement % coachingEveryWeeks === 0,
  };
}
