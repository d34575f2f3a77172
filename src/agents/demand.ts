/**
 * M8 — ISP credibility and demand. Organization-wide credibility is the mean trust of staff who
 * worked with the ISPs. A unit requests support at λ = λ₀ + (κ_floor + κ·share applying)·C_u per
 * month, where C_u is the unit's awareness-weighted trust (mean over its members of trust if
 * they have met or heard of the ISPs, else 0): credibility reaches units through colleagues
 * ("sought their involvement on more projects", Metz et al. 2024).
 */
export function requestRate(
  baseRate: number,
  credibilityFloor: number,
  credibilityGain: number,
  credibility: number,
  applyingShare: number,
): number {
  return baseRate + (credibilityFloor + credibilityGain * applyingShare) * credibility;
}

export function credibility(trustSumOfContacted: number, contacted: number): number {
  return contacted > 0 ? trustSumOfContacted / contacted : 0;
}
