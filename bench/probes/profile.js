/**
 * Probe (not part of `npm run bench`): where a run's time goes — V8's sampling CPU profiler over
 * foundation runs (after 300 to warm up), or over weeks of one scaled run; self time by function.
 * Backs docs/PERFORMANCE.md's "Where the time goes". Functions V8 inlined are counted in their
 * caller (e.g. colleaguesOnNetwork inside the run's `colleagues`).
 *
 *   node bench/probes/profile.js [runs]              (default 2,000 foundation runs)
 *   node bench/probes/profile.js --staff N [weeks]   (one run scaled as bench case (b); default 104 weeks)
 */
import { Session } from 'node:inspector/promises';
import { loadScenario } from '../../dist/scenarios/index.js';
import { createSimulation, simulate } from '../../dist/sim/index.js';

const args = process.argv.slice(2);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
let work;
if (args[0] === '--staff') {
  const { scaledFoundation } = await import('../cases/full.js');
  const staff = Number(args[1]);
  const weeks = Number(args[2] ?? 104);
  const simulation = createSimulation(scaledFoundation(staff).scenario, 1);
  work = () => {
    for (let week = 0; week < weeks && !simulation.done; week++) simulation.step();
  };
  console.log(`one run of ${staff.toLocaleString('en')} staff, ${weeks} weeks (setup not included)`);
} else {
  const runs = Number(args[0] ?? 2000);
  const { scenario } = loadScenario('foundation');
  for (let i = 0; i < 300; i++) simulate(scenario, i);
  work = () => {
    for (let i = 0; i < runs; i++) simulate(scenario, 1000 + i);
  };
  console.log(`${runs.toLocaleString('en')} foundation runs`);
}
await session.post('Profiler.start');
work();
const { profile } = await session.post('Profiler.stop');
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, k) => {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const name = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  const dt = profile.timeDeltas[k];
  self.set(name, (self.get(name) ?? 0) + dt);
  total += dt;
});
for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`);
}
