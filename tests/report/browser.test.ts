/**
 * index.html in a real browser: headless Chromium (Debian's `chromium`, driven by playwright-core)
 * opens the report from file://, every chart draws marks, nothing fails, and no request leaves the
 * page. Without Chromium the test says so plainly; in CI (CI=true) that is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportResult } from '../../src/report/index.js';
import { message } from '../../src/report/messages.js';
import { temporaryDir, writeResults } from './fixtures.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false';
if (!available) process.stderr.write(`\n${message.chromiumMissing(CHROMIUM)}${inCi ? '' : ' (skipped locally; CI fails here)'}\n`);

describe.skipIf(!available && !inCi)('index.html in headless Chromium', () => {
  let browser: Browser | undefined;
  let report: ReportResult;

  beforeAll(async () => {
    if (!available) throw new Error(message.chromiumMissing(CHROMIUM));
    const dir = temporaryDir();
    writeResults(join(dir, 'results'), { kind: 'sweep', lengths: [6, 12, 18], factors: { 'isps.count': [4, 5] }, replicates: 2 });
    report = await buildReport(join(dir, 'results'), { out: join(dir, 'site'), resamples: 300 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ], // playwright gives each launch a fresh, temporary profile (--user-data-dir)
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart with marks and makes no network request', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const index = pathToFileURL(report.index).href;
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (url !== index && !url.startsWith('data:')) requests.push(url);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (entry) => {
      if (entry.type() === 'error') errors.push(entry.text());
    });
    // Anything but the page itself is refused, so a stray request could not even succeed.
    await context.route('**/*', (route) => (route.request().url() === index ? route.continue() : route.abort()));

    await page.goto(index);
    await page.waitForSelector('body[data-charts]', { timeout: 30_000 });
    expect(await page.getAttribute('body', 'data-charts')).toBe('rendered');

    const charts = await page.$$eval('.chart', (elements) =>
      elements.map((element) => ({
        id: element.getAttribute('data-chart'),
        rendered: element.getAttribute('data-rendered'),
        // items drawn inside Vega's mark groups (paths, lines, rects, text)
        marks: element.querySelectorAll('svg g.role-mark > *').length,
        width: element.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      })),
    );
    expect(charts.map((chart) => chart.id)).toEqual(report.charts);
    expect(report.charts).toEqual(expect.arrayContaining(['forest', 'adoption-curves', 'distributions', 'pathway', 'rings', 'isp-demand']));
    expect(report.charts.some((id) => id.startsWith('heatmap-'))).toBe(true);
    for (const chart of charts) {
      expect(chart.rendered, chart.id ?? '').toBe('true');
      expect(chart.marks, chart.id ?? '').toBeGreaterThan(0);
      expect(chart.width, chart.id ?? '').toBeGreaterThan(100);
    }
    expect(await page.locator('.vega-actions').count()).toBe(0); // no editor links
    expect(await page.textContent('#verdict .headline')).toBe(report.headline);
    expect(JSON.parse(readFileSync(join(report.dir, 'report.json'), 'utf8')).charts).toHaveLength(charts.length);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });
});
