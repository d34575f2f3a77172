/**
 * Case (c), child side: the foundation scenario (200 staff, 36 months) through simulate(), one
 * run after another on one thread. Each rep times `runs` runs one by one.
 */
import { loadScenario } from '../../dist/scenarios/index.js';
import { simulate } from '../../dist/sim/index.js';
import { timed } from '../lib/measure.js';

let params;
let scenario;
let nextSeed = 1;

export function setup(p) {
  params = p;
  scenario = loadScenario('foundation').scenario;
  const warm = timed(() => {
    for (let k = 0; k < p.warmRuns; k++) simulate(scenario, 100_000 + k);
  });
  return { warmMs: warm.wallMs };
}

export function rep() {
  const runMs = [];
  const all = timed(() => {
    for (let k = 0; k < params.runs; k++) {
      const t0 = performance.now();
      simulate(scenario, nextSeed++);
      runMs.push(performance.now() - t0);
    }
  });
  return { wallMs: all.wallMs, cpuMs: all.cpuMs, runMs };
}
