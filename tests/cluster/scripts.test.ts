import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  arrayScript,
  checkBatchPath,
  mergeScript,
  nodeSupported,
  parseSlurmTime,
  slurmNameOption,
  submitInstructions,
  submitScript,
  type SlurmJob,
} from '../../src/sweep/cluster/slurm.js';

const job: SlurmJob = {
  sweepName: 'lengths',
  sweepHash: '0123456789abcdef',
  totalRuns: 1000,
  version: '0.1.0',
  jobName: 'concentric-lengths',
  shards: 10,
  cpus: 8,
  time: '2:00:00',
  partition: 'short',
  account: 'lab',
  extra: ['--qos=normal'],
  workdir: '/home/me/project',
  node: '/opt/node/bin/node',
  cli: '/home/me/concentric/dist/cli/main.js',
  command: ['compare', 'my org.yaml', '--lengths', '6,12', '--set', "name=it's"],
  out: '/scratch/me/results',
  afterMerge: [['report', '/scratch/me/results']],
};

function bashSyntaxOk(script: string): boolean {
  return spawnSync('bash', ['-n'], { input: script }).status === 0;
}

describe('Slurm scripts', () => {
  it('array job: one task per shard, threads = CPUs, shard index pinned, resumes under a lock', () => {
    const script = arrayScript(job);
    expect(script.startsWith('#!/bin/bash\n')).toBe(true);
    for (const line of [
      '#SBATCH --job-name=concentric-lengths',
      '#SBATCH --array=0-9',
      '#SBATCH --cpus-per-task=8',
      '#SBATCH --time=2:00:00',
      '#SBATCH --partition=short',
      '#SBATCH --account=lab',
      '#SBATCH --qos=normal',
      '#SBATCH --chdir=/home/me/project',
      '#SBATCH --output=/scratch/me/results/slurm/logs/%x-%A_%a.out',
      'export CONCENTRIC_SHARD_COUNT=10',
      'dir="$out/shards/shard-$SLURM_ARRAY_TASK_ID"',
      'flock 9',
    ]) {
      expect(script).toContain(line);
    }
    // The user's words are quoted for bash; execution flags are the script's.
    expect(script).toContain(
      `exec "$node" "$concentric" compare 'my org.yaml' --lengths 6,12 --set 'name=it'\\''s' --out "$dir" --resume --threads "\${SLURM_CPUS_PER_TASK:-8}"`,
    );
    // #SBATCH lines must come before the first command, or sbatch ignores them.
    const firstCommand = script.split('\n').findIndex((line) => line !== '' && !line.startsWith('#'));
    expect(script.split('\n').slice(firstCommand).some((line) => line.startsWith('#SBATCH'))).toBe(false);
    expect(bashSyntaxOk(script)).toBe(true);
  });

  it('merge job: every shard into the results folder, cancelled if a task fails, then the after-merge commands', () => {
    const script = mergeScript(job);
    expect(script).toContain('#SBATCH --job-name=concentric-lengths-merge');
    expect(script).toContain('#SBATCH --kill-on-invalid-dep=yes');
    expect(script).toContain('for ((i = 0; i < 10; i++)); do shards+=("$out/shards/shard-$i"); done');
    expect(script).toContain('"$node" "$concentric" merge "${shards[@]}" --out "$out"');
    expect(script).toContain('"$node" "$concentric" report /scratch/me/results\n');
    expect(script).not.toContain('--array');
    expect(bashSyntaxOk(script)).toBe(true);
  });

  it('submit.sh chains the merge after the array (afterok) with sbatch --parsable', () => {
    const script = submitScript(job);
    expect(script).toContain('array=$(sbatch --parsable "$@" "$here/array.sbatch")');
    expect(script).toContain('merge=$(sbatch --parsable "$@" --dependency=afterok:"$array" "$here/merge.sbatch")');
    expect(bashSyntaxOk(script)).toBe(true);
    expect(submitInstructions(job)).toContain('bash /scratch/me/results/slurm/submit.sh');
  });

  it('the scripts check the node on the compute node against the supported versions', () => {
    expect(arrayScript(job)).toContain('expected Node ^20.19.0 || ^22.12.0 || >=24 at $node');
    for (const version of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v24.1.0', 'v25.0.0']) expect(nodeSupported(version)).toBe(true);
    for (const version of ['v20.18.1', 'v21.7.0', 'v22.11.0', 'v23.5.0', 'v18.20.0', 'nonsense']) expect(nodeSupported(version)).toBe(false);
  });

  it('accept Slurm time limits and names; refuse the rest with one line', () => {
    for (const time of ['30', '30:00', '2:00:00', '1-0', '1-12:00', '1-12:00:00', 'UNLIMITED']) expect(parseSlurmTime(time)).toBe(time);
    for (const time of ['2h', '1:2:3:4', '', '-1']) expect(() => parseSlurmTime(time)).toThrow(/^--time: expected a Slurm time limit/);
    expect(slurmNameOption('--partition')('gpu-short')).toBe('gpu-short');
    expect(() => slurmNameOption('--partition')('a b')).toThrow(/^--partition: expected a Slurm name/);
    expect(() => checkBatchPath('--out', '/my results')).toThrow(/^--out: expected a path without spaces/);
    expect(() => checkBatchPath('--out', '/results/%j')).toThrow(/without spaces, quotes, %/);
  });
});
