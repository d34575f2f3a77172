/**
 * Case (b), child side: the full model — the foundation scenario scaled to N staff (units, ISPs
 * and first-engaged units in proportion; ISPs capped at the schema's 10,000) — for 156 weeks.
 *
 * mode 'runs': each rep is a new run: createSimulation (network, population) timed apart from the
 * 156 weekly steps and the result (series + summary).
 * mode 'blocks' (N = 1M, where five whole runs would not fit the bench's time budget): one run,
 * built in setup; each rep times the next block of weeks; the last one also makes the result.
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
let simulation;

function runOnce(s, seed) {
  const created = timed(() => createSimulation(s, seed));
  const run = created.value;
  const stepped = timed(() => {
    while (!run.done) run.step();
  });
  const finished = timed(() => run.view.result());
  return {
    setupMs: created.wallMs,
    wallMs: stepped.wallMs,
    cpuMs: stepped.cpuMs,
    resultMs: finished.wallMs,
    weeks: run.view.week,
    visitsPerWeek: run.view.organization.neighbors.length,
    adopted: finished.value.summary.finalAdoption,
  };
}

export function setup(p) {
  params = p;
  const scaled = scaledFoundation(p.n);
  scenario = scaled.scenario;
  // Warm the JIT on an organization of the same shape (warmN = 0: no warm-up run).
  const info = { overrides: scaled.overrides, warmN: p.warmN ?? p.n };
  if (info.warmN > 0) {
    const warmRun = runOnce(scaledFoundation(Math.min(p.n, info.warmN)).scenario, 999);
    info.warmMs = warmRun.setupMs + warmRun.wallMs;
    collectGarbage();
  }
  if (p.mode === 'blocks') {
    const created = timed(() => createSimulation(scenario, p.seed));
    simulation = created.value;
    info.setupMs = created.wallMs;
    info.visitsPerWeek = simulation.view.organization.neighbors.length;
  }
  return info;
}

export function rep(index) {
  if (params.mode !== 'blocks') {
    collectGarbage();
    return runOnce(scenario, (params.seed + index) >>> 0);
  }
  const stop = Math.min(simulation.view.totalWeeks, simulation.view.week + params.blockWeeks);
  const from = simulation.view.week;
  const stepped = timed(() => {
    while (simulation.view.week < stop) simulation.step();
  });
  const out = { fromWeek: from, weeks: stop - from, wallMs: stepped.wallMs, cpuMs: stepped.cpuMs };
  if (simulation.done) {
    const finished = timed(() => simulation.view.result());
    out.resultMs = finished.wallMs;
    out.adopted = finished.value.summary.finalAdoption;
  }
  return out;
}
