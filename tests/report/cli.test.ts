/**
 * The report from the command line: `npm start`'s path (compare on foundation with the default
 * lengths, fewer replicates to keep the suite quick) ends with the report and answers the study's
 * pattern 2; `concentric report` reads any results directory and rejects bad input in one line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { concentric } from '../cli/cli.js';
import { temporaryDir, writeResults } from './fixtures.js';

/**
 * The default compare (foundation; lengths 6, 9, 12, 18, 24; master seed 1) with 100 instead of 200
 * replicates: under common random numbers these are exactly the first 100 replicates of `npm start`.
 * Deterministic — the same answer every run for a given model. The "Does it hold?" grid runs with 3
 * replicates per condition instead of 40 (the panel's presence is tested, not its numbers).
 */
const REPS = '100';
const ROBUSTNESS_REPS = '3';

describe('the default compare report (npm start)', () => {
  let dir: string;
  let stdout: string;

  beforeAll(() => {
    dir = join(temporaryDir(), 'report');
    const out = concentric(['compare', '--reps', REPS, '--robustness-reps', ROBUSTNESS_REPS, '--out', dir, '--quiet']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    stdout = out.stdout;
  });

  it('ends by printing where the report is and the headline verdict', () => {
    const lines = stdout.trimEnd().split('\n');
    expect(lines.at(-3)).toBe(`report: ${join(dir, 'index.html')}`);
    expect(lines.at(-2)).toMatch(/^verdict: (Engagement length made no material difference|Engagement length matters|Whether engagement length matters)/);
    expect(lines.at(-1)).toMatch(/^Pattern 2 /);
    for (const file of ['index.html', 'summary.md', 'report.json', 'charts/forest.svg', 'manifest.json', 'runs.jsonl']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
  });

  it('has the "Does it hold?" panel: the comparison across ISP headcount, units and horizon, in the page, summary.md and report.json', () => {
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    const conditions = [...new Set(report.robustness.map((r: { factor: string; value: number }) => `${r.factor}=${r.value}`))];
    expect(conditions).toEqual(['isps.count=2', 'isps.count=5', 'isps.count=10', 'isps.count=20', 'months=36', 'months=60', 'organization.units=6', 'organization.units=12', 'organization.units=24']);
    expect(report.robustness).toHaveLength(conditions.length * 4); // 6, 9, 18 and 24 months against 12
    for (const row of report.robustness) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['factor', 'value', 'length', 'reference', 'difference', 'ciLow', 'ciHigh', 'verdict']));
      expect(row.reference).toBe(12);
    }
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).toContain('<section id="robustness"><h2>Does it hold?</h2>');
    expect(html).toContain('<td>20 ISPs</td>');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## Does it hold?');
    // the headline says where the verdict holds, and names the design it answers
    expect(report.headline.sentence).toMatch(/(Does it hold\? In none of the 9 conditions|It does not hold everywhere: final adoption differs from 12 months by more than ±5 pp for )/);
    expect(report.headline.design).toMatch(/the policy question\. The study compared recipients inside one organization/);
  });

  it("answers the study's pattern 2 for foundation, and summary.md states it", () => {
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.headline.pattern2.status).not.toBe('not-assessed');
    expect(summary).toContain(`**Study pattern 2.** ${report.headline.pattern2.sentence}`);
    // The study found no difference between limited and high engagements; the default model reproduces it.
    expect(report.headline.pattern2.status, report.headline.pattern2.sentence).toBe('holds');
    expect(summary).toMatch(/Pattern 2 holds: final adoption does not differ materially between limited \(≤ 12 months\) and high \(> 12 months\) engagements — 18 vs 12 and 24 vs 12 months: equivalent within ±5 pp/);
    expect(summary).toContain(`${REPS} replicates per length`);
  });
});

describe('concentric report', () => {
  let results: string;
  beforeAll(() => {
    results = join(temporaryDir(), 'results');
    writeResults(results, { lengths: [6, 12], replicates: 3 });
  });

  it('builds a report elsewhere with --out, --png, --margin and --reference', () => {
    const out = join(results, '..', 'site');
    const run = concentric(['report', results, '--out', out, '--png', '--margin', '3', '--reference', '6']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^verdict: /m);
    expect(existsSync(join(out, 'charts', 'forest.png'))).toBe(true);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('Difference vs 6 months (95 % CI)');
    expect(summary).toContain('±3 pp');
  });

  it('rejects bad input with one line and exit code 2', () => {
    const missing = concentric(['report', join(results, 'nowhere')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^concentric: .*nowhere: not a results directory/);
    const reference = concentric(['report', results, '--reference', '24']);
    expect(reference.status).toBe(2);
    expect(reference.stderr).toBe('concentric: --reference: expected one of the engagement lengths in the results (6, 12), got 24\n');
    const margin = concentric(['report', results, '--margin', '0']);
    expect(margin.status).toBe(2);
    expect(margin.stderr).toMatch(/^concentric: --margin: expected a number between/);
  });

  it('has --help with an example', () => {
    const help = concentric(['report', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('concentric report report');
    expect(help.stdout).toContain('--reference <months>');
  });
});
