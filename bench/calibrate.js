/**
 * Calibration speed (case e of `npm run bench`; bench/run.js imports calibrateCases()): two
 * parameters of foundation (isps.relationalSkill, context.urgency) calibrated to five waves of its
 * own simulated survey (truth 0.65 and 0.35), 500 particles × 10 generations on `--threads`
 * (default 2), through the CLI as a user runs it. Target (issue 16): under 2 minutes on 2 cores.
 * Prints wall time and simulations per second.
 *   node bench/calibrate.js [--threads 2] [--particles 500] [--generations 10]
 * Needs a build (`npx tsc -p .`): it runs dist/cli/main.js.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const root = resolve(dirname(THIS_FILE), '..');
const bin = join(root, 'dist/cli/main.js');
/** seconds: "finishes in under 2 minutes on 2 cores" */
const TARGET_SECONDS = 120;

/** One calibration; returns the rows bench/run.js prints (value, unit, target, pass). */
export async function calibrateCases({ threads = '2', particles = '500', generations = '10' } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'concentric-bench-calibrate-'));
  try {
    const data = join(dir, 'waves.csv');
    execFileSync(process.execPath, [bin, 'survey', 'foundation', '--waves', '--set', 'isps.relationalSkill=0.65', '--set', 'context.urgency=0.35', '--seed', '99', '--out', data], { stdio: ['ignore', 'ignore', 'ignore'] });
    const started = performance.now();
    execFileSync(
      process.execPath,
      [bin, 'calibrate', 'foundation', '--data', data, '--params', 'isps.relationalSkill,context.urgency', '--particles', particles, '--generations', generations, '--threads', threads, '--out', join(dir, 'cal'), '--quiet'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const seconds = (performance.now() - started) / 1000;
    const record = JSON.parse(readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8'));
    const label = `calibrate foundation: 2 parameters, 5 waves, ${particles} particles × ${record.generations.length} generations, ${threads} threads`;
    return [
      { name: `${label}: wall`, value: seconds, unit: 's', target: `< ${TARGET_SECONDS}`, pass: seconds < TARGET_SECONDS },
      { name: 'simulations used', value: record.simulationsUsed, unit: 'runs' },
      { name: 'simulations per second', value: record.simulationsUsed / record.wallSeconds, unit: 'runs/s' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === THIS_FILE) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : fallback;
  };
  const rows = await calibrateCases({ threads: arg('--threads', '2'), particles: arg('--particles', '500'), generations: arg('--generations', '10') });
  for (const row of rows) {
    const value = Number.isInteger(row.value) ? row.value : row.value.toFixed(1);
    const mark = row.pass === undefined ? '' : row.pass ? '  ✓' : '  ✗ MISS';
    console.log(`${row.name.padEnd(90)} ${String(value).padStart(8)} ${row.unit.padEnd(7)} ${row.target ?? ''}${mark}`);
  }
}
