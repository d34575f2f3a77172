/**
 * The reduced model in Concentric's own engine: the real createSimulation() on the built-in
 * `classic-bass` docking scenario (thresholds, readiness and knowledge gates off, constant ISP
 * dose, no ISPs, no discontinuation, no turnover), moved from full mixing onto an Erdős–Rényi
 * network of mean degree 10. With `pathway: false` (adoption.pathway=false: the reduced model
 * proper) the pathway's states keep their starting values; with the pathway on (the scenario as it
 * ships) the engine still updates trust, affect, A/P/F and knowledge for everyone every week,
 * although none of them can change who adopts here.
 */
import { loadScenario } from '../../dist/scenarios/index.js';
import { ArrayArena, createSimulation } from '../../dist/sim/index.js';
import { BASS } from './bass.js';

export function bassScenario(n, weeks, { pathway = true } = {}) {
  const overrides = [
    'organization.network=erdos-renyi',
    `organization.meanDegree=${BASS.meanDegree}`,
    `organization.staff=${n}`,
    `adoption.p=${BASS.p}`,
    `adoption.q=${BASS.q}`,
    `months=${Math.ceil((weeks * 12) / 52) + 1}`,
    `adoption.pathway=${pathway}`,
  ];
  return loadScenario('classic-bass', { overrides }).scenario;
}

export function createConcentricBass(n, seed, weeks, options = {}) {
  const scenario = bassScenario(n, weeks, options);
  // Each fresh run reuses the last one's memory, as simulate() does and as the other
  // implementations' reset() refills their arrays: on fresh arrays the first week would also pay
  // the operating system's first touch of ~2 MB (~10 ms at N = 100,000).
  const arena = new ArrayArena(256 * 1024 * 1024);
  let simulation = createSimulation(scenario, seed, { arrays: arena });
  return {
    visitsPerTick: simulation.view.organization.neighbors.length,
    /** a fresh run (network, population) — done outside the timed ticks, like the others' reset */
    reset() {
      arena.reset();
      simulation = createSimulation(scenario, seed, { arrays: arena });
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
