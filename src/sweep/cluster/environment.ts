/**
 * The shard a batch system asks for, read from the task's environment when `--shard` is absent.
 *
 * - Slurm array task: `SLURM_ARRAY_TASK_ID`. With `CONCENTRIC_SHARD_COUNT=N` (what `concentric
 *   slurm` scripts set) the task id *is* the shard index, 0 ≤ id < N — right also when only some
 *   tasks are resubmitted (`sbatch --array=2 …` has SLURM_ARRAY_TASK_COUNT=1). Without it, Slurm's
 *   own `SLURM_ARRAY_TASK_COUNT` is N and the index is (id − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP
 *   (MIN 0 and STEP 1 when absent), so `--array=1-8` or `--array=0-14:2` work when submitted whole.
 * - Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0 … completions − 1); the count is not in the
 *   pod's environment, so `CONCENTRIC_SHARD_COUNT` (= the Job's `completions`) is required.
 *
 * A pure function of the variables: bad values are InputErrors (one line, exit 2), never guesses.
 */
import { InputError } from '../../scenarios/index.js';
import type { Shard } from '../shards.js';

export type Environment = Readonly<Record<string, string | undefined>>;

export const SHARD_COUNT_VARIABLE = 'CONCENTRIC_SHARD_COUNT';
export const SLURM_TASK_VARIABLE = 'SLURM_ARRAY_TASK_ID';
export const KUBERNETES_INDEX_VARIABLE = 'JOB_COMPLETION_INDEX';

export interface EnvironmentShard {
  readonly shard: Shard;
  /** where it came from, e.g. "SLURM_ARRAY_TASK_ID=2, CONCENTRIC_SHARD_COUNT=3" */
  readonly source: string;
}

/** A variable's value, or undefined when unset or empty (`FOO= command` means unset to most people). */
function value(env: Environment, name: string): string | undefined {
  const text = env[name];
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

function wholeNumber(env: Environment, name: string, min: number): number | undefined {
  const text = value(env, name);
  if (text === undefined) return undefined;
  const number = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(number) || number < min) {
    throw new InputError(`${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(env[name])}`);
  }
  return number;
}

const HOW_TO_FIX = 'pass --shard i/N to choose the shard yourself';

function checked(index: number, count: number, source: string): EnvironmentShard {
  if (count > 1_000_000) throw new InputError(`shard from the environment (${source}): expected at most 1000000 shards, got ${count}`);
  if (index >= count) {
    throw new InputError(`shard from the environment (${source}): expected a shard index below ${count}, got ${index}; ${HOW_TO_FIX}`);
  }
  return { shard: { index, count }, source };
}

/** The shard named by the environment, or null when no batch system asks for one. */
export function shardFromEnvironment(env: Environment): EnvironmentShard | null {
  const pinned = wholeNumber(env, SHARD_COUNT_VARIABLE, 1);
  const slurmId = wholeNumber(env, SLURM_TASK_VARIABLE, 0);
  const podIndex = wholeNumber(env, KUBERNETES_INDEX_VARIABLE, 0);

  if (slurmId !== undefined && podIndex !== undefined) {
    throw new InputError(
      `shard from the environment: expected one task index, got both ${SLURM_TASK_VARIABLE}=${slurmId} and ${KUBERNETES_INDEX_VARIABLE}=${podIndex}; ${HOW_TO_FIX}`,
    );
  }
  if (podIndex !== undefined) {
    if (pinned === undefined) {
      throw new InputError(
        `${KUBERNETES_INDEX_VARIABLE}=${podIndex} is set but ${SHARD_COUNT_VARIABLE} is not: set it to the Job's completions (the number of shards), or ${HOW_TO_FIX}`,
      );
    }
    return checked(podIndex, pinned, `${KUBERNETES_INDEX_VARIABLE}=${podIndex}, ${SHARD_COUNT_VARIABLE}=${pinned}`);
  }
  if (slurmId !== undefined) {
    if (pinned !== undefined) return checked(slurmId, pinned, `${SLURM_TASK_VARIABLE}=${slurmId}, ${SHARD_COUNT_VARIABLE}=${pinned}`);
    const count = wholeNumber(env, 'SLURM_ARRAY_TASK_COUNT', 1);
    if (count === undefined) {
      throw new InputError(
        `${SLURM_TASK_VARIABLE}=${slurmId} is set but neither SLURM_ARRAY_TASK_COUNT nor ${SHARD_COUNT_VARIABLE} is: set ${SHARD_COUNT_VARIABLE} to the number of shards, or ${HOW_TO_FIX}`,
      );
    }
    const min = wholeNumber(env, 'SLURM_ARRAY_TASK_MIN', 0) ?? 0;
    const step = wholeNumber(env, 'SLURM_ARRAY_TASK_STEP', 1) ?? 1;
    const parts = [`${SLURM_TASK_VARIABLE}=${slurmId}`];
    if (value(env, 'SLURM_ARRAY_TASK_MIN') !== undefined) parts.push(`SLURM_ARRAY_TASK_MIN=${min}`);
    if (step !== 1) parts.push(`SLURM_ARRAY_TASK_STEP=${step}`);
    parts.push(`SLURM_ARRAY_TASK_COUNT=${count}`);
    const source = parts.join(', ');
    const offset = slurmId - min;
    if (offset < 0 || offset % step !== 0) {
      throw new InputError(
        `shard from the environment (${source}): expected a task of one range min-max[:step], got a task id off it; set ${SHARD_COUNT_VARIABLE} (task id = shard index), or ${HOW_TO_FIX}`,
      );
    }
    return checked(offset / step, count, source);
  }
  if (pinned !== undefined) {
    throw new InputError(
      `${SHARD_COUNT_VARIABLE}=${pinned} is set but no task index is (${SLURM_TASK_VARIABLE} or ${KUBERNETES_INDEX_VARIABLE}): expected both, or neither for a whole sweep; unset it or ${HOW_TO_FIX}`,
    );
  }
  return null;
}
