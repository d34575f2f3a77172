/**
 * The reduced model every implementation in case (a) computes: Bass diffusion on a network.
 * Each tick (a week) every agent scans its neighbours, counts those adopting (exposure E = share
 * of neighbours adopting), and a non-adopter adopts with chance min(1, (p + q·E)·Δt), Δt = 12/52
 * month; one uniform draw per agent per tick; synchronous update (everyone reads last tick's state).
 */
export const BASS = { p: 0.03, q: 0.38, dt: 12 / 52, meanDegree: 10 };

/** Per-tick adoption chance (what Concentric's weeklyChance(p·1 + q·E) gives in the reduced model). */
export function adoptionChance(exposure) {
  return Math.min(1, (BASS.p + BASS.q * exposure) * BASS.dt);
}
