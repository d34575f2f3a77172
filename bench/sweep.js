/**
 * Sweep benchmarks (case d of `npm run bench`; bench/run.js imports sweepCases()):
 *   - throughput of the foundation scenario with 1 and 2 threads — steady state: timed from the
 *     moment 25 % of the runs are done to the end, so pool start-up and JIT warm-up are left out
 *     of both sides alike; targets ≥ 1.85× and ≥ 500 runs/s per core; CPU time per run alongside
 *     (equal at 1 and 2 threads ⇒ no parallel overhead: a low speed-up then means busy cores);
 *   - peak RSS of a 2,000-run and a 20,000-run sweep (foundation, 12 months, 2 threads) — the
 *     sweep streams runs to disk, so memory must not grow with the run count: target ≤ 1.5×.
 * Each measurement runs in its own Node process (this file with --child), so peak RSS
 * (process.resourceUsage().maxRSS, worker threads included) belongs to that sweep alone.
 * Needs a build (`npx tsc -p .`): it drives dist/sweep.
 *
 *   node bench/sweep.js            # prints the rows as a table
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
/** share of the runs done before the steady-state window opens */
const STEADY_FROM = 0.25;

/** One sweep in this process; returns what the parent needs. */
async function child(params) {
  const { compareSweep, createManifest, runSweep } = await import('../dist/sweep/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'concentric-bench-sweep-'));
  try {
    const overrides = params.months ? [`months=${params.months}`] : [];
    const lengths = [6, 9, 12, 18, 24];
    const replicates = Math.ceil(params.runs / lengths.length);
    const { spec, scenario } = compareSweep({ scenario: 'foundation', overrides, lengths, replicates, seed: 1 });
    const manifest = createManifest(spec, scenario, null);
    let steadyFrom;
    const started = performance.now();
    const outcome = await runSweep({
      dir,
      manifest,
      threads: params.threads,
      onProgress: ({ done, total }) => {
        // Each worker warms up on its own (its first ~200 runs are 1.3–2.3× slower: V8 tiering), so
        // the window opens once every thread has done a few hundred runs, not at 10 % as before.
        if (steadyFrom === undefined && done >= total * STEADY_FROM) steadyFrom = { time: performance.now(), done, cpu: process.cpuUsage() };
      },
    });
    const ended = performance.now();
    const cpu = process.cpuUsage(steadyFrom.cpu);
    const steadyRuns = outcome.total - steadyFrom.done;
    return {
      runs: outcome.total,
      failed: outcome.failed,
      seconds: (ended - started) / 1000,
      runsPerSecond: steadyRuns / ((ended - steadyFrom.time) / 1000),
      // CPU time of all threads per run: equal at 1 and 2 threads means no parallel overhead,
      // whatever else the machine is doing (wall-clock ratios need idle cores).
      cpuMsPerRun: (cpu.user + cpu.system) / 1000 / steadyRuns,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(params) {
  const output = execFileSync(process.execPath, [THIS_FILE, '--child', JSON.stringify(params)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop());
}

/**
 * The sweep rows for bench/run.js: { name, value, unit, target, pass }.
 * `throughputRuns` per thread count (default 2,000: ≈ 4 s at 500 runs/s); `rssRuns` the two sweep sizes.
 */
export async function sweepCases({ throughputRuns = 2000, rssRuns = [2000, 20000], rssMonths = 12 } = {}) {
  const one = measure({ runs: throughputRuns, threads: 1 });
  const two = measure({ runs: throughputRuns, threads: 2 });
  const speedup = two.runsPerSecond / one.runsPerSecond;
  const [small, large] = rssRuns.map((runs) => measure({ runs, threads: 2, months: rssMonths }));
  const rssRatio = large.peakRssMB / small.peakRssMB;
  const n = (value) => value.toLocaleString('en');
  return [
    { name: `sweep throughput, 1 thread (foundation, ${n(one.runs)} runs)`, value: one.runsPerSecond, unit: 'runs/s', target: '≥ 500', pass: one.runsPerSecond >= 500 },
    {
      name: `sweep throughput, 2 threads (foundation, ${n(two.runs)} runs)`,
      value: two.runsPerSecond,
      unit: 'runs/s',
      target: '≥ 1000 (500 per core)',
      pass: two.runsPerSecond >= 1000,
    },
    { name: 'sweep speed-up, 2 threads vs 1', value: speedup, unit: '×', target: '≥ 1.85', pass: speedup >= 1.85 },
    { name: 'CPU per run (all threads), 1 thread', value: one.cpuMsPerRun, unit: 'ms' },
    { name: 'CPU per run (all threads), 2 threads', value: two.cpuMsPerRun, unit: 'ms' },
    { name: `peak RSS, ${n(small.runs)}-run sweep (${rssMonths} months, 2 threads)`, value: small.peakRssMB, unit: 'MB' },
    { name: `peak RSS, ${n(large.runs)}-run sweep (${rssMonths} months, 2 threads)`, value: large.peakRssMB, unit: 'MB' },
    { name: `peak RSS ratio, ${n(large.runs)} vs ${n(small.runs)} runs`, value: rssRatio, unit: '×', target: '≤ 1.5', pass: rssRatio <= 1.5 },
  ];
}

if (process.argv[1] === THIS_FILE) {
  if (process.argv[2] === '--child') {
    process.stdout.write(JSON.stringify(await child(JSON.parse(process.argv[3]))) + '\n');
  } else {
    const rows = await sweepCases();
    for (const row of rows) {
      const value = Number.isInteger(row.value) ? row.value : row.value.toFixed(2);
      const mark = row.pass === undefined ? '' : row.pass ? '  ✓' : '  ✗ MISS';
      console.log(`${row.name.padEnd(58)} ${String(value).padStart(10)} ${row.unit.padEnd(7)} ${row.target ?? ''}${mark}`);
    }
  }
}
