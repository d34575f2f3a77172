/**
 * M2 — trust in the ISPs (relational cohesion). Gains saturate, losses are larger (trust
 * asymmetry); the chance a contact is positive rises with ISP relational skill and team
 * psychological safety. Sources: Lawler & Yoon 1996; Poortinga & Pidgeon 2004; Metz et al. 2022.
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

/** T += α(1 − T) after a positive contact; T −= β·T with β = lossRatio·α after a negative one. */
export function trustAfterContact(trust: number, positive: boolean, gain: number, lossRatio: number): number {
  if (positive) return trust + gain * (1 - trust);
  const loss = Math.min(1, gain * lossRatio);
  return trust - loss * trust;
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
 * weight = r·h and pull = weight·m, both gathered for everyone from last week's trust before anyone
 * changes (synchronous update; src/sim/staff-week.ts).
 */
export function trustAfterWordOfMouth(trust: number, pull: number, weight: number): number {
  return trust + pull - weight * trust;
}
