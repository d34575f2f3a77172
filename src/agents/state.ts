/**
 * Staff state as struct-of-arrays: one typed array per state variable, indexed by person.
 * Values in [0, 1] unless noted. The weekly loop reads and writes these in place; src/sim makes
 * the arrays (createStaffState, on reused memory in a batch of runs).
 */
export const Disposition = { interested: 0, skeptical: 1, disinterested: 2 } as const;
export type Disposition = (typeof Disposition)[keyof typeof Disposition];

/** How much ISP support reaches a person this week. */
export const Support = { none: 0, unitMember: 1, implementationTeam: 2 } as const;
export type Support = (typeof Support)[keyof typeof Support];

/** Whether a person has met the ISPs (direct) or only heard of them from colleagues. */
export const Contact = { none: 0, heard: 1, direct: 2 } as const;
export type Contact = (typeof Contact)[keyof typeof Contact];

export interface StaffState {
  readonly size: number;
  readonly disposition: Uint8Array;
  /** adoption threshold φ: share of neighbours applying before peers count (M1) */
  readonly threshold: Float32Array;
  readonly baselineTrust: Float32Array;
  /** trust in the ISPs (M2) */
  readonly trust: Float32Array;
  /** positive affect toward implementation support; 0.5 is neutral */
  readonly affect: Float32Array;
  /** acceptability, appropriateness, feasibility (M4) */
  readonly acceptability: Float32Array;
  readonly appropriateness: Float32Array;
  readonly feasibility: Float32Array;
  /** knowledge of implementation science (M5) */
  readonly knowledge: Float32Array;
  /** 1 while the person applies implementation science in their work (M6, M7) */
  readonly applying: Uint8Array;
  /** week of first adoption, −1 if never */
  readonly adoptedWeek: Int32Array;
  /** week the current spell of application began, −1 if not applying */
  readonly applyingSince: Int32Array;
  readonly contact: Uint8Array;
  /** direct ISP contacts so far (saturates at 65535) */
  readonly directContacts: Uint16Array;
  readonly lowStakesContacts: Uint16Array;
  /** the first low-stakes contact: 0 none yet, 1 experienced positively, 2 negatively (pattern 5's quality) */
  readonly firstLowStakes: Uint8Array;
  /** 1 if the person had a low-stakes contact before first adopting */
  readonly lowStakesBeforeAdoption: Uint8Array;
  readonly support: Uint8Array;
  /** 1 once the person's unit has been engaged: support is positioned on their own projects */
  readonly ownProject: Uint8Array;
  /** scratch, rewritten each week: share of neighbours applying */
  readonly exposure: Float32Array;
}
