/**
 * buildReport end to end on small results directories: the files it writes, provenance in each of
 * them, PNGs with real text, sweep charts, clean Vega-Lite compiles, and writes that never leave a
 * half-built report behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportResult } from '../../src/report/index.js';
import { pngText, toPixels } from '../../src/report/render.js';
import { writeReportFiles } from '../../src/report/write.js';
import { temporaryDir, writeResults } from './fixtures.js';

const RESAMPLES = 500;
let root: string;
let results: string;
let report: ReportResult;

beforeAll(async () => {
  root = temporaryDir();
  results = join(root, 'results');
  writeResults(results, { lengths: [6, 12, 18], replicates: 4 });
  report = await buildReport(results, { out: join(root, 'site'), png: true, resamples: RESAMPLES, now: new Date('2025-02-03T04:05:06Z') });
});

describe('a compare report', () => {
  it('writes index.html, summary.md, report.json and an SVG, PNG and Vega-Lite spec per chart', () => {
    const out = join(root, 'site');
    expect(report.dir).toBe(out);
    expect(readdirSync(out).sort()).toEqual(['charts', 'index.html', 'report.json', 'summary.md']);
    expect(report.charts).toEqual(['forest', 'adoption-curves', 'distributions', 'pathway', 'rings', 'isp-demand']);
    const files = readdirSync(join(out, 'charts'));
    for (const id of report.charts) for (const ext of ['svg', 'png', 'vl.json']) expect(files).toContain(`${id}.${ext}`);
    expect(report.warnings).toEqual([]);
  });

  it('puts the verdict first and carries provenance in every file', () => {
    const out = join(root, 'site');
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html.indexOf('id="verdict"')).toBeLessThan(html.indexOf('class="chart"'));
    expect(html).toContain(report.headline.replace(/&/g, '&amp;'));
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain(`**Verdict.** ${report.headline}`);
    expect(summary).toMatch(/\*\*Study pattern 2\.\*\* Pattern 2 /);
    for (const text of [html, summary]) {
      expect(text).toContain('Concentric 0.1.0');
      expect(text).toContain('common random numbers, master seed 2024');
      expect(text).toContain('2025-02-03T04:05:06.000Z');
      expect(text).toContain('"withinTeamTie"'); // the resolved scenario
    }
    const svg = readFileSync(join(out, 'charts', 'forest.svg'), 'utf8');
    const metadata = JSON.parse(/<metadata><!\[CDATA\[(.*?)\]\]><\/metadata>/s.exec(svg)![1]);
    expect(metadata).toMatchObject({ version: '0.1.0', scenarioName: 'foundation', seeds: 'common', masterSeed: 2024, replicates: 4 });
    expect(metadata.scenario.organization.staff).toBe(200);
    expect(svg).toContain('Concentric 0.1.0 · foundation · 3 lengths × 4 replicates');
    const png = readFileSync(join(out, 'charts', 'forest.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse(pngText(png).Description)).toMatchObject({ version: '0.1.0', sweepHash: report.model.provenance.sweepHash });
    const spec = JSON.parse(readFileSync(join(out, 'charts', 'forest.vl.json'), 'utf8'));
    expect(spec.usermeta.provenance.scenario.name).toBe('foundation');
    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(json.headline.sentence).toBe(report.headline);
    expect(json.comparisons).toHaveLength(12);
  });

  it('inlines vega, vega-lite and vega-embed with no external URL to load and no editor links', () => {
    const html = readFileSync(join(root, 'site', 'index.html'), 'utf8');
    expect(html).toContain('vegaEmbed(');
    expect(html).toContain('actions: false');
    const page = html.replace(/<script[\s\S]*?<\/script>/g, ''); // the markup and style around the inlined code
    expect(/<script[^>]+src=/.test(html)).toBe(false);
    expect(/<link[^>]+href=/.test(page)).toBe(false);
    expect(/(?:src|href)="?(?:https?:)?\/\//.test(page)).toBe(false);
    expect(/url\((?!data:)/.test(page)).toBe(false);
  });

  it('draws text in PNGs with the shipped font', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-family="sans-serif" font-size="20">Adoption ±5 pp</text></svg>';
    const { pixels } = toPixels(svg);
    let ink = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) ink++;
    expect(ink).toBeGreaterThan(200);
  });
});

describe('a sweep report', () => {
  it('adds outcome-by-factor charts and a heatmap over two factors, averaging comparisons over the other factor', async () => {
    const dir = join(root, 'sweep');
    writeResults(dir, { kind: 'sweep', lengths: [6, 12], factors: { 'isps.count': [3, 5] }, replicates: 2 });
    const sweep = await buildReport(dir, { resamples: RESAMPLES });
    expect(sweep.charts).toEqual(
      expect.arrayContaining(['factor-engagement-lengthMonths', 'factor-isps-count', 'heatmap-engagement-lengthMonths-x-isps-count']),
    );
    expect(sweep.warnings).toEqual([]);
    const c = sweep.model.comparisons.find((x) => x.outcome === 'finalAdoption')!;
    expect(c.paired).toBe(true);
    expect(c.n).toBe(4); // 2 ISP counts × 2 replicates, each paired with its own 12-month run
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('crossed with isps.count');
    expect(existsSync(join(dir, 'runs.jsonl'))).toBe(true); // the results stay beside the report
  });
});

describe('writing', () => {
  it('replaces an existing report file by file and leaves no staging directory', async () => {
    const out = join(root, 'site');
    await buildReport(results, { out, resamples: RESAMPLES });
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(out, 'charts')).some((name) => name.endsWith('.png'))).toBe(false); // old PNGs went with the old charts/
  });

  it('keeps the old report whole when writing the new one fails', () => {
    const out = join(root, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old report');
    const files = new Map<string, string>([
      ['charts/a.svg', '<svg/>'],
      ['index.html', 'new report'],
      ['index.html/impossible', 'a file inside a file'],
    ]);
    expect(() => writeReportFiles(out, files)).toThrow();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old report');
    expect(readdirSync(out)).toEqual(['index.html']);
  });
});
