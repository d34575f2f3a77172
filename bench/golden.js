/**
 * Golden outputs for performance work: `node bench/golden.js save DIR` writes the `--json`
 * RunResult of many (scenario, --set, seed) cases; `node bench/golden.js check DIR` recomputes
 * them with the current dist/ and reports any byte difference. Speedups must leave every case
 * byte-identical. Also drives the live stepper (setEngagementLength / setIspCount / setUrgency
 * mid-run, view.stageOf) so the teaching UI's path is covered, and spot-checks the CLI itself.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.GOLDEN_DIST ? resolve(process.env.GOLDEN_DIST) : join(root, 'dist');
const { loadScenario } = await import(join(dist, 'scenarios/index.js'));
const { simulate, createSimulation } = await import(join(dist, 'sim/index.js'));

const SEEDS = [1, 2, 3, 42, 12345, 4294967295];
const VARIANTS = [
  [],
  ['organization.network=full'],
  ['adoption.rule=threshold'],
  ['organization.staff=5000', 'organization.units=100'],
  ['organization.staff=5000'],
  ['organization.network=erdos-renyi'],
  ['organization.network=lattice'],
  ['organization.network=small-world'],
  ['adoption.thresholds=false', 'adoption.readinessGate=false', 'adoption.knowledgeGate=false', 'adoption.constantDose=true'],
  [
    'organization.network=full', 'organization.staff=2000', 'adoption.thresholds=false', 'adoption.readinessGate=false',
    'adoption.knowledgeGate=false', 'adoption.constantDose=true', 'adoption.initiative=0', 'turnover.annualRate=0',
  ],
  ['adoption.seeds=5', 'engagement.lengthMonths=6'],
  ['engagement.lengthMonths=24', 'months=120'],
  ['isps.count=0'],
  ['isps.count=20', 'engagement.coachingEveryWeeks=1', 'engagement.initialUnits=6'],
  ['turnover.annualRate=0.9', 'context.urgency=1'],
  ['organization.staff=3', 'organization.units=1'],
  ['adoption.pathway=false'],
  ['adoption.pathway=false', 'organization.network=erdos-renyi', 'adoption.seeds=5', 'adoption.readinessGate=false', 'adoption.thresholds=false'],
];
const CLI_SPOTS = [[1, []], [7, ['organization.network=full']], [3, ['adoption.rule=threshold']]];

function runCase(seed, overrides) {
  const { scenario } = loadScenario('foundation', { overrides });
  return JSON.stringify(simulate(scenario, seed)) + '\n';
}

/** The teaching UI's path: step, change parameters live, read the view each week. */
function liveCase(seed) {
  const { scenario } = loadScenario('foundation', {});
  const sim = createSimulation(scenario, seed);
  const stages = [];
  while (!sim.done) {
    sim.step();
    const v = sim.view;
    if (v.week === 20) sim.setEngagementLength(6);
    if (v.week === 40) sim.setIspCount(2);
    if (v.week === 60) sim.setUrgency(0.9);
    if (v.week === 90) sim.setIspCount(8);
    let row = `${v.week} ${v.month} ${v.credibility} ${v.activeEngagements.length} ${v.waitlist.length} ${v.events.length}:`;
    for (let i = 0; i < v.staff.size; i++) row += v.stageOf(i);
    stages.push(row);
  }
  return JSON.stringify(sim.view.result()) + '\n' + stages.join('\n') + '\n';
}

function cases() {
  const out = [];
  for (const overrides of VARIANTS) for (const seed of SEEDS) out.push({ name: `seed=${seed} ${overrides.join(' ')}`, run: () => runCase(seed, overrides) });
  for (const seed of [1, 9]) out.push({ name: `live seed=${seed}`, run: () => liveCase(seed) });
  return out;
}

const sha = (text) => createHash('sha256').update(text).digest('hex');
const [mode, dirArg] = process.argv.slice(2);
if (!['save', 'check'].includes(mode) || !dirArg) {
  console.error('usage: node bench/golden.js save|check DIR');
  process.exit(2);
}
const dir = resolve(dirArg);
mkdirSync(dir, { recursive: true });
const indexPath = join(dir, 'index.json');
const index = mode === 'check' ? JSON.parse(readFileSync(indexPath, 'utf8')) : {};
let failures = 0;
const started = performance.now();
for (const c of cases()) {
  const text = c.run();
  const digest = sha(text);
  if (mode === 'save') {
    index[c.name] = digest;
    writeFileSync(join(dir, `${digest}.json`), text);
  } else if (index[c.name] !== digest) {
    failures++;
    console.log(`DIFF ${c.name}`);
    writeFileSync(join(dir, `now-${digest}.json`), text);
  }
}
const main = join(dist, 'cli/main.js');
for (const [seed, overrides] of CLI_SPOTS) {
  const args = [main, 'run', 'foundation', '--seed', String(seed), '--json', ...overrides.flatMap((o) => ['--set', o])];
  const text = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const key = `cli seed=${seed} ${overrides.join(' ')}`;
  if (mode === 'save') index[key] = sha(text);
  else if (index[key] !== sha(text)) {
    failures++;
    console.log(`DIFF ${key}`);
  }
  if (existsSync(main) && sha(text) !== sha(runCase(seed, overrides))) {
    failures++;
    console.log(`CLI differs from in-process simulate: ${key}`);
  }
}
if (mode === 'save') writeFileSync(indexPath, JSON.stringify(index, null, 1) + '\n');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${mode}: ${Object.keys(index).length} cases, ${failures} differing (${seconds} s)`);
process.exit(failures > 0 ? 1 : 0);
