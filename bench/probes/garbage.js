/**
 * Probe (not part of `npm run bench`): what a foundation run leaves for the garbage collector,
 * and where it was allocated — V8's sampling heap profiler with collected objects included, over
 * 500 runs after 300 to warm up. Backs docs/PERFORMANCE.md's garbage-per-run figures.
 *
 *   node bench/probes/garbage.js [top]      (needs a build; prints the top allocation sites)
 */
import { Session } from 'node:inspector/promises';
import { loadScenario } from '../../dist/scenarios/index.js';
import { simulate } from '../../dist/sim/index.js';

const { scenario } = loadScenario('foundation');
for (let i = 0; i < 300; i++) simulate(scenario, i);
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 1024,
  includeObjectsCollectedByMinorGC: true,
  includeObjectsCollectedByMajorGC: true,
});
const runs = 500;
for (let i = 0; i < runs; i++) simulate(scenario, 1000 + i);
const { profile } = await session.post('HeapProfiler.stopSampling');
const bySite = new Map();
let total = 0;
const walk = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  const site = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
  bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
  total += node.selfSize;
  node.children.forEach(walk);
};
walk(profile.head);
console.log(`allocated per foundation run: ~${(total / runs / 1024).toFixed(0)} KB (sampled every 1 KB)`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[2] ?? 10))) {
  console.log(`${(bytes / runs / 1024).toFixed(1).padStart(7)} KB  ${site}`);
}
