/**
 * `npm run bench`: Concentric's throughput and memory, side by side with peer frameworks and a
 * plain baseline in the same invocation (so ratios hold on a noisy machine).
 *
 *   (a) reduced model — Bass on an Erdős–Rényi network (N = 100,000, mean degree 10, 100 ticks,
 *       every agent scans its neighbours every tick) in Concentric's engine, a plain
 *       struct-of-arrays reference, bitecs and Flocc (Flocc for 5 ticks; compared per neighbour visit)
 *   (b) the full model at N = 10k, 100k and 1M staff for 156 weeks (1M: one run in 26-week blocks)
 *   (c) the foundation scenario: runs/s on one core and the median simulate() time
 *   (d) sweep throughput, 1 vs 2 threads (bench/sweep.js) and the TUI (bench/tui.js), when present
 *   (e) calibration: 2 parameters of foundation, 500 particles × 10 generations (bench/calibrate.js)
 *   (f) the explorer in Chromium: explore.html's size, the first paired result after a change,
 *       foundation runs/s on 2 workers (bench/explore.js)
 *
 * Every case runs in its own Node process (peak RSS is per case), is warmed up, then timed as the
 * median of ≥ 5 repetitions (wall clock; CPU time alongside). The reduced-model implementations
 * run their repetitions interleaved, round-robin. Prints tables and every target with a pass/miss
 * mark; writes bench/results.json (machine, Node version, date).
 *
 *   node bench/run.js [--only a,b,c,d,e,f] [--reps N] [--out FILE]
 * A run with --only or fewer than 5 repetitions writes only to --out, never to results.json.
 * Needs a build (`npx tsc -p .`): it imports the engine from dist/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CaseProcess } from './lib/case-process.js';
import { median } from './lib/measure.js';
import { count, mb, ms, perSecond, ratio, table } from './lib/table.js';

const here = (path) => new URL(path, import.meta.url);
const started = performance.now();

// ── options ──────────────────────────────────────────────────────────────────────────
const argv = process.argv.slice(2);
const option = (name) => {
  const k = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (k < 0) return undefined;
  return argv[k].includes('=') ? argv[k].slice(name.length + 1) : argv[k + 1];
};
const ALL_CASES = ['a', 'b', 'c', 'd', 'e', 'f'];
const only = option('--only')?.split(',') ?? ALL_CASES;
const REPS = Number(option('--reps') ?? 5);
const outFile = option('--out');
const official = ALL_CASES.every((c) => only.includes(c)) && REPS >= 5;
if (!existsSync(fileURLToPath(here('../dist/sim/index.js')))) {
  console.error('bench: dist/ not found — build first (npx tsc -p .)');
  process.exit(2);
}

// ── what we report ───────────────────────────────────────────────────────────────────
const cases = [];
const targets = [];
const notes = [];

function target(id, what, value, shown, goal, pass) {
  targets.push({ id, what, value, shown, target: goal, pass });
}

const mark = (pass) => (pass === null || pass === undefined ? '  —' : pass ? '✓ pass' : '✗ MISS');

function section(title) {
  console.log(`\n${title}`);
}

// ── the plain reference, in every run ────────────────────────────────────────────────
// Every case keeps its ratio to the plain struct-of-arrays Bass (case (a)'s reference, measured
// in the same invocation): agent-steps/s over the reference's. The host's speed moves by 30–50 %
// from run to run; a ratio moves much less. Without case (a), the reference runs alone first.
let plainResult = null;

async function plainReference() {
  if (plainResult) return plainResult;
  const spec = REDUCED.find((r) => r.impl === 'plain');
  const proc = new CaseProcess(spec.label);
  const info = await proc.setup(here('./cases/reduced.js').href, { ...spec, seed: 7 });
  await proc.rep(-1);
  const reps = [];
  for (let r = 0; r < REPS; r++) reps.push(await proc.rep(r));
  await proc.finish();
  const wall = median(reps.map((x) => x.wallMs));
  plainResult = { impl: 'plain', agentStepsPerSecond: (spec.n * spec.ticks) / (wall / 1000), visitsPerSecond: (info.visitsPerTick * spec.ticks) / (wall / 1000) };
  console.log(`  plain reference (run alone for the ratios): ${perSecond(plainResult.agentStepsPerSecond)} agent-steps/s`);
  return plainResult;
}

// ── (a) reduced model ────────────────────────────────────────────────────────────────
const REDUCED = [
  { impl: 'concentric', label: 'Concentric engine', n: 100_000, ticks: 100, options: { pathway: false } },
  { impl: 'concentric', label: 'Concentric, pathway on', n: 100_000, ticks: 100, options: { pathway: true } },
  { impl: 'plain', label: 'plain struct-of-arrays', n: 100_000, ticks: 100 },
  { impl: 'bitecs', label: 'bitecs 0.4', n: 100_000, ticks: 100 },
  { impl: 'flocc', label: 'Flocc 0.7', n: 100_000, ticks: 5 },
];

async function reducedModel() {
  section('(a) Reduced model: Bass on an Erdős–Rényi network, mean degree 10; every agent scans its neighbours every tick');
  const moduleUrl = here('./cases/reduced.js').href;
  const runs = [];
  for (const spec of REDUCED) {
    const proc = new CaseProcess(spec.label);
    const info = await proc.setup(moduleUrl, { ...spec, seed: 7 });
    await proc.rep(-1); // warm-up
    runs.push({ spec, proc, info, reps: [] });
  }
  for (let r = 0; r < REPS; r++) for (const run of runs) run.reps.push(await run.proc.rep(r));
  const rows = [];
  for (const run of runs) {
    const { spec, info, reps } = run;
    const wall = median(reps.map((x) => x.wallMs));
    const cpu = median(reps.map((x) => x.cpuMs));
    const { peakRssMB } = await run.proc.finish();
    const visits = info.visitsPerTick * spec.ticks;
    const result = {
      case: 'a',
      impl: spec.impl,
      label: spec.label,
      n: spec.n,
      ticks: spec.ticks,
      setupMs: info.setupMs,
      medianMs: wall,
      medianCpuMs: cpu,
      repsMs: reps.map((x) => x.wallMs),
      agentStepsPerSecond: (spec.n * spec.ticks) / (wall / 1000),
      visitsPerSecond: visits / (wall / 1000),
      neighbourVisits: visits,
      peakRssMB,
      finalAdoption: reps[reps.length - 1].adopted,
    };
    cases.push(result);
    run.result = result;
    rows.push([
      spec.label,
      count(spec.n),
      spec.ticks,
      ms(wall),
      ms(cpu),
      perSecond(result.agentStepsPerSecond),
      perSecond(result.visitsPerSecond),
      mb(peakRssMB),
      result.finalAdoption.toFixed(3),
    ]);
  }
  console.log(table(['implementation', 'N', 'ticks', 'median', 'cpu', 'agent-steps', 'neighbour visits', 'peak RSS', 'adopted'], rows));
  notes.push(
    'Flocc runs 5 ticks, not 100 (100 would take about a minute per repetition); it is compared per neighbour visit.',
    'All use the same sfc32 random stream layout; "adopted" is the share adopted after the last tick (a check that they compute the same model).',
    '"Concentric engine" runs classic-bass with adoption.pathway=false (the reduced model); "pathway on" also updates trust, affect, A/P/F and knowledge every week, which cannot change who adopts here.',
  );
  console.log(`  ${notes.at(-3)}\n  ${notes.at(-2)}\n  ${notes.at(-1)}`);
  const [engine, engineWithPathway, plain, bitecs, flocc] = runs.map((run) => run.result);
  plainResult = plain;
  for (const run of runs) run.result.ratioToPlain = run.result.agentStepsPerSecond / plain.agentStepsPerSecond;
  const vs = (other) => engine.visitsPerSecond / other.visitsPerSecond;
  target('a.plain', '(a) Concentric engine vs plain reference (neighbour visits/s)', vs(plain), ratio(vs(plain)), '≥ 0.9×', vs(plain) >= 0.9);
  target('a.bitecs', '(a) Concentric engine vs bitecs', vs(bitecs), ratio(vs(bitecs)), '≥ 1×', vs(bitecs) >= 1);
  target('a.flocc', '(a) Concentric engine vs Flocc (per neighbour visit)', vs(flocc), ratio(vs(flocc)), '≥ 50×', vs(flocc) >= 50);
  const withPathway = engineWithPathway.visitsPerSecond / plain.visitsPerSecond;
  target('a.pathway', '(a) Concentric with the pathway on vs plain reference', withPathway, ratio(withPathway), '(no target)', null);
}

// ── (b) full model ───────────────────────────────────────────────────────────────────
const WEEKS = 156;
const FULL = [
  { n: 10_000, warmN: 10_000, mode: 'runs' },
  { n: 100_000, warmN: 10_000, mode: 'runs' },
  // Five whole runs of a million staff would take most of the bench's three minutes: one run,
  // timed in six blocks of 26 weeks (the repetitions). No separate warm-up run: one at a smaller
  // N made the 1M run 20–70 % slower (V8 keeps code optimized for the smaller organization); the
  // JIT settles within the run's first weeks, and the median of the blocks leaves those out.
  { n: 1_000_000, warmN: 0, mode: 'blocks', blockWeeks: 26 },
];

async function fullRuns(proc, spec, info) {
  const reps = [];
  for (let r = 0; r < REPS; r++) reps.push(await proc.rep(r));
  const wall = median(reps.map((x) => x.wallMs));
  return {
    repetitions: `${REPS} runs`,
    setupMs: median(reps.map((x) => x.setupMs)),
    medianMs: wall,
    medianCpuMs: median(reps.map((x) => x.cpuMs)),
    resultMs: median(reps.map((x) => x.resultMs)),
    repsMs: reps.map((x) => x.wallMs),
    agentStepsPerSecond: (spec.n * WEEKS) / (wall / 1000),
    visitsPerSecond: (median(reps.map((x) => x.visitsPerWeek)) * WEEKS) / (wall / 1000),
    finalAdoption: median(reps.map((x) => x.adopted)),
    warmUp: `one run at N = ${count(info.warmN)}`,
  };
}

async function fullBlocks(proc, spec, info) {
  const blocks = [];
  while (blocks.reduce((weeks, b) => weeks + b.weeks, 0) < WEEKS) blocks.push(await proc.rep(blocks.length));
  const rates = blocks.map((b) => (spec.n * b.weeks) / (b.wallMs / 1000));
  const rate = median(rates);
  const totalMs = blocks.reduce((sum, b) => sum + b.wallMs, 0);
  const totalCpuMs = blocks.reduce((sum, b) => sum + b.cpuMs, 0);
  return {
    repetitions: `${blocks.length} blocks of ${spec.blockWeeks} weeks of one run`,
    setupMs: info.setupMs,
    // 156 weeks at the median block's pace; the whole run's own time is kept alongside.
    medianMs: (spec.n * WEEKS) / rate * 1000,
    medianCpuMs: totalCpuMs,
    wholeRunMs: totalMs,
    wholeRunAgentStepsPerSecond: (spec.n * WEEKS) / (totalMs / 1000),
    resultMs: blocks.at(-1).resultMs,
    repsMs: blocks.map((b) => b.wallMs),
    agentStepsPerSecond: rate,
    visitsPerSecond: (rate / spec.n) * info.visitsPerWeek,
    finalAdoption: blocks.at(-1).adopted,
    warmUp: 'the run\'s own first weeks (median of blocks)',
  };
}

async function fullModel() {
  section('(b) Full model: the foundation scenario scaled to N staff (units, ISPs, first-engaged units in proportion), 156 weeks');
  const moduleUrl = here('./cases/full.js').href;
  const rows = [];
  let overrides;
  for (const spec of FULL) {
    const proc = new CaseProcess(`full N=${spec.n}`);
    const info = await proc.setup(moduleUrl, { ...spec, seed: 11 });
    overrides = info.overrides;
    const measured = spec.mode === 'blocks' ? await fullBlocks(proc, spec, info) : await fullRuns(proc, spec, info);
    const { peakRssMB } = await proc.finish();
    const result = { case: 'b', n: spec.n, weeks: WEEKS, overrides: info.overrides, ...measured, peakRssMB };
    result.ratioToPlain = result.agentStepsPerSecond / (await plainReference()).agentStepsPerSecond;
    cases.push(result);
    rows.push([
      count(spec.n),
      result.repetitions,
      ms(result.setupMs),
      ms(result.medianMs),
      ms(result.medianCpuMs),
      ms(result.resultMs),
      perSecond(result.agentStepsPerSecond),
      perSecond(result.visitsPerSecond),
      mb(peakRssMB),
      result.finalAdoption.toFixed(3),
      ratio(result.ratioToPlain),
    ]);
    if (spec.n === 1_000_000) {
      target('b.steps', '(b) agent-steps/s at N = 1M (156 weeks)', result.agentStepsPerSecond, perSecond(result.agentStepsPerSecond), '≥ 20 M/s', result.agentStepsPerSecond >= 20e6);
      target('b.rss', '(b) peak RSS at N = 1M', peakRssMB, mb(peakRssMB), '≤ 400 MB', peakRssMB <= 400);
    }
  }
  console.log(table(['N', 'repetitions', 'setup', '156 weeks', 'cpu', 'result', 'agent-steps', 'neighbour visits', 'peak RSS', 'adopted', 'agent-steps vs plain'], rows));
  await memoryProbe(cases.find((c) => c.case === 'b' && c.n === 1_000_000));
  const note =
    `Scaling: --set ${overrides.join(' ')} (for N = 1M). "setup" = createSimulation (network, population); ` +
    `agent-steps/s over the weekly steps (N = 1M: the median of its blocks; "cpu" there is the whole run's); ` +
    `"result" = series and summary; peak RSS of the whole process (Node itself ≈ 45 MB).`;
  notes.push(note);
  console.log(`  ${note}`);
}

// ── (b) the machine's memory limit, beside the 1M run ────────────────────────────────
async function memoryProbe(million) {
  const proc = new CaseProcess('memory probe');
  const info = await proc.setup(here('./cases/memory.js').href, { n: 1_000_000 });
  const reps = [];
  for (let r = 0; r < REPS; r++) reps.push(await proc.rep(r));
  const { peakRssMB } = await proc.finish();
  const probe = {
    case: 'b',
    probe: 'memory',
    sequentialGBps: median(reps.map((x) => x.sequentialGBps)),
    gatherVisitsPerSecond: median(reps.map((x) => x.gatherVisitsPerSecond)),
    latencyNs: median(reps.map((x) => x.latencyNs)),
    ties: info.ties,
    peakRssMB,
  };
  // The engine's whole week at 1M against one bare pass over the same ties: how many such passes'
  // worth of time the week takes (1 would be a week as fast as the visits alone).
  if (million) probe.engineWeeksPerGatherLimit = probe.gatherVisitsPerSecond / million.visitsPerSecond;
  cases.push(probe);
  console.log(
    table(
      ['memory probe', 'sequential read', 'bare gather over the 1M ties', 'dependent random read', '1M week vs bare gather'],
      [['median of ' + REPS, `${probe.sequentialGBps.toFixed(1)} GB/s`, `${perSecond(probe.gatherVisitsPerSecond)} visits/s`, `${probe.latencyNs.toFixed(0)} ns`, million ? `${probe.engineWeeksPerGatherLimit.toFixed(2)}× its time` : '—']],
    ),
  );
  const note =
    'Memory probe (bench/cases/memory.js): a 128 MB sequential sum; every tie of the 1M organization visited once in a bare loop ' +
    '(Float32 colleague values, as the engine\'s word-of-mouth push reads them); a dependent chain of random reads over 64 MB. ' +
    '"1M week vs bare gather": the engine\'s 1M week, in neighbour visits/s, against that bare pass — the floor the week\'s random visits have on this machine.';
  notes.push(note);
  console.log(`  ${note}`);
}

// ── (c) foundation ───────────────────────────────────────────────────────────────────
async function foundation() {
  section('(c) Foundation scenario: 200 staff, 36 months (156 weeks), simulate() one run after another on one thread');
  const proc = new CaseProcess('foundation');
  const runsPerRep = 200;
  await proc.setup(here('./cases/foundation.js').href, { warmRuns: 300, runs: runsPerRep });
  const reps = [];
  for (let r = 0; r < REPS; r++) reps.push(await proc.rep(r));
  const { peakRssMB } = await proc.finish();
  const runsPerSecond = median(reps.map((x) => runsPerRep / (x.wallMs / 1000)));
  const runsPerCpuSecond = median(reps.map((x) => runsPerRep / (x.cpuMs / 1000)));
  const perRun = reps.flatMap((x) => x.runMs);
  const medianRun = median(perRun);
  const sorted = [...perRun].sort((a, b) => a - b);
  const p10 = sorted[Math.floor(sorted.length * 0.1)];
  const p90 = sorted[Math.floor(sorted.length * 0.9)];
  // Agent-steps/s of the median run (200 staff × 156 weeks) over the plain reference's.
  const ratioToPlain = (200 * 156) / (medianRun / 1000) / (await plainReference()).agentStepsPerSecond;
  cases.push({ case: 'c', runsPerRep, reps: REPS, runsPerSecond, runsPerCpuSecond, medianRunMs: medianRun, p10RunMs: p10, p90RunMs: p90, peakRssMB, ratioToPlain });
  console.log(
    table(
      ['runs', 'runs/s', 'runs per CPU-second', 'median simulate()', 'p10', 'p90', 'peak RSS', 'agent-steps vs plain'],
      [[`${REPS} × ${runsPerRep}`, runsPerSecond.toFixed(0), runsPerCpuSecond.toFixed(0), ms(medianRun), ms(p10), ms(p90), mb(peakRssMB), ratio(ratioToPlain)]],
    ),
  );
  target('c.runs', '(c) foundation runs/s on one core', runsPerSecond, runsPerSecond.toFixed(0), '≥ 500', runsPerSecond >= 500);
  target('c.ms', '(c) median simulate() time, foundation, 36 months', medianRun, ms(medianRun), '≤ 2 ms', medianRun <= 2);
}

// ── (d) sweep and TUI, from their owners' modules ────────────────────────────────────
async function contributed(file, exportName, title) {
  section(title);
  const path = fileURLToPath(here(file));
  if (!existsSync(path)) {
    console.log(`  skipped: bench/${file.replace('./', '')} is not there yet`);
    notes.push(`${title}: skipped (bench/${file.replace('./', '')} absent)`);
    return;
  }
  const mod = await import(pathToFileURL(path).href);
  if (typeof mod[exportName] !== 'function') {
    console.log(`  skipped: bench/${file.replace('./', '')} does not export ${exportName}()`);
    return;
  }
  const t0 = performance.now();
  const rows = await mod[exportName]();
  const seconds = (performance.now() - t0) / 1000;
  const shown = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? count(v) : v.toFixed(Math.abs(v) >= 100 ? 0 : 2)) : String(v ?? '—'));
  console.log(table(['case', 'value', 'unit', 'target'], rows.map((row) => [row.name, shown(row.value), row.unit ?? '', row.target ?? '—'])));
  console.log(`  (${seconds.toFixed(1)} s)`);
  for (const row of rows) {
    cases.push({ case: file.includes('sweep') ? 'd' : file.includes('calibrate') ? 'e' : file.includes('explore') ? 'f' : 'tui', ...row });
    if (row.target !== undefined && row.target !== null) target(`${file}:${row.name}`, row.name, row.value, `${shown(row.value)} ${row.unit ?? ''}`.trim(), String(row.target), row.pass ?? null);
  }
}

// ── run ──────────────────────────────────────────────────────────────────────────────
function gitCommit() {
  try {
    const root = fileURLToPath(here('..'));
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism?.() ?? os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
};
console.log(`Concentric bench — ${new Date().toISOString()}`);
console.log(`Node ${process.version} (V8 ${process.versions.v8}) · ${machine.cpu} · ${machine.cores} cores · ${machine.memoryGB} GB · load average ${machine.loadAverageAtStart.join(' ')}`);
console.log(`Each case: warm-up, then the median of ${REPS} repetitions (wall clock; process CPU time alongside). Commit ${gitCommit()}.`);
if (machine.loadAverageAtStart[0] > machine.cores * 0.75) {
  console.log(`Note: the machine is busy (load ${machine.loadAverageAtStart[0]} on ${machine.cores} cores): wall-clock numbers are inflated; compare ratios.`);
}

try {
  if (only.includes('a')) await reducedModel();
  if (only.includes('b')) await fullModel();
  if (only.includes('c')) await foundation();
  if (only.includes('d')) {
    await contributed('./sweep.js', 'sweepCases', '(d) Sweep throughput, 1 vs 2 threads (bench/sweep.js)');
    await contributed('./tui.js', 'tuiCases', 'Teaching UI (bench/tui.js)');
  }
  if (only.includes('e')) await contributed('./calibrate.js', 'calibrateCases', '(e) Calibration: 2 parameters of foundation, 500 particles × 10 generations (bench/calibrate.js)');
  if (only.includes('f')) await contributed('./explore.js', 'exploreCases', '(f) The explorer in Chromium (bench/explore.js)');
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
}

const seconds = (performance.now() - started) / 1000;
section('Targets');
console.log(table(['target', 'value', 'goal', ''], targets.map((t) => [t.what, t.shown, t.target, mark(t.pass)])));
const missed = targets.filter((t) => t.pass === false).length;
console.log(`\n${targets.length - missed} of ${targets.length} targets met · bench took ${seconds.toFixed(0)} s (budget 240 s) · load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

const report = {
  tool: 'concentric bench',
  date: new Date().toISOString(),
  node: process.version,
  v8: process.versions.v8,
  machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
  commit: gitCommit(),
  repetitions: REPS,
  sections: only,
  seconds: Number(seconds.toFixed(1)),
  cases,
  targets,
  notes,
};
const destination = outFile ?? (official ? fileURLToPath(here('./results.json')) : undefined);
if (destination) {
  writeFileSync(destination, JSON.stringify(report, null, 2) + '\n');
  console.log(`wrote ${destination}`);
} else {
  console.log('partial run (--only or --reps < 5): results.json left as it was (use --out FILE to keep these numbers)');
}
