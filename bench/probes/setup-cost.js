/**
 * Probe (not part of `npm run bench`): what a foundation run spends before its first week — the
 * seven random streams, the whole createSimulation — next to a whole run; and a whole run on
 * reused memory (simulate(), sim/arena.ts) against the same run on fresh arrays, interleaved in
 * batches and timed by CPU. Backs the setup figures in docs/PERFORMANCE.md.
 *
 *   node bench/probes/setup-cost.js        (needs a build)
 */
import { loadScenario } from '../../dist/scenarios/index.js';
import { createSimulation, createStreams, simulate } from '../../dist/sim/index.js';

const { scenario } = loadScenario('foundation');
function perCall(label, count, call) {
  for (let i = 0; i < Math.min(count, 1000); i++) call(i); // warm up
  const start = performance.now();
  for (let i = 0; i < count; i++) call(i);
  console.log(`${label.padEnd(18)} ${(((performance.now() - start) / count) * 1000).toFixed(1)} µs`);
}
perCall('createStreams', 10_000, (i) => createStreams(i));
perCall('createSimulation', 2_000, (i) => createSimulation(scenario, i));
perCall('simulate', 1_000, (i) => simulate(scenario, i));

/** The same run as simulate(), on fresh arrays. */
function onFreshArrays(s, seed) {
  const simulation = createSimulation(s, seed);
  while (!simulation.done) simulation.step();
  return simulation.view.result();
}
const batches = { 'reused memory': [], 'fresh arrays': [] };
for (let round = 0; round < 40; round++) {
  for (const [label, run] of [['reused memory', simulate], ['fresh arrays', onFreshArrays]]) {
    const cpu = process.cpuUsage();
    for (let i = 0; i < 50; i++) run(scenario, round * 50 + i);
    const used = process.cpuUsage(cpu);
    if (round >= 5) batches[label].push((used.user + used.system) / 1000 / 50);
  }
}
for (const [label, ms] of Object.entries(batches)) {
  ms.sort((a, b) => a - b);
  console.log(`whole run, ${label.padEnd(13)} fastest ${ms[0].toFixed(3)}  p25 ${ms[8].toFixed(3)}  median ${ms[17].toFixed(3)} ms CPU (batches of 50)`);
}
