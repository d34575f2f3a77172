import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { failRunsEnv } from '../support/fail-runs-env.js';
import { concentric } from './cli.js';
import { background, completeLines, ids, runsText, scratch, waitForLines } from './results.js';

const root = scratch();
const dir = (name: string) => join(root, name);
// 4 lengths × 20 replicates × 8 months = 80 runs: long enough to interrupt, short enough to redo.
const COMPARE = ['compare', '--no-report', '--lengths', '6,12,18,24', '--reps', '20', '--months', '8'];

let reference: string;
beforeAll(() => {
  const out = concentric([...COMPARE, '--threads', '1', '--quiet', '--out', dir('reference')]);
  expect(out.status, out.stderr).toBe(0);
  reference = runsText(dir('reference'));
  expect(reference.split('\n')).toHaveLength(81);
});

describe('interrupted sweeps lose no finished run', () => {
  it('SIGKILL at a random point, then --resume: byte-identical to an uninterrupted sweep', async () => {
    const killAfter = 1 + Math.floor(Math.random() * 25);
    const run = background([...COMPARE, '--threads', '2', '--quiet', '--out', dir('killed')]);
    await waitForLines(dir('killed'), killAfter, run.child);
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal, `the sweep finished before the kill after ${killAfter} runs`).toBe('SIGKILL');
    const before = completeLines(dir('killed'));
    expect(before.length).toBeGreaterThanOrEqual(killAfter);
    // A kill mid-write leaves a torn last line; make sure there is one to repair.
    appendFileSync(join(dir('killed'), 'runs.jsonl'), '{"id":79,"point":3,"replicate":19,"se');

    const resumed = concentric([...COMPARE, '--threads', '2', '--resume', '--out', dir('killed')]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/repaired .*runs\.jsonl: cut a torn last line \(\d+ bytes\)/);
    // Resume keeps every run recorded ok (and retries any recorded failed).
    const kept = new Set(before.map((line) => JSON.parse(line)).filter((run) => run.status === 'ok').map((run) => run.id));
    expect(resumed.stderr).toContain(`resumed: ${kept.size} runs were already done`);
    const after = runsText(dir('killed'));
    expect(after).toBe(reference);
    for (const line of before) if (kept.has(JSON.parse(line).id)) expect(after).toContain(line + '\n');
  });

  it('SIGINT stops cleanly: keeps finished runs in order, says how to resume, exits 130', async () => {
    const run = background([...COMPARE, '--threads', '2', '--out', dir('interrupted')]);
    await waitForLines(dir('interrupted'), 5, run.child);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    expect(code).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping — letting runs in flight finish/);
    expect(stderr).toMatch(/stopped: \d+ of 80 runs kept in .*interrupted\. Resume with:\n {2}concentric compare .* --resume\n/);
    const kept = ids(dir('interrupted'));
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept.length).toBeLessThan(80);
    expect(readFileSync(join(dir('interrupted'), 'runs.jsonl'), 'utf8').endsWith('\n')).toBe(true);

    const resumed = concentric([...COMPARE, '--threads', '1', '--quiet', '--resume', '--out', dir('interrupted')]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(runsText(dir('interrupted'))).toBe(reference);
  });
});

describe('failed runs', () => {
  it('are recorded with error and seed, counted, exit 1; --resume retries them', () => {
    const failing = concentric([...COMPARE, '--threads', '2', '--out', dir('failing')], { env: failRunsEnv([3, 57]) });
    expect(failing.status, failing.stderr).toBe(1);
    expect(failing.stderr).toMatch(/done: 80 runs \(2 failed\)/);
    expect(failing.stderr).toMatch(/2 of 80 runs failed .*status "failed".*--resume retries them\. First: run 3 \(point 0, seed \d+\): Error: test hook/);
    const lines = completeLines(dir('failing')).map((line) => JSON.parse(line));
    expect(lines).toHaveLength(80);
    expect(lines[3]).toMatchObject({ id: 3, status: 'failed', seed: lines[3].seed, error: expect.stringContaining('CONCENTRIC_FAIL_RUN_IDS') });
    expect(lines[57].status).toBe('failed');
    expect(typeof lines[57].seed).toBe('number');
    expect(failing.stdout).toMatch(/^6 months\s+19 \(1 failed\)/m);

    const retried = concentric([...COMPARE, '--threads', '1', '--quiet', '--resume', '--out', dir('failing')]);
    expect(retried.status, retried.stderr).toBe(0);
    expect(runsText(dir('failing'))).toBe(reference);
  });
});

describe('a results directory belongs to one sweep', () => {
  it('--resume of another sweep is refused (exit 2)', () => {
    const out = concentric([...COMPARE, '--seed', '2', '--resume', '--out', dir('reference')]);
    expect(out.status, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/reference: --resume: expected results of this sweep \(sweepHash [0-9a-f]{16}\), got another sweep's \("foundation: engagement length", sweepHash [0-9a-f]{16}, whole sweep\); choose another --out/);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(runsText(dir('reference'))).toBe(reference);
  });
});

describe('concentric sweep <file>', () => {
  const file = join(root, 'lhs.yaml');
  beforeAll(() => {
    writeFileSync(
      file,
      [
        'name: hours-and-rule',
        'set: { months: 6 }',
        'factors:',
        '  isps.hoursPerWeek: [2, 10]',
        '  adoption.rule: [hazard, threshold]',
        'design: { type: lhs, n: 6 }',
        'replicates: 3',
        'seeds: independent',
      ].join('\n'),
    );
  });

  it('runs a design; 1 and 2 threads write identical files', () => {
    const one = concentric(['sweep', file, '--threads', '1', '--quiet', '--out', dir('lhs-1')]);
    const two = concentric(['sweep', file, '--threads', '2', '--quiet', '--out', dir('lhs-2')]);
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(runsText(dir('lhs-1'))).toBe(runsText(dir('lhs-2')));
    const manifest = JSON.parse(readFileSync(join(dir('lhs-1'), 'manifest.json'), 'utf8'));
    expect(manifest.points).toHaveLength(6);
    expect(manifest.totalRuns).toBe(18);
    const runs = completeLines(dir('lhs-1')).map((line) => JSON.parse(line));
    expect(new Set(runs.map((run) => run.seed)).size).toBe(18); // independent seeds
    expect(runs[4].params).toEqual(manifest.points[1].values);
  });

  it('a bad sweep file exits 2 with a located one-line message and writes nothing', () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'factors:\n  engagement.lengthMonths: [6, -3]\n');
    const out = concentric(['sweep', bad, '--out', dir('bad')]);
    expect(out.status, out.stderr).toBe(2);
    expect(out.stderr).toBe(`concentric: ${bad}:2:32: engagement.lengthMonths: expected a number between 0 and 600 (months), got -3\n`);
  });
});
