/**
 * The reduced model in Concentric's own engine: the real createSimulation() on the built-in
 * `classic-bass` docking scenario (thresholds, readiness and knowledge gates off, constant ISP
 * dose, no ISPs, no discontinuation, no turnover), moved from full mixing onto an Erdős–Rényi
 * network of mean degree 10. The engine still carries and records its whole per-person state
 * (trust, affect, A/P/F, knowledge) every week: that is part of what is measured.
 */
import { loadScenario } from '../../dist/scenarios/index.js';
import { createSimulation } from '../../dist/sim/index.js';
import { BASS } from './bass.js';

export function bassScenario(n, weeks) {
  const overrides = [
    'organization.network=erdos-renyi',
    `organization.meanDegree=${BASS.meanDegree}`,
    `organization.staff=${n}`,
    `adoption.p=${BASS.p}`,
    `adoption.q=${BASS.q}`,
    `months=${Math.ceil((weeks * 12) / 52) + 1}`,
  ];
  return loadScenario('classic-bass', { overrides }).scenario;
}

export function createConcentricBass(n, seed, weeks) {
  const scenario = bassScenario(n, weeks);
  let simulation = createSimulation(scenario, seed);
  return {
    visitsPerTick: simulation.view.organization.neighbors.length,
    /** a fresh run (network, population) — done outside the timed ticks, like the others' reset */
    reset() {
      simulation = createSimulation(scenario, seed);
    },
    tick() {
      simulation.step();
    },
    adoptedShare() {
      const applying = simulation.view.staff.applying;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += applying[i];
      return sum / n;
    },
  };
}
