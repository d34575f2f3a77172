/**
 * Probe (not part of `npm run bench`): two builds of the engine side by side in one process — the
 * before/after comparisons in docs/PERFORMANCE.md. Batches of runs alternate between the builds and
 * are timed by process CPU time, so the host's load affects both alike.
 *
 *   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci && npx tsc -p .)
 *   node bench/probes/compare-builds.js /tmp/before/dist dist [scenario] [field=value,...]
 *   node bench/probes/compare-builds.js /tmp/before/dist dist --staff 100000   # a scaled run, 3 each
 *   node bench/probes/compare-builds.js /tmp/before/dist dist --staff 1000000  # wall clock, 1 each
 * Prints, per build, the fastest, 25th-percentile and median batch (ms per run) or agent-steps/s.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [before, after, ...rest] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node bench/probes/compare-builds.js BEFORE_DIST AFTER_DIST [scenario] [a=b,c=d] | --staff N');
  process.exit(2);
}
const load = async (dir) => {
  const url = (file) => pathToFileURL(resolve(dir, file)).href;
  return { ...(await import(url('scenarios/index.js'))), ...(await import(url('sim/index.js'))) };
};
const builds = [await load(before), await load(after)];
const cpuMs = (since) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];

if (rest[0] === '--staff') {
  const { scaledFoundation } = await import('../cases/full.js');
  const staff = Number(rest[1]);
  const { overrides } = scaledFoundation(staff);
  const repeats = staff >= 1_000_000 ? 1 : 3;
  for (let round = 0; round < 2; round++) {
    builds.forEach((build, b) => {
      const scenario = build.loadScenario('foundation', { overrides }).scenario;
      const rates = [];
      for (let r = 0; r < repeats; r++) {
        const simulation = build.createSimulation(scenario, 1 + r);
        const start = process.cpuUsage();
        while (!simulation.done) simulation.step();
        rates.push((staff * simulation.view.totalWeeks) / cpuMs(start) / 1000);
      }
      console.log(`${b === 0 ? 'before' : 'after '} ${rates.map((x) => x.toFixed(2)).join(' ')} M agent-steps/s (CPU)`);
    });
  }
} else {
  const [name = 'foundation', sets = ''] = rest;
  const overrides = sets.split(',').filter(Boolean);
  const scenarios = builds.map((build) => build.loadScenario(name, { overrides }).scenario);
  const batches = [[], []];
  for (let round = 0; round < 30; round++) {
    builds.forEach((build, b) => {
      const start = process.cpuUsage();
      for (let i = 0; i < 50; i++) build.simulate(scenarios[b], round * 50 + i);
      if (round >= 5) batches[b].push(cpuMs(start) / 50); // the first rounds warm up
    });
  }
  batches.forEach((ms, b) => {
    const row = [0, 0.25, 0.5].map((q) => quantile(ms, q).toFixed(3));
    console.log(`${b === 0 ? 'before' : 'after '} fastest ${row[0]}  p25 ${row[1]}  median ${row[2]} ms per run`);
  });
}
