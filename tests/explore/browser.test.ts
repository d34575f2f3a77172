/**
 * explore.html in a real browser (Debian's Chromium through playwright-core), opened from disk:
 * a run is byte-identical to `concentric run --json`; after changing ISPs and lengths the page's
 * runs, verdict and numbers equal what the CLI's `compare` and the report's analysis give for the
 * same seeds; the `#` link round-trips (and an old engine's link says so); a keyboard-only path
 * works with visible focus; no console error, no network request. Screenshots for docs/EXPLORE.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse, loadResults } from '../../src/report/index.js';
import { ENGINE_VERSION } from '../../src/sim/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const CLI = resolve('dist/cli/main.js');
// Screenshots go to a scratch folder, so `npm test` never rewrites tracked files; refresh the
// ones docs/EXPLORE.md shows with EXPLORE_SCREENSHOTS=docs/explore npx vitest run tests/explore.
const SHOTS = resolve(process.env.EXPLORE_SCREENSHOTS ?? mkdtempSync(join(tmpdir(), 'concentric-explore-shots-')));
const RUNS = 16;
if (!available) process.stderr.write(`\nexplore browser test: no Chromium at ${CHROMIUM}${inCi ? '' : ' (skipped locally; CI fails here)'}\n`);

interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
}

describe.skipIf(!available && !inCi)('explore.html in headless Chromium', () => {
  let browser: Browser | undefined;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    if (!available) throw new Error(`no Chromium at ${CHROMIUM}`);
    dir = mkdtempSync(join(tmpdir(), 'concentric-explore-'));
    execFileSync(process.execPath, [CLI, 'explore', '--out', join(dir, 'explore.html'), '--runs', String(RUNS)], { stdio: 'pipe' });
    url = pathToFileURL(join(dir, 'explore.html')).href;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(hash = '', viewport = { width: 1280, height: 800 }): Promise<Watched> {
    const page = await browser!.newPage({ viewport });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(entry.text());
    });
    // Only the page itself (file:) and its own worker (blob:) may load; anything else is a request out.
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith('file:') && !target.startsWith('blob:') && !target.startsWith('data:')) requests.push(target);
    });
    await page.goto(url + hash);
    await page.waitForSelector('body[data-state="done"]', { timeout: 30_000 });
    return { page, errors, requests };
  }

  async function setField(page: Page, id: string, value: string): Promise<void> {
    await page.fill(`#${id}`, value);
    await page.press(`#${id}`, 'Tab');
  }

  it('is one file of at most 3 MB, and a run in the page is byte-identical to `concentric run --json`', async () => {
    expect(statSync(join(dir, 'explore.html')).size).toBeLessThanOrEqual(3 * 1024 * 1024);
    const { page, errors, requests } = await open();
    const json = await page.evaluate(() => (globalThis as any).concentricExplore.runJson('foundation', 7, ['engagement.lengthMonths=18', 'isps.count=3']));
    const cli = execFileSync(process.execPath, [CLI, 'run', 'foundation', '--seed', '7', '--set', 'engagement.lengthMonths=18', '--set', 'isps.count=3', '--json']).toString();
    expect(json + '\n').toBe(cli);
    await page.screenshot({ path: join(SHOTS, 'explore-1280x800.png') });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it("after changing ISPs and lengths, the runs, verdict and numbers are the CLI's compare and report for the same seeds", async () => {
    const { page, errors, requests } = await open();
    for (const policy of ['a', 'b']) await setField(page, `policy-${policy}-isps-count`, '3');
    await setField(page, 'policy-a-engagement-lengthMonths', '12');
    await setField(page, 'policy-b-engagement-lengthMonths', '6');
    await page.waitForFunction(() => {
      const s = (globalThis as any).concentricExplore.state();
      return s.b['engagement.lengthMonths'] === 6 && document.body.dataset.state === 'done';
    });
    const shown = await page.evaluate(() => ({ comparison: (globalThis as any).concentricExplore.comparison(), summaries: (globalThis as any).concentricExplore.summaries(), verdict: document.getElementById('verdict')!.textContent }));

    const out = join(dir, 'compare');
    execFileSync(process.execPath, [CLI, 'compare', 'foundation', '--lengths', '6,12', '--reps', String(RUNS), '--seed', '1', '--set', 'isps.count=3', '--no-robustness', '--no-report', '--out', out], { stdio: 'pipe' });
    const results = await loadResults(out);
    // The page's runs are the CLI's runs: every summary byte for byte (B = 6 months, A = 12).
    for (const run of results.runs) {
      const list = run.params['engagement.lengthMonths'] === 6 ? shown.summaries.b : shown.summaries.a;
      expect(list[run.replicate]).toBe(JSON.stringify(run.summary));
    }
    const reported = analyse(results).comparisons.find((c) => c.outcome === 'finalAdoption' && c.length === 6 && c.reference === 12)!;
    expect(shown.comparison.words).toBe(reported.words);
    expect(shown.comparison.estimate).toBe(reported.estimate);
    expect(shown.comparison.ci95).toEqual(reported.ci95);
    expect(shown.verdict).toContain(reported.words);
    expect(shown.verdict).toMatch(/In plain words: .*(staff|cannot tell|not compared)/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    // The link round-trips: a new page from it shows the same settings and the same answer.
    const hash = await page.evaluate(() => location.hash);
    const again = await open(hash);
    expect(await again.page.inputValue('#policy-b-engagement-lengthMonths')).toBe('6');
    expect(await again.page.inputValue('#policy-a-isps-count')).toBe('3');
    expect(await again.page.textContent('#verdict')).toBe(shown.verdict);
    expect(await again.page.textContent('#link-note')).toContain('the same numbers');
    await again.page.close();
    // A link made by another engine says the numbers will differ.
    const old = await open(hash.replace(/engine%22%3A\d+/, `engine%22%3A${ENGINE_VERSION - 1}`));
    expect(await old.page.textContent('#link-note')).toContain(`made with engine ${ENGINE_VERSION - 1}`);
    await old.page.close();
    await page.close();
  }, 90_000);

  it('a keyboard-only path: Tab to policy B\'s ISPs, type, and the question restarts; focus is visible', async () => {
    const { page, errors } = await open('', { width: 768, height: 1024 });
    await page.screenshot({ path: join(SHOTS, 'explore-768x1024.png') });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'policy-b-isps-count');
    }
    expect(reached).toBe(true);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => (globalThis as any).concentricExplore.state().b['isps.count'] === 7 && document.body.dataset.state === 'done');
    // A value out of range gets the CLI's message and changes nothing.
    await page.focus('#policy-b-isps-count');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('-1');
    await page.keyboard.press('Tab');
    expect(await page.textContent('#input-error')).toMatch(/^ISPs: isps\.count: expected a whole number between 0 and 1000000 \(ISPs\), got -1$/);
    expect(await page.evaluate(() => (globalThis as any).concentricExplore.state().b['isps.count'])).toBe(7);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

mkdirSync(SHOTS, { recursive: true });
