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

/** Organization credibility C: the mean trust of staff who have met the ISPs (0 before anyone has). */
export function credibility(trustSumOfContacted: number, contacted: number): number {
  return contacted > 0 ? trustSumOfContacted / contacted : 0;
}

/**
 * A unit's credibility C_u: the mean over members first .. last − 1 of their trust if they have
 * met or heard of the ISPs (contact > 0, agents' Contact), else 0. src/sim/credibility.ts computes
 * it branch-free for every unit in one pass (tests/sim/rule-equality.test.ts: the same numbers).
 */
export function unitCredibility(contact: ArrayLike<number>, trust: ArrayLike<number>, first: number, last: number): number {
  let sum = 0;
  for (let i = first; i < last; i++) if (contact[i] > 0) sum += trust[i];
  return sum / (last - first);
}
