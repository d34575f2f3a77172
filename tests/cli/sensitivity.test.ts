import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-cli-sensitivity-'));
const SMALL = ['--factors', 'adoption.initiative,context.urgency,trust.trustingAt', '--n', '2', '--reps', '2', '--set', 'months=12', '--threads', '1', '--resamples', '100'];

describe('concentric sensitivity', () => {
  it('runs a Morris screening through the sweep runner: plain-words tables, charts, summary.md, sensitivity.json; --resume reuses the runs', () => {
    const out = join(root, 'morris');
    const first = concentric(['sensitivity', 'foundation', ...SMALL, '--limited', '6', '--high', '12', '--out', out]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('sensitivity (morris) over 3 factors (named): 2 trajectories × (3 + 1) = 8 points × 2 replicates × 2 engagement lengths (12, 6 months) = 32 runs');
    expect(first.stdout).toMatch(/^final adoption \(12-month engagements\) depends most on adoption\.initiative/m);
    expect(first.stdout).toContain('limited − high: final adoption at 6 minus 12 months');
    expect(first.stdout).toMatch(/1\. adoption\.initiative\s+0–10/);
    expect(first.stdout).toMatch(/trust\.trustingAt\s+0–1\s+0\.0 pp/); // inert under common random numbers
    expect(first.stdout).toContain('replicate noise:');
    for (const file of ['index.html', 'summary.md', 'sensitivity.json', 'runs/length-12/runs.jsonl', 'runs/length-6/manifest.json']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    expect(readdirSync(join(out, 'charts')).filter((f) => f.endsWith('.svg')).sort()).toEqual([
      'morris-finalAdoption.svg',
      'morris-lengthDifference.svg',
      'morris-plane-finalAdoption.svg',
      'morris-plane-lengthDifference.svg',
      'morris-plane-sustainedCapacity.svg',
      'morris-sustainedCapacity.svg',
    ]);
    const json = JSON.parse(readFileSync(join(out, 'sensitivity.json'), 'utf8'));
    expect(json.provenance).toMatchObject({ tool: 'concentric', command: 'sensitivity', scenario: 'foundation', masterSeed: 1, seeds: 'common' });
    expect(json.analysis.outputs).toHaveLength(3);

    const again = concentric(['sensitivity', 'foundation', ...SMALL, '--limited', '6', '--high', '12', '--out', out, '--resume']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('resumed: 16 runs were already done, 0 to go');
    expect(again.stdout.split('report:')[0]).toBe(first.stdout.split('report:')[0]);
  });

  it("runs a Sobol' analysis without the difference", () => {
    const out = join(root, 'sobol');
    const result = concentric(['sensitivity', '--method', 'sobol', '--n', '4', '--factors', 'adoption.initiative,trust.gain=0.1:0.2', '--reps', '1', '--set', 'months=12', '--no-difference', '--threads', '1', '--resamples', '50', '--out', out, '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/factor\s+range\s+total ST\s+95 % CI\s+first S1/);
    expect(result.stdout).toContain('not estimated with 1 replicate');
    expect(result.stdout).not.toContain('limited − high');
    expect(existsSync(join(out, 'charts', 'sobol-finalAdoption.svg'))).toBe(true);
  });

  it('bad input: one line on stderr, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--method', 'morri'], /^concentric: --method: expected morris or sobol \(did you mean "morris"\?\), got "morri"\n$/],
      [['--factors', 'trust.gian'], /^concentric: --factors: trust\.gian: expected a numeric scenario field \(did you mean "trust\.gain"\?/],
    ];
    for (const [args, message] of cases) {
      const result = concentric(['sensitivity', ...args, '--out', join(root, 'bad')]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--help shows an example', () => {
    const help = concentric(['sensitivity', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:\n  concentric sensitivity');
  });
});
