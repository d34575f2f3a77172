/**
 * Bench (not a test, not part of `npm run bench`): loading a large organization from files.
 * Generates people.csv (100,000 people in 1,000 units) and ties.csv (1,000,000 ties, 80 % inside
 * the unit) in a temporary folder, then loads the scenario in a fresh process and prints the
 * wall time of loadScenario and the process's peak RSS. The target (issue 17): under 5 s and
 * under 500 MB. `--found-units` leaves out the unit column so Louvain finds them (slower).
 * `--run` also times one 12-month run on it.
 *
 *   node bench/org-files.js [--people 100000] [--ties 1000000] [--found-units] [--run]   (needs a build)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

if (args[0] === '--child') {
  const [, dir, run] = args;
  const { ensureOrganization, loadScenario, setOrganizationNotes } = await import('../dist/scenarios/index.js');
  setOrganizationNotes((line) => process.stderr.write(`note: ${line}\n`));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const { scenario } = loadScenario(join(dir, 'org.yaml'));
  const loadMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const loadCpuMs = (cpu.user + cpu.system) / 1000;
  const loadRss = process.resourceUsage().maxRSS / 1024;
  let runMs = null;
  if (run === 'run') {
    const { simulate } = await import('../dist/sim/index.js');
    const t = performance.now();
    simulate(scenario, 1, { organization: ensureOrganization(scenario) });
    runMs = performance.now() - t;
  }
  process.stdout.write(JSON.stringify({ staff: scenario.organization.staff, units: scenario.organization.units, loadMs, loadCpuMs, loadPeakRssMB: loadRss, runMs, peakRssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const people = option('--people', 100_000);
const ties = option('--ties', 1_000_000);
const foundUnits = args.includes('--found-units');
const units = Math.max(1, Math.round(people / 100));
const dir = mkdtempSync(join(tmpdir(), 'concentric-org-bench-'));
try {
  // A fixed generator (sfc32-like LCG is enough here): the same files every time.
  let state = 12345;
  const next = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296);
  const unitOf = (i) => Math.floor((i * units) / people);
  const rows = [foundUnits ? 'id' : 'id,unit'];
  for (let i = 0; i < people; i++) rows.push(foundUnits ? `p${i}` : `p${i},u${unitOf(i)}`);
  writeFileSync(join(dir, 'people.csv'), rows.join('\n') + '\n');
  const lines = ['from,to'];
  const size = people / units;
  for (let e = 0; e < ties; e++) {
    const a = Math.floor(next() * people);
    const inside = next() < 0.8;
    const b = inside ? Math.min(people - 1, Math.floor(unitOf(a) * size + next() * size)) : Math.floor(next() * people);
    lines.push(`p${a},p${b}`);
  }
  writeFileSync(join(dir, 'ties.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'org.yaml'), 'extends: foundation\norganization: { network: file, people: people.csv, ties: ties.csv }\nisps: { count: 20 }\nmonths: 12\n');
  const mb = (file) => (statSync(join(dir, file)).size / 1e6).toFixed(1);
  console.log(`${people} people (${foundUnits ? 'units found by Louvain' : `${units} units given`}), ${ties} tie rows; people.csv ${mb('people.csv')} MB, ties.csv ${mb('ties.csv')} MB`);
  const load = (await import('node:os')).loadavg()[0];
  console.log(`load average before loading: ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dir, args.includes('--run') ? 'run' : ''], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const result = JSON.parse(out);
  console.log(
    `load: ${(result.loadMs / 1000).toFixed(2)} s wall, ${(result.loadCpuMs / 1000).toFixed(2)} s CPU, peak RSS ${result.loadPeakRssMB.toFixed(0)} MB (${result.staff} staff, ${result.units} units)` +
      (result.runMs === null ? '' : `; one 12-month run: ${(result.runMs / 1000).toFixed(2)} s, peak RSS ${result.peakRssMB.toFixed(0)} MB`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
