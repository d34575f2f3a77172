/**
 * Probe (not part of `npm run bench`): what a foundation run spends before its first week — the
 * seven random streams, the whole createSimulation — next to a whole run. Backs the setup figures
 * in docs/PERFORMANCE.md.
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
