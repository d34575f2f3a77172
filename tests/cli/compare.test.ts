import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { concentric } from './cli.js';
import { ids, runsText, scratch } from './results.js';

// 3 lengths × 8 replicates × 6 months: small enough to run many times, big enough to interleave.
const COMPARE = ['compare', '--no-report', '--lengths', '6,12,18', '--reps', '8', '--months', '6'];
const root = scratch('concentric-compare-');
const dir = (name: string) => join(root, name);

describe('concentric compare', () => {
  let reference: string;
  let first: ReturnType<typeof concentric>;
  beforeAll(() => {
    first = concentric([...COMPARE, '--threads', '1', '--out', dir('one-thread')], { env: { CONCENTRIC_PROGRESS_SECONDS: '0' } });
    expect(first.status, first.stderr).toBe(0);
    reference = runsText(dir('one-thread'));
  });

  it('prints progress lines off a terminal, then the headline table per length with 95 % CIs', () => {
    expect(first.stderr).toMatch(/^foundation: engagement length: 3 points × 8 replicates = 24 runs, 1 thread → /);
    expect(first.stderr).toMatch(/compare: \d+\/24 runs \(\d+ %\), \d+ runs\/s, ETA/);
    expect(first.stderr).toMatch(/done: 24 runs \(0 failed\) in /);
    expect(first.stdout).toMatch(/foundation: 6 months, 8 replicates per length \(seed 1, common random numbers\)/);
    expect(first.stdout).toMatch(/engagement\s+runs\s+final adoption\s+sustained capacity\s+months to 50 %\s+AIM \(1–5\)\s+IAM \(1–5\)\s+FIM \(1–5\)/);
    for (const length of [6, 12, 18]) expect(first.stdout).toMatch(new RegExp(`^${length} months\\s+8\\s+\\d+\\.\\d % ± \\d+\\.\\d`, 'm'));
    expect(first.stdout).toContain('95 % CI');
  });

  it('--quiet prints no progress', () => {
    const out = concentric([...COMPARE, '--threads', '1', '--resume', '--quiet', '--out', dir('one-thread')]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toBe('');
    expect(runsText(dir('one-thread'))).toBe(reference);
  });

  it('writes the same runs.jsonl with 2 threads', () => {
    const out = concentric([...COMPARE, '--threads', '2', '--out', dir('two-threads'), '--quiet']);
    expect(out.status, out.stderr).toBe(0);
    expect(ids(dir('two-threads'))).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(runsText(dir('two-threads'))).toBe(reference);
  });

  describe('shards', () => {
    beforeAll(() => {
      for (const index of [0, 1, 2]) {
        const out = concentric([...COMPARE, '--threads', '2', '--shard', `${index}/3`, '--out', dir(`shard-${index}`), '--quiet']);
        expect(out.status, out.stderr).toBe(0);
        expect(out.stdout).toBe(''); // a shard alone has no headline
      }
    });

    it('hold their own run ids (id mod 3), and merge byte-identical to one machine', () => {
      expect(ids(dir('shard-1'))).toEqual([1, 4, 7, 10, 13, 16, 19, 22]);
      const out = concentric(['merge', dir('shard-2'), dir('shard-0'), dir('shard-1'), '--out', dir('merged')]);
      expect(out.stderr).toBe('');
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout).toMatch(/merged 3 shards of "foundation: engagement length": 24 runs \(0 failed\)/);
      expect(runsText(dir('merged'))).toBe(reference);
      const manifest = JSON.parse(readFileSync(join(dir('merged'), 'manifest.json'), 'utf8'));
      expect(manifest.shard).toBeNull();
    });

    it('merge refuses a missing shard with exit 2 and one line (more refusals: tests/sweep/merge.test.ts)', () => {
      const out = concentric(['merge', dir('shard-0'), dir('shard-1'), '--out', dir('refused')]);
      expect(out.status).toBe(2);
      expect(out.stderr).toBe('concentric: shard 2/3 missing: expected all 3 shards, got 0/3, 1/3\n');
    });
  });

  it('refuses bad flags with one line', () => {
    for (const [args, pattern] of [
      [['--lengths', '6,6'], /--lengths: expected distinct engagement lengths, got 6 twice/],
      [['--lengths', '6,700'], /--lengths: expected comma-separated numbers between 0 and 600, got "6,700"/],
      [['--shard', '3/3'], /--shard: expected i\/N with 0 ≤ i < N \(e\.g\. 0\/4\), got "3\/3"/],
      [['--within', '--lengths', '6'], /--lengths: expected at least two engagement lengths with --within, got 6/],
    ] as const) {
      const out = concentric(['compare', ...args, '--out', dir('never')]);
      expect(out.status, out.stderr).toBe(2);
      expect(out.stderr).toMatch(pattern);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--within writes its own null-network runs, so the report judges pattern 3 for the whole organization', () => {
    const out = dir('within-rings');
    const run = concentric(['compare', 'classroom', '--within', '--lengths', '6,18', '--reps', '6', '--threads', '1', '--quiet', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const nullRings = JSON.parse(readFileSync(join(out, 'null-rings.json'), 'utf8')) as { runs: { seed: number }[] };
    const seeds = readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { seed: number }).seed);
    expect(nullRings.runs.map((r) => r.seed)).toEqual(seeds); // every run, paired by seed
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/\*\*Study pattern 3\.\*\* Pattern 3 in the whole organization \(lengths mixed within it\): /);
  });
});

