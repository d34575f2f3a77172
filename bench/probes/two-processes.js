/**
 * Probe (not part of `npm run bench`): how much two independent processes on this machine slow
 * each other down — the ceiling for any 2-thread speed-up, whatever the sweep code does. Runs the
 * foundation scenario one run after another in one process alone, then in two processes at once,
 * alternating for a few rounds; prints runs/s and CPU ms per run of each, and the speed-up two
 * processes give over one (2.0 = no contention). Backs docs/PERFORMANCE.md's account of case (d).
 *
 *   node bench/probes/two-processes.js [rounds]      (needs a build; default 3 rounds)
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  const { loadScenario } = await import('../../dist/scenarios/index.js');
  const { simulate } = await import('../../dist/sim/index.js');
  const { scenario } = loadScenario('foundation');
  for (let i = 0; i < 300; i++) simulate(scenario, i); // warm-up
  const runs = 1500;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i++) simulate(scenario, 1000 + i);
  const used = process.cpuUsage(cpu);
  console.log(JSON.stringify({ runsPerSecond: runs / ((performance.now() - start) / 1000), cpuMs: (used.user + used.system) / 1000 / runs }));
} else {
  const child = () =>
    new Promise((resolve, reject) =>
      execFile(process.execPath, [THIS_FILE, '--child'], (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout.trim())))),
    );
  const rounds = Number(process.argv[2] ?? 3);
  const show = (label, r) => `${label} ${r.runsPerSecond.toFixed(0)} runs/s, ${r.cpuMs.toFixed(2)} ms CPU a run`;
  for (let round = 0; round < rounds; round++) {
    const alone = await child();
    const [a, b] = await Promise.all([child(), child()]);
    const speedUp = (a.runsPerSecond + b.runsPerSecond) / alone.runsPerSecond;
    console.log(`${show('alone', alone)} | two at once: ${show('', a)};${show('', b)} | speed-up ${speedUp.toFixed(2)}×`);
  }
}
