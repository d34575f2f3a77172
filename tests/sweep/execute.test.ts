import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateResults } from '../../src/sweep/aggregate.js';
import { runSweep } from '../../src/sweep/execute.js';
import { createManifest, RUNS_FILE } from '../../src/sweep/manifest.js';
import { compareSweep } from '../../src/sweep/presets.js';
import { hashSeed } from '../../src/sim/index.js';
import type { RunRecord } from '../../src/sweep/types.js';

function compare(seed = 1) {
  return compareSweep({ scenario: 'foundation', overrides: ['months=4', 'organization.staff=60', 'organization.units=4'], lengths: [3, 6], replicates: 3, seed });
}

function records(dir: string): RunRecord[] {
  return readFileSync(join(dir, RUNS_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as RunRecord);
}

describe('runSweep (in this thread)', () => {
  it('writes every run in id order with common random numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concentric-exec-'));
    const { spec, scenario } = compare();
    const manifest = createManifest(spec, scenario, null);
    const outcome = await runSweep({ dir, manifest, threads: 1, batchSize: 2 });
    expect(outcome).toMatchObject({ total: 6, ok: 6, failed: 0, ran: 6, resumed: 0, interrupted: false });
    const runs = records(dir);
    expect(runs.map((run) => run.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(runs.map((run) => run.seed)).toEqual([0, 1, 2, 0, 1, 2].map((r) => hashSeed(1, r)));
    expect(runs.map((run) => run.params['engagement.lengthMonths'])).toEqual([3, 3, 3, 6, 6, 6]);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).sweepHash).toBe(manifest.sweepHash);

    const { points } = await aggregateResults(dir, { metrics: ['finalAdoption'], series: ['adoption'] });
    expect(points).toHaveLength(2);
    expect(points[0].runs).toBe(3);
    expect(points[0].metrics.finalAdoption?.estimate?.n).toBe(3);
    expect(points[0].series.adoption).toHaveLength(5);
  });

  it('resumes: keeps finished runs, does the rest, refuses another sweep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concentric-exec-'));
    const { spec, scenario } = compare();
    const manifest = createManifest(spec, scenario, null);
    const controller = new AbortController();
    const stopped = await runSweep({
      dir,
      manifest,
      threads: 1,
      batchSize: 2,
      signal: controller.signal,
      onProgress: ({ done }) => (done >= 2 ? controller.abort() : undefined),
    });
    expect(stopped).toMatchObject({ ok: 2, interrupted: true });
    const resumed = await runSweep({ dir, manifest, threads: 1, resume: true });
    expect(resumed).toMatchObject({ ok: 6, resumed: 2, ran: 4, interrupted: false });

    const whole = mkdtempSync(join(tmpdir(), 'concentric-exec-'));
    await runSweep({ dir: whole, manifest, threads: 1 });
    expect(readFileSync(join(dir, RUNS_FILE), 'utf8')).toBe(readFileSync(join(whole, RUNS_FILE), 'utf8'));

    const other = compare(2);
    const otherManifest = createManifest(other.spec, other.scenario, null);
    await expect(runSweep({ dir, manifest: otherManifest, threads: 1, resume: true })).rejects.toThrow(
      /--resume: expected results of this sweep .*, got another sweep's/,
    );
    await expect(runSweep({ dir, manifest: otherManifest, threads: 1 })).rejects.toThrow(/pass --force to replace them/);
    const replaced = await runSweep({ dir, manifest: otherManifest, threads: 1, force: true });
    expect(replaced).toMatchObject({ ok: 6, resumed: 0 });
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).sweepHash).toBe(otherManifest.sweepHash);
  });
});
