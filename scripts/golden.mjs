/**
 * Golden outputs, the engine's fingerprint (cases: tests/golden/cases.mjs), run on dist/:
 *
 *   node scripts/golden.mjs save DIR     before a performance change: every case's output to DIR
 *   node scripts/golden.mjs check DIR    after it: any byte difference? (exit 1 if so)
 *   node scripts/golden.mjs update       rewrite tests/golden/baseline.json (the pinned hashes
 *                                        `npm test` checks, each with its key outcomes) — only
 *                                        in a commit that changes results on purpose and says why
 *
 * A differing case is named with the key outcomes that moved and by how much, and (check) the
 * first field of the output that differs (tests/golden/outcomes.mjs).
 *
 * check also runs `concentric run --json` for a few cases and requires the CLI to print exactly
 * what simulate() returns.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_SPOTS, caseName, goldenCases } from '../tests/golden/cases.mjs';
import { describeMoves, firstDifferenceOfTexts, keyOutcomes } from '../tests/golden/outcomes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.GOLDEN_DIST ? resolve(process.env.GOLDEN_DIST) : join(root, 'dist');
const { ensureOrganization, loadScenario } = await import(join(dist, 'scenarios/index.js'));
const engine = await import(join(dist, 'sim/index.js'));
const cases = goldenCases({ loadScenario, simulate: engine.simulate, createSimulation: engine.createSimulation, ensureOrganization });
const sha = (text) => createHash('sha256').update(text).digest('hex');

const [mode, dirArg] = process.argv.slice(2);
if (!(['save', 'check'].includes(mode) && dirArg) && mode !== 'update') {
  console.error('usage: node scripts/golden.mjs save DIR | check DIR | update');
  process.exit(2);
}

const started = performance.now();
if (mode === 'update') {
  // One line per case: the hash, then the outcomes it stands for (read by golden.test.ts).
  const lines = [];
  for (const c of cases) {
    if (!c.pinned) continue;
    const text = c.run();
    lines.push(` ${JSON.stringify(c.name)}: ${JSON.stringify({ sha256: sha(text), ...keyOutcomes(text) })}`);
  }
  writeFileSync(join(root, 'tests/golden/baseline.json'), `{\n${lines.join(',\n')}\n}\n`);
  console.log(`update: ${lines.length} pinned hashes and their key outcomes written to tests/golden/baseline.json`);
  process.exit(0);
}

const dir = resolve(dirArg);
mkdirSync(dir, { recursive: true });
const indexPath = join(dir, 'index.json');
const index = mode === 'check' ? JSON.parse(readFileSync(indexPath, 'utf8')) : {};
let failures = 0;
let missing = 0;
for (const c of cases) {
  const text = c.run();
  const digest = sha(text);
  if (mode === 'save') {
    index[c.name] = digest;
    writeFileSync(join(dir, `${digest}.json`), text);
  } else if (!(c.name in index)) {
    missing++;
    console.log(`NEW  ${c.name} (not in ${indexPath})`);
  } else if (index[c.name] !== digest) {
    failures++;
    const before = readFileSync(join(dir, `${index[c.name]}.json`), 'utf8');
    console.log(`DIFF ${c.name}: ${describeMoves(keyOutcomes(before), keyOutcomes(text))}; first difference at ${firstDifferenceOfTexts(before, text)}`);
    writeFileSync(join(dir, `now-${digest}.json`), text);
  }
}
const main = join(dist, 'cli/main.js');
const inProcess = (seed, overrides) => JSON.stringify(engine.simulate(loadScenario('foundation', { overrides }).scenario, seed)) + '\n';
for (const [seed, overrides] of CLI_SPOTS) {
  const args = [main, 'run', 'foundation', '--seed', String(seed), '--json', ...overrides.flatMap((o) => ['--set', o])];
  const text = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const key = `cli ${caseName(seed, overrides)}`;
  if (mode === 'save') index[key] = sha(text);
  else if (index[key] !== sha(text)) {
    failures++;
    console.log(`DIFF ${key}`);
  }
  if (sha(text) !== sha(inProcess(seed, overrides))) {
    failures++;
    console.log(`CLI differs from in-process simulate: ${key}`);
  }
}
if (mode === 'save') writeFileSync(indexPath, JSON.stringify(index, null, 1) + '\n');
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`${mode}: ${Object.keys(index).length} cases, ${failures} differing${missing ? `, ${missing} not in the saved set` : ''} (${seconds} s)`);
process.exit(failures > 0 ? 1 : 0);
