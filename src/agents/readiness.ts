/**
 * M4 — acceptability (A), appropriateness (P) and feasibility (F) of implementation science
 * (Proctor et al. 2011; Weiner et al. 2017). Each relaxes toward a signal: A toward trust and
 * affect, P toward trust and own-project positioning (tailoring), F toward knowledge and team
 * safety under a cap set by absorptive capacity, urgency culture and leadership buy-in.
 */
export function acceptabilitySignal(trust: number, affect: number, trustWeight: number): number {
  return trustWeight * trust + (1 - trustWeight) * affect;
}

export function appropriatenessSignal(trust: number, ownProject: number, tailoring: number, tailoringWeight: number): number {
  return (1 - tailoringWeight) * trust + tailoringWeight * ownProject * tailoring;
}

/** cap = absorptive × (1 − effect·urgency), lifted toward 1 by leadership buy-in (half-way at full buy-in). */
export function feasibilityCap(absorptiveCapacity: number, urgency: number, urgencyEffect: number, leadershipBuyIn: number): number {
  const capped = absorptiveCapacity * (1 - urgencyEffect * urgency);
  return capped + 0.5 * leadershipBuyIn * (absorptiveCapacity - capped);
}

export function feasibilitySignal(knowledge: number, teamSafety: number, cap: number): number {
  return cap * (0.5 + 0.25 * knowledge + 0.25 * teamSafety);
}

/** Move a value toward its signal at a per-week rate. */
export function relax(value: number, signal: number, weeklyRate: number): number {
  return value + weeklyRate * (signal - value);
}

/** Readiness: the mean of A, P, F — how open a person is to learning and to the stages (M4 → M5). */
export function readinessMean(acceptability: number, appropriateness: number, feasibility: number): number {
  return (acceptability + appropriateness + feasibility) / 3;
}

/** AIM/IAM/FIM-style scale score (1–5) from a latent share in [0, 1]. */
export function scaleScore(latent: number): number {
  return 1 + 4 * latent;
}
