import { describe, expect, it } from 'vitest';
import { shardFromEnvironment } from '../../src/sweep/cluster/environment.js';

describe('shardFromEnvironment', () => {
  it('is null when no batch system asks for a shard', () => {
    expect(shardFromEnvironment({})).toBeNull();
    expect(shardFromEnvironment({ SLURM_JOB_ID: '7', SLURM_ARRAY_TASK_ID: '' })).toBeNull();
  });

  it('reads a Slurm array task: id − min (÷ step) of the task count', () => {
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' })).toEqual({
      shard: { index: 2, count: 3 },
      source: 'SLURM_ARRAY_TASK_ID=2, SLURM_ARRAY_TASK_MIN=0, SLURM_ARRAY_TASK_COUNT=3',
    });
    // --array=1-8: ids start at 1
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '8', SLURM_ARRAY_TASK_MIN: '1' })?.shard).toEqual({ index: 0, count: 8 });
    // --array=0-8:2 (ids 0, 2, 4, 6, 8)
    const stepped = { SLURM_ARRAY_TASK_ID: '6', SLURM_ARRAY_TASK_COUNT: '5', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2' };
    expect(shardFromEnvironment(stepped)?.shard).toEqual({ index: 3, count: 5 });
    // no MIN: ids start at 0
    expect(shardFromEnvironment({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_COUNT: '5' })?.shard).toEqual({ index: 4, count: 5 });
  });

  it('with CONCENTRIC_SHARD_COUNT the task id is the shard index, also in a partial resubmission', () => {
    // `sbatch --array=2 array.sbatch` after a failure: Slurm says 1 task starting at 2.
    const rerun = { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '1', SLURM_ARRAY_TASK_MIN: '2', CONCENTRIC_SHARD_COUNT: '3' };
    expect(shardFromEnvironment(rerun)).toEqual({ shard: { index: 2, count: 3 }, source: 'SLURM_ARRAY_TASK_ID=2, CONCENTRIC_SHARD_COUNT=3' });
  });

  it('reads a Kubernetes Indexed Job: JOB_COMPLETION_INDEX of CONCENTRIC_SHARD_COUNT', () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: '0', CONCENTRIC_SHARD_COUNT: '4' })).toEqual({
      shard: { index: 0, count: 4 },
      source: 'JOB_COMPLETION_INDEX=0, CONCENTRIC_SHARD_COUNT=4',
    });
  });

  const refusals: [string, Record<string, string>, RegExp][] = [
    ['a task id that is not a number', { SLURM_ARRAY_TASK_ID: 'two', SLURM_ARRAY_TASK_COUNT: '3' }, /^SLURM_ARRAY_TASK_ID: expected a whole number ≥ 0, got "two"$/],
    ['a zero count', { JOB_COMPLETION_INDEX: '0', CONCENTRIC_SHARD_COUNT: '0' }, /^CONCENTRIC_SHARD_COUNT: expected a whole number ≥ 1, got "0"$/],
    ['a negative count', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '-3' }, /^SLURM_ARRAY_TASK_COUNT: expected a whole number ≥ 1, got "-3"$/],
    ['an index beyond the count', { JOB_COMPLETION_INDEX: '4', CONCENTRIC_SHARD_COUNT: '4' }, /^shard from the environment \(JOB_COMPLETION_INDEX=4, CONCENTRIC_SHARD_COUNT=4\): expected a shard index below 4, got 4; pass --shard i\/N/],
    ['a Slurm id beyond the array', { SLURM_ARRAY_TASK_ID: '9', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1' }, /expected a shard index below 3, got 8/],
    ['an id below the minimum', { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1' }, /expected a task of one range min-max\[:step\]/],
    ['an id off the step', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_STEP: '2' }, /expected a task of one range/],
    ['a Kubernetes index without a count', { JOB_COMPLETION_INDEX: '1' }, /^JOB_COMPLETION_INDEX=1 is set but CONCENTRIC_SHARD_COUNT is not: set it to the Job's completions/],
    ['a Slurm id without a count', { SLURM_ARRAY_TASK_ID: '1' }, /^SLURM_ARRAY_TASK_ID=1 is set but neither SLURM_ARRAY_TASK_COUNT nor CONCENTRIC_SHARD_COUNT is/],
    ['both task indices', { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', JOB_COMPLETION_INDEX: '1' }, /expected one task index, got both/],
    ['a count without an index', { CONCENTRIC_SHARD_COUNT: '4' }, /^CONCENTRIC_SHARD_COUNT=4 is set but no task index is/],
  ];
  for (const [name, env, message] of refusals) {
    it(`refuses ${name} with one line`, () => {
      expect(() => shardFromEnvironment(env)).toThrow(message);
      try {
        shardFromEnvironment(env);
      } catch (error) {
        expect((error as Error).name).toBe('InputError');
        expect((error as Error).message).not.toContain('\n');
      }
    });
  }
});
