/**
 * M1 and M9 — who the staff are. Each person has a disposition (interested / skeptical /
 * disinterested, after Rogers' adopter categories) that sets their adoption threshold φ and
 * their baseline trust and readiness. Turnover replaces a person with a naive newcomer in the
 * same position (McKay et al. 2018).
 */
import { Contact, type StaffState } from './state.js';

export interface DispositionProfile {
  readonly threshold: readonly [number, number];
  readonly trust: number;
  readonly readiness: number;
}

/** Pick a disposition index from cumulative shares, given a uniform draw in [0, 1). */
export function pickDisposition(cumulativeShares: readonly number[], u: number): number {
  for (let d = 0; d < cumulativeShares.length - 1; d++) if (u < cumulativeShares[d]) return d;
  return cumulativeShares.length - 1;
}

/** Set person i to a newcomer's state: baseline trust and readiness, no knowledge, not applying. */
export function placeNewcomer(
  staff: StaffState,
  i: number,
  disposition: number,
  profile: DispositionProfile,
  thresholdDraw: number,
  trustPenalty: number,
): void {
  const [low, high] = profile.threshold;
  const trust = Math.max(0, profile.trust - trustPenalty);
  staff.disposition[i] = disposition;
  staff.threshold[i] = low + (high - low) * thresholdDraw;
  staff.baselineTrust[i] = trust;
  staff.trust[i] = trust;
  staff.affect[i] = 0.5;
  staff.acceptability[i] = profile.readiness;
  staff.appropriateness[i] = profile.readiness;
  staff.feasibility[i] = profile.readiness;
  staff.knowledge[i] = 0;
  staff.applying[i] = 0;
  staff.adoptedWeek[i] = -1;
  staff.applyingSince[i] = -1;
  staff.contact[i] = Contact.none;
  staff.directContacts[i] = 0;
  staff.lowStakesContacts[i] = 0;
  staff.firstLowStakes[i] = 0;
  staff.lowStakesBeforeAdoption[i] = 0;
}
