/**
 * M3 — team psychological safety (Edmondson 1999): team-level, raised by ISP-facilitated
 * meetings in proportion to relational skill, drifting back to the culture's baseline.
 */
export function safetyAfterMeeting(safety: number, facilitation: number, relationalSkill: number): number {
  return safety + facilitation * relationalSkill * (1 - safety);
}

export function safetyDrift(safety: number, baseline: number, weeklyRate: number): number {
  return safety + weeklyRate * (baseline - safety);
}
