import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-cli-staffing-'));

describe('concentric staffing', () => {
  it('answers with a headcount, a table, a chart and staffing.json', () => {
    const out = join(root, 'answer');
    const result = concentric(['staffing', 'foundation', '--isps', '1,2,4', '--target', '0.1', '--by-month', '18', '--reps', '6', '--threads', '1', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\d ISPs? is the smallest team that gets 10 % of staff applying by month 18 in at least 80 % of runs/m);
    expect(result.stdout).toMatch(/^1\s+none\s+0 %/m); // 1 ISP cannot staff a 2-co-lead engagement
    expect(result.stdout).toContain('◀');
    for (const file of ['index.html', 'summary.md', 'staffing.json', 'charts/staffing.svg', 'charts/staffing-leaves.svg', 'manifest.json', 'runs.jsonl']) {
      expect(existsSync(join(out, file)), file).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(out, 'staffing.json'), 'utf8'));
    expect(json.analysis.answers[0].teams.map((t: { isps: number }) => t.isps)).toEqual([1, 2, 4]);
    expect(json.analysis.answers[0].teams[0]).not.toHaveProperty('censoredByReplicate');
  });

  it('says so when no team reaches the target, and what came closest', () => {
    const result = concentric(['staffing', '--isps', '2,3', '--target', '95%', '--by-month', '6', '--reps', '3', '--threads', '1', '--out', join(root, 'none'), '--quiet']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^no team from 2 to 3 ISPs gets 95 % of staff applying by month 6 in at least 80 % of runs\. Closest: [23] ISPs, in 0 % of runs/m);
  });

  it('bad input: one line on stderr, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['--target', '60'], /^concentric: --target: expected a share between 0 and 1 \(e\.g\. 0\.6, or 60%\), got "60"\n$/],
      [['--isps', '2,x'], /^concentric: --isps: expected comma-separated whole numbers between 0 and 1000000, got "2,x"\n$/],
      [['--set', 'isps.cuont=3'], /did you mean "isps\.count"\?/],
    ];
    for (const [args, message] of cases) {
      const result = concentric(['staffing', ...args, '--out', join(root, 'bad')]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--help shows an example', () => {
    const help = concentric(['staffing', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:\n  concentric staffing');
  });
});
