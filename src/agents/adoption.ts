/**
 * M6 — adoption (first and renewed application). Hazard per month
 *   h = [p·(dose + initiative·K) + q·E·1(E ≥ φ)] · g
 * with dose the ISP push, initiative·K the push a person keeps from what they learned (built
 * capacity outlives the engagement), E the share of neighbours applying, φ the person's threshold and g the
 * readiness/knowledge gate. With φ = 0, g = 1, dose = 1 and full mixing it is the Bass model
 * (Bass 1969; p, q from Sultan, Farley & Lehmann 1990); the threshold gate is complex contagion
 * (Centola & Macy 2007). The engine computes the bracket first and the gate only when the bracket's
 * chance could be hit (src/sim/switching.ts), so the two parts are separate functions.
 */
import { Support } from './state.js';

/** The bracket of the hazard, p·(dose + initiative·K) + q·E·1(E ≥ φ), before the gate. */
export function ungatedHazard(
  p: number,
  dose: number,
  initiative: number,
  knowledge: number,
  q: number,
  exposure: number,
  threshold: number,
): number {
  const peers = exposure >= threshold ? q * exposure : 0;
  return p * (dose + initiative * knowledge) + peers;
}

/** The gate g ∈ [0, 1] scales the hazard down: h = bracket · g. */
export function gatedHazard(ungated: number, gate: number): number {
  return ungated * gate;
}

/** Geometric mean of A, P, F: any one near zero blocks application. */
export function readinessGate(acceptability: number, appropriateness: number, feasibility: number): number {
  return Math.cbrt(acceptability * appropriateness * feasibility);
}

/** Linear-threshold rule (Watts 2002): adopt once a positive share of neighbours ≥ φ applies. */
export function thresholdReached(exposure: number, threshold: number): boolean {
  return exposure > 0 && exposure >= threshold;
}

/** Knowledge gate: K / learningAt, up to 1 — a person who has learned enough is not held back. */
export function knowledgeGate(knowledge: number, learningAt: number): number {
  return Math.min(1, knowledge / learningAt);
}

/** The ISPs' push on a person by their support: the implementation team gets the team dose, others in an engaged unit the unit dose. */
export function supportDose(support: number, teamDose: number, unitDose: number): number {
  return support === Support.implementationTeam ? teamDose : support === Support.unitMember ? unitDose : 0;
}
