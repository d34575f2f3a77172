/**
 * M2 — trust in the ISPs (relational cohesion). The chance a contact is experienced positively
 * rises with ISP relational skill and team psychological safety; that experience moves affect
 * at once (affect.ts). Trust integrates, slowly, what contacts show: affect-based trust (the
 * person's affect) and cognition-based trust (the ISPs' technical competence) (McAllister 1995;
 * Lawler 2001). Sources: Lawler & Yoon 1996; Poortinga & Pidgeon 2004; Metz et al. 2022.
 */

/** Chance that an ISP contact is experienced positively. */
export function positiveContactChance(
  positiveBase: number,
  relationalWeight: number,
  relationalSkill: number,
  safetyWeight: number,
  teamSafety: number,
  lowStakesBonus: number,
): number {
  const chance = positiveBase + relationalWeight * relationalSkill + safetyWeight * teamSafety + lowStakesBonus;
  return chance < 0 ? 0 : chance > 1 ? 1 : chance;
}

/** What a contact shows trust: w·affect (affect-based) + (1 − w)·technical skill (cognition-based). */
export function trustSignal(affect: number, technicalSkill: number, affectWeight: number): number {
  return affectWeight * affect + (1 - affectWeight) * technicalSkill;
}

/** After a contact trust moves a share α of the way toward what the contact showed: T += α(signal − T). */
export function trustTowardContact(trust: number, signal: number, gain: number): number {
  return trust + gain * (signal - trust);
}

/**
 * Curious resistance: the first few contacts of skeptical or disinterested staff teach less
 * trust — they come, they listen, they hold back.
 */
export function resistantGain(gain: number, resistance: number, resistant: boolean, directContacts: number): number {
  return resistant && directContacts < 3 ? gain * (1 - resistance) : gain;
}

/**
 * Word of mouth: trust moves toward the mean trust of tied colleagues who worked with the ISPs, in
 * proportion to how many of one's ties did — T += r·h·(m − T) a week, with r the weekly rate, h
 * the share of ties who met the ISPs and m their mean trust. Computed as T + pull − weight·T with
 * weight = r·h (wordOfMouthWeight) and pull = r·h·m (wordOfMouthPull), both gathered for everyone
 * from last week's trust before anyone changes (synchronous update; src/sim/staff-week.ts).
 */
export function trustAfterWordOfMouth(trust: number, pull: number, weight: number): number {
  return trust + pull - weight * trust;
}

/** Word of mouth's weight r·h: the weekly rate times the share of one's ties who met the ISPs. */
export function wordOfMouthWeight(weeklyRate: number, heardShare: number): number {
  return weeklyRate * heardShare;
}

/** Word of mouth's pull r·h·m: its weight times the mean trust m of the ties who met the ISPs. */
export function wordOfMouthPull(weeklyRate: number, heardShare: number, meanTrust: number): number {
  return weeklyRate * heardShare * meanTrust;
}
