/**
 * Explorer benchmark (bench/run.js imports exploreCases()): explore.html in headless Chromium
 * (Debian's /usr/bin/chromium through playwright-core), the foundation scenario.
 *   - size of explore.html (target ≤ 3 MB);
 *   - the first paired result after a change (policy B's ISPs), from the change to the first pair
 *     of runs back from the workers (target < 1 s);
 *   - foundation runs per second on 2 workers (navigator.hardwareConcurrency pinned to 2 so the
 *     pool has 2), over 300 paired runs (target ≥ 300 runs/s).
 * Needs a build (`npx tsc -p .`): it runs dist/cli/main.js explore.
 *
 *   node bench/explore.js        # prints the rows
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadScenario } from '../dist/scenarios/index.js';
import { hashSeed, simulate } from '../dist/sim/index.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

export async function exploreCases() {
  const dir = mkdtempSync(join(tmpdir(), 'concentric-bench-explore-'));
  const file = join(dir, 'explore.html');
  execFileSync(process.execPath, [CLI, 'explore', '--out', file, '--runs', '300'], { stdio: 'pipe' });
  const megabytes = statSync(file).size / 1024 / 1024;
  const rows = [{ name: 'explore.html size', value: megabytes, unit: 'MB', target: '≤ 3', pass: megabytes <= 3 }];
  if (!existsSync(CHROMIUM)) {
    rows.push({ name: `Chromium (${CHROMIUM})`, value: 'absent', unit: '', target: null });
    return rows;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 2 }));
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
    const workers = await page.evaluate(() => globalThis.concentricExplore.workers());
    const runsPerSecond = await page.evaluate(() => globalThis.concentricExplore.runsPerSecond());
    const browserRunMs = await page.evaluate(() => globalThis.concentricExplore.medianRunMs());
    // The same runs in Node, in this process, right after: on a busy machine the ratio still holds.
    const scenario = loadScenario('foundation', { overrides: ['engagement.lengthMonths=6'] }).scenario;
    for (let i = 0; i < 20; i++) simulate(scenario, hashSeed(1, i));
    const nodeMs = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      simulate(scenario, hashSeed(1, i));
      nodeMs.push(performance.now() - t0);
    }
    nodeMs.sort((a, b) => a - b);
    // A change: the page cancels, restarts and reports its first pair; the median of 5 changes.
    const firsts = [];
    for (const isps of [6, 7, 8, 9, 10]) {
      await page.fill('#policy-b-isps-count', String(isps));
      await page.press('#policy-b-isps-count', 'Tab');
      await page.waitForFunction(() => globalThis.concentricExplore.firstPairMs() !== null, null, { timeout: 30_000 });
      firsts.push(await page.evaluate(() => globalThis.concentricExplore.firstPairMs()));
      await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
    }
    firsts.sort((a, b) => a - b);
    const firstMs = firsts[2];
    rows.push({ name: `foundation runs/s in the browser (${workers} workers, 600 runs)`, value: runsPerSecond, unit: 'runs/s', target: '≥ 300', pass: runsPerSecond >= 300 });
    rows.push({ name: 'median run inside a worker', value: browserRunMs, unit: 'ms', target: null });
    rows.push({ name: 'median run in Node (same scenario, this process)', value: nodeMs[50], unit: 'ms', target: null });
    rows.push({ name: 'worker time ÷ Node time per run', value: browserRunMs / nodeMs[50], unit: '×', target: null });
    rows.push({ name: 'first paired result after a change (median of 5)', value: firstMs, unit: 'ms', target: '< 1000', pass: firstMs < 1000 });
  } finally {
    await browser.close();
  }
  return rows;
}

if (process.argv[1] === THIS_FILE) {
  for (const row of await exploreCases()) console.log(`${row.name}: ${typeof row.value === 'number' ? row.value.toFixed(2) : row.value} ${row.unit} (target ${row.target ?? '—'}${row.pass === undefined ? '' : row.pass ? ', pass' : ', MISS'})`);
}
