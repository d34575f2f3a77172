/**
 * Positive affect toward implementation support (Metz et al. 2024: how recipients felt in early
 * interactions). Moves like trust after a contact; drifts back to neutral (0.5) without contacts.
 * An assumption of the model: no source pins its rates.
 */
export function affectAfterContact(affect: number, positive: boolean, gain: number, lossRatio: number): number {
  if (positive) return affect + gain * (1 - affect);
  return affect - Math.min(1, gain * lossRatio) * affect;
}

export function affectDrift(affect: number, weeklyRate: number): number {
  return affect + weeklyRate * (0.5 - affect);
}
