import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/execute.js';
import { createManifest, RUNS_FILE } from '../../src/sweep/manifest.js';
import { mergeShards } from '../../src/sweep/merge.js';
import { compareSweep } from '../../src/sweep/presets.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-merge-'));
const dir = (name: string) => join(root, name);
const runs = (name: string) => readFileSync(join(dir(name), RUNS_FILE), 'utf8');

async function sweep(name: string, shard: { index: number; count: number } | null, seed = 1): Promise<void> {
  const { spec, scenario } = compareSweep({ scenario: 'foundation', overrides: ['months=3', 'organization.staff=40', 'organization.units=4'], lengths: [3, 6, 9], replicates: 3, seed });
  await runSweep({ dir: dir(name), manifest: createManifest(spec, scenario, shard), threads: 1 });
}

describe('mergeShards', () => {
  beforeAll(async () => {
    await sweep('whole', null);
    for (const index of [0, 1, 2]) await sweep(`shard-${index}`, { index, count: 3 });
    await sweep('foreign-2', { index: 2, count: 3 }, 2);
    await sweep('half-0', { index: 0, count: 2 });
    cpSync(dir('shard-1'), dir('incomplete-1'), { recursive: true });
    writeFileSync(join(dir('incomplete-1'), RUNS_FILE), runs('shard-1').split('\n').slice(0, 2).join('\n') + '\n');
  });

  it('combines shards given in any order into the whole sweep, byte for byte', () => {
    const outcome = mergeShards([dir('shard-2'), dir('shard-0'), dir('shard-1')], dir('merged'));
    expect(outcome).toMatchObject({ shards: 3, ok: 9, failed: 0 });
    expect(runs('merged')).toBe(runs('whole'));
    const manifest = JSON.parse(readFileSync(join(dir('merged'), 'manifest.json'), 'utf8'));
    const whole = JSON.parse(readFileSync(join(dir('whole'), 'manifest.json'), 'utf8'));
    expect({ ...manifest, createdAt: null }).toEqual({ ...whole, createdAt: null });
  });

  const refusals: [string, string[], RegExp][] = [
    ['a missing shard', ['shard-0', 'shard-2'], /^shard 1\/3 missing: expected all 3 shards, got 0\/3, 2\/3$/],
    ['a shard given twice', ['shard-0', 'shard-1', 'shard-2', 'shard-1'], /^shard 1\/3 given twice: .*shard-1 and .*shard-1; expected each shard once$/],
    ['a shard of another sweep', ['shard-0', 'shard-1', 'foreign-2'], /foreign-2: expected a shard of the same sweep as .*shard-0 \(sweepHash [0-9a-f]{16}, ".*"\), got sweepHash [0-9a-f]{16}/],
    ['a shard of another split', ['shard-0', 'half-0'], /half-0: expected a shard of 3 like .*shard-0, got shard 0\/2/],
    ['an incomplete shard', ['shard-0', 'incomplete-1', 'shard-2'], /^shard 1\/3 \(.*incomplete-1\) is incomplete: expected 3 runs, got 2; finish it with --resume first$/],
    ['a whole sweep', ['whole', 'shard-1'], /whole: expected a shard directory \(written with --shard i\/N\), got a whole sweep's results/],
    ['a folder without results', ['shard-0', 'nothing'], /nothing: not a results directory: expected manifest\.json, found none/],
  ];
  for (const [name, dirs, pattern] of refusals) {
    it(`refuses ${name}`, () => {
      expect(() => mergeShards(dirs.map(dir), dir(`refused-${name.replaceAll(' ', '-')}`))).toThrow(pattern);
    });
  }

  it('refuses to write into a shard folder or over another sweep', () => {
    expect(() => mergeShards([dir('shard-0'), dir('shard-1'), dir('shard-2')], dir('shard-1'))).toThrow(/--out .*shard-1: expected a folder other than the shards/);
    expect(() => mergeShards([dir('shard-0'), dir('shard-1'), dir('shard-2')], dir('foreign-2'))).toThrow(/got another sweep's \(sweepHash [0-9a-f]{16}\); pass --force/);
  });
});
