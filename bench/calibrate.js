/**
 * Calibration speed (not a test): two parameters of foundation (isps.relationalSkill,
 * context.urgency) calibrated to five waves of its own simulated survey, 500 particles, on
 * `--threads` (default 2). Prints wall time and simulations per second.
 *   node bench/calibrate.js [--threads 2] [--particles 500] [--generations 10]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'dist/cli/main.js');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const threads = arg('--threads', '2');
const particles = arg('--particles', '500');
const generations = arg('--generations', '10');
const dir = mkdtempSync(join(tmpdir(), 'concentric-bench-calibrate-'));
const data = join(dir, 'waves.csv');
execFileSync(process.execPath, [bin, 'survey', 'foundation', '--waves', '--set', 'isps.relationalSkill=0.65', '--set', 'context.urgency=0.35', '--seed', '99', '--out', data], { stdio: ['ignore', 'ignore', 'ignore'] });
const started = performance.now();
execFileSync(
  process.execPath,
  [bin, 'calibrate', 'foundation', '--data', data, '--params', 'isps.relationalSkill,context.urgency', '--particles', particles, '--generations', generations, '--threads', threads, '--out', join(dir, 'cal'), '--quiet'],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
const seconds = (performance.now() - started) / 1000;
const record = JSON.parse(readFileSync(join(dir, 'cal', 'calibration.json'), 'utf8'));
console.log(
  `calibrate foundation: 2 parameters, 5 waves, ${particles} particles, ${record.generations.length} generations, ${threads} threads: ` +
    `${seconds.toFixed(1)} s wall, ${record.simulationsUsed} simulations (+ predictive), ${(record.simulationsUsed / record.wallSeconds).toFixed(0)} simulations/s`,
);
