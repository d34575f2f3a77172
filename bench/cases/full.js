/**
 * Case (b), child side: the full model — the foundation scenario scaled to N staff (units, ISPs
 * and first-engaged units in proportion; ISPs capped at the schema's 10,000) — for 156 weeks.
 * Each rep is a new run: createSimulation (network, population) timed apart from the 156 weekly
 * steps and the result (series + summary).
 */
import { loadScenario } from '../../dist/scenarios/index.js';
import { createSimulation } from '../../dist/sim/index.js';
import { collectGarbage, timed } from '../lib/measure.js';

const FOUNDATION_STAFF = 200;

export function scaledFoundation(n) {
  const base = loadScenario('foundation').scenario;
  const scale = n / FOUNDATION_STAFF;
  const overrides = [
    `organization.staff=${n}`,
    `organization.units=${Math.max(1, Math.round(base.organization.units * scale))}`,
    `isps.count=${Math.min(10_000, Math.max(1, Math.round(base.isps.count * scale)))}`,
    `engagement.initialUnits=${Math.max(1, Math.round(base.engagement.initialUnits * scale))}`,
    'months=36',
  ];
  return { scenario: loadScenario('foundation', { overrides }).scenario, overrides };
}

let params;
let scenario;

function runOnce(s, seed) {
  const created = timed(() => createSimulation(s, seed));
  const simulation = created.value;
  const stepped = timed(() => {
    while (!simulation.done) simulation.step();
  });
  const finished = timed(() => simulation.view.result());
  return {
    setupMs: created.wallMs,
    wallMs: stepped.wallMs,
    cpuMs: stepped.cpuMs,
    resultMs: finished.wallMs,
    weeks: simulation.view.week,
    visitsPerWeek: simulation.view.organization.neighbors.length,
    adopted: finished.value.summary.finalAdoption,
  };
}

export function setup(p) {
  params = p;
  const scaled = scaledFoundation(p.n);
  scenario = scaled.scenario;
  // Warm the JIT on a smaller organization of the same shape (a full-size warm-up would double the case's time).
  const warm = scaledFoundation(Math.min(p.n, p.warmN ?? p.n)).scenario;
  const warmRun = runOnce(warm, 999);
  collectGarbage();
  return { overrides: scaled.overrides, warmN: warm.organization.staff, warmMs: warmRun.setupMs + warmRun.wallMs };
}

export function rep(index) {
  collectGarbage();
  return runOnce(scenario, (params.seed + index) >>> 0);
}
