/** The CLI side without a cluster: shards from the environment, and `concentric slurm`'s checks and files. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManifest } from '../../src/sweep/manifest.js';
import { loadSweepFile } from '../../src/sweep/file.js';
import { compareSweep, withinSweep } from '../../src/sweep/presets.js';
import { BIN, ROOT } from '../cli/cli.js';
import { cleanEnv } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-cluster-cli-'));
const dir = (name: string) => join(root, name);
const SMALL = ['--lengths', '3,6', '--reps', '3', '--months', '3', '--set', 'organization.staff=40', '--set', 'organization.units=4'];

function concentric(args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(env), encoding: 'utf8', timeout: 120_000 });
}

function expectOneLineRefusal(result: SpawnSyncReturns<string>, message: RegExp): void {
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr.trimEnd()).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
}

const manifestOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));

describe('shards from the environment', () => {
  it('compare runs the Slurm array task shard and says where it came from', () => {
    const env = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' };
    const result = concentric(['compare', ...SMALL, '--threads', '1', '--out', dir('slurm-env')], env);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('shard 1/3 (from SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=1, SLURM_ARRAY_TASK_COUNT=3)');
    expect(manifestOf(dir('slurm-env')).shard).toEqual({ index: 1, count: 3 });
    // --shard wins over the environment.
    const flagged = concentric(['compare', ...SMALL, '--threads', '1', '--shard', '0/2', '--out', dir('flag-wins')], env);
    expect(flagged.status, flagged.stderr).toBe(0);
    expect(manifestOf(dir('flag-wins')).shard).toEqual({ index: 0, count: 2 });
  });

  it('sensitivity runs its shard of each sweep and stops before the analysis', () => {
    const args = ['sensitivity', '--n', '2', '--reps', '1', '--no-difference', '--set', 'months=3', '--factors', 'isps.hoursPerWeek', '--threads', '1'];
    const result = concentric([...args, '--out', dir('sensitivity')], { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '2' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('shard 1/2 done. Merge each runs/length-* directory across shards');
    expect(result.stdout).toBe('');
  });

  it('a sweep file in a Kubernetes Indexed Job pod, and bad variables refused with one line (exit 2)', () => {
    const sweepFile = dir('tiny.yaml');
    writeFileSync(sweepFile, 'scenario: foundation\nset: { months: 3, organization.staff: 40, organization.units: 4 }\nfactors:\n  engagement.lengthMonths: [3, 6]\nreplicates: 2\n');
    const pod = concentric(['sweep', sweepFile, '--threads', '1', '--out', dir('pod')], { JOB_COMPLETION_INDEX: '3', CONCENTRIC_SHARD_COUNT: '4' });
    expect(pod.status, pod.stderr).toBe(0);
    expect(pod.stderr).toContain('shard 3/4 (from JOB_COMPLETION_INDEX=3, CONCENTRIC_SHARD_COUNT=4)');
    expect(readFileSync(join(dir('pod'), 'runs.jsonl'), 'utf8')).toMatch(/^\{"id":3,/);
    expectOneLineRefusal(concentric(['sweep', sweepFile, '--out', dir('no-count')], { JOB_COMPLETION_INDEX: '1' }), /^concentric: JOB_COMPLETION_INDEX=1 is set but CONCENTRIC_SHARD_COUNT is not/);
    expectOneLineRefusal(
      concentric(['compare', ...SMALL, '--out', dir('bad-id')], { SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '3' }),
      /^concentric: SLURM_ARRAY_TASK_ID: expected a whole number ≥ 0, got "x"$/,
    );
  });
});

describe('concentric slurm', () => {
  it('writes the scripts for a sweep file, named by the same sweepHash as a local run', () => {
    const sweepFile = dir('lengths.yaml');
    writeFileSync(sweepFile, 'name: lengths\nscenario: foundation\nset: { months: 3 }\nfactors:\n  engagement.lengthMonths: [3, 6, 9]\nreplicates: 4\n');
    const result = concentric(['slurm', sweepFile, '--shards', '4', '--cpus', '2', '--time', '30', '--sbatch=--qos=short', '--out', dir('sweep-job')]);
    expect(result.status, result.stderr).toBe(0);
    const { spec, scenario } = loadSweepFile(sweepFile);
    const { sweepHash } = createManifest(spec, scenario, null);
    expect(result.stdout).toContain(`"lengths": 12 runs (sweepHash ${sweepHash}) as 4 array tasks of about 3 runs, 2 CPUs and 30 each`);
    expect(result.stdout).toMatch(/^ {2}bash \S+\/sweep-job\/slurm\/submit\.sh$/m);
    const array = readFileSync(join(dir('sweep-job'), 'slurm', 'array.sbatch'), 'utf8');
    expect(array).toContain(`"$node" "$concentric" sweep ${sweepFile} --out "$dir" --resume --threads`);
    expect(array).toContain('#SBATCH --qos=short');
    expect(JSON.parse(readFileSync(join(dir('sweep-job'), 'slurm', 'plan.json'), 'utf8'))).toMatchObject({ sweepHash, totalRuns: 12, shards: 4 });
  });

  it('passes compare arguments through compare\'s own parser; the merge job builds the report', () => {
    const result = concentric(['slurm', 'compare', 'foundation', ...SMALL, '--margin', '3', '--shards', '2', '--out', dir('compare-job')]);
    expect(result.status, result.stderr).toBe(0);
    const { spec, scenario } = compareSweep({
      scenario: 'foundation',
      overrides: ['organization.staff=40', 'organization.units=4', 'months=3'],
      lengths: [3, 6],
      replicates: 3,
      seed: 1,
    });
    expect(result.stdout).toContain(`(sweepHash ${createManifest(spec, scenario, null).sweepHash})`);
    expect(result.stderr).toMatch(/warning: about 3 runs per task for 4 CPUs: threads will idle/);
    const merge = readFileSync(join(dir('compare-job'), 'slurm', 'merge.sbatch'), 'utf8');
    expect(merge).toMatch(/"\$node" "\$concentric" report \S+\/compare-job --margin 3\n/);
  });

  it('plans --within as the within-organization sweep that its tasks run (same sweepHash, same run count)', () => {
    const result = concentric(['slurm', 'compare', 'foundation', ...SMALL, '--within', '--shards', '2', '--out', dir('within-job')]);
    expect(result.status, result.stderr).toBe(0);
    const { spec, scenario } = withinSweep({ scenario: 'foundation', overrides: ['organization.staff=40', 'organization.units=4', 'months=3'], lengths: [3, 6], replicates: 3, seed: 1 });
    const { sweepHash } = createManifest(spec, scenario, null);
    expect(JSON.parse(readFileSync(join(dir('within-job'), 'slurm', 'plan.json'), 'utf8'))).toMatchObject({ sweepHash, totalRuns: 3 });
  });

  const refusals: [string, string[], RegExp][] = [
    ['no --shards', ['slurm', 'compare'], /required option '--shards <n>' not specified/],
    ['more shards than runs', ['slurm', 'compare', ...SMALL, '--shards', '7'], /^concentric: --shards: expected at most the sweep's 6 runs \(one run per task at least\), got 7$/],
    ['--threads among compare arguments', ['slurm', 'compare', '--threads', '2', '--shards', '2'], /^concentric: --threads: a task runs one thread per CPU; use --cpus instead$/],
    ['--shard among compare arguments', ['slurm', 'compare', '--shard', '0/2', '--shards', '2'], /^concentric: --shard: task i runs shard i; use --shards N instead$/],
    ['an unknown compare option', ['slurm', 'compare', '--lenghts', '6', '--shards', '2'], /^concentric: compare arguments: unknown option '--lenghts'/],
    ['a bad compare value', ['slurm', 'compare', '--reps', '0', '--shards', '2'], /^concentric: --reps: expected a whole number between 1 and/],
    ['a missing sweep file', ['slurm', 'no-such-sweep.yaml', '--shards', '2'], /^concentric: .*no-such-sweep\.yaml/],
    ['words after a sweep file', ['slurm', 'tests/fixtures/foundation.yaml', 'extra', '--shards', '2'], /^concentric: slurm: expected only the sweep file, got more: extra/],
    ['a bad time limit', ['slurm', 'compare', '--shards', '2', '--time', '2h'], /^concentric: --time: expected a Slurm time limit/],
    ['a node that is not Node', ['slurm', 'compare', ...SMALL, '--shards', '2', '--node', '/bin/false', '--out', 'unused'], /^concentric: --node: expected a Node\.js binary, could not run "\/bin\/false"/],
    ['an unwritable results folder', ['slurm', 'compare', ...SMALL, '--shards', '2', '--out', join(ROOT, 'package.json', 'out')], /^concentric: --out .*package\.json\/out: expected a folder this user can write, got ENOTDIR$/],
  ];
  for (const [name, args, message] of refusals) {
    it(`refuses ${name} with exit 2`, () => {
      const result = concentric(args);
      expect(result.status, result.stderr).toBe(2);
      expect(result.stderr.trimEnd()).toMatch(message);
      if (!name.startsWith('no --shards')) expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }

  it('refuses a results folder that holds another sweep, or this sweep split another way', () => {
    const first = concentric(['slurm', 'compare', ...SMALL, '--shards', '2', '--out', dir('taken')]);
    expect(first.status, first.stderr).toBe(0);
    const shard = concentric(['compare', ...SMALL, '--shard', '1/3', '--quiet', '--out', join(dir('taken'), 'shards', 'shard-1')]);
    expect(shard.status, shard.stderr).toBe(0);
    expectOneLineRefusal(
      concentric(['slurm', 'compare', ...SMALL, '--shards', '2', '--out', dir('taken')]),
      /shard-1: expected shard 1\/2 of this sweep, got shard 1\/3 \(another --shards\); remove .*taken\/shards or choose another --out$/,
    );
    expectOneLineRefusal(
      concentric(['slurm', 'compare', ...SMALL, '--seed', '2', '--shards', '3', '--out', dir('taken')]),
      /shard-1: expected an empty folder or results of this sweep \(sweepHash [0-9a-f]{16}\), got another sweep's/,
    );
    // The same sweep and split again: fine, and it says the shard will be resumed.
    const again = concentric(['slurm', 'compare', ...SMALL, '--shards', '3', '--out', dir('taken')]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('1 of 3 shards already hold runs of this sweep: their tasks resume them.');
  });

  it('--help shows examples', () => {
    const help = concentric(['slurm', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:\n  concentric slurm sweeps/lengths.yaml --shards 20');
  });
});
