/**
 * Affect toward implementation support — the affective response to ISPs the study reports
 * (curiosity, respect, openness; Metz et al. 2024), a construct of its own (MODEL-GROUNDING
 * Revisions 2). By the affect theory of social exchange (Lawler & Yoon 1996; Lawler 2001) a
 * successful exchange produces positive emotion at once, and the emotion is transient: affect
 * responds within weeks to the relational quality of each contact (fast gain, negative contacts
 * weigh lossRatio × more) and fades back to neutral (0.5) without contacts. Trust integrates it
 * slowly (trust.ts). Rates are assumptions.
 */
export function affectAfterContact(affect: number, positive: boolean, gain: number, lossRatio: number): number {
  if (positive) return affect + gain * (1 - affect);
  return affect - Math.min(1, gain * lossRatio) * affect;
}

export function affectDrift(affect: number, weeklyRate: number): number {
  return affect + weeklyRate * (0.5 - affect);
}
