/** Helpers for the cluster tests: an environment without batch-system variables, and Slurm job polling. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Variables that choose a shard: stripped so a test run inside a batch job still runs whole sweeps. */
const SHARD_VARIABLES = /^(SLURM_ARRAY_\w+|JOB_COMPLETION_INDEX|CONCENTRIC_SHARD_COUNT|CONCENTRIC_FAIL_RUN_IDS)$/;

export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!SHARD_VARIABLES.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** Slurm job states after which a job never changes again. */
const FINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED', 'TIMEOUT', 'NODE_FAIL', 'OUT_OF_MEMORY', 'PREEMPTED', 'BOOT_FAIL', 'DEADLINE']);

/** Job (or array task) id → state, as squeue lists them, including finished ones. */
export function jobStates(ids: readonly string[], env: NodeJS.ProcessEnv): Map<string, string> {
  const result = spawnSync('squeue', ['-h', '-t', 'all', '-j', ids.join(','), '-o', '%i|%T'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`squeue failed (exit ${result.status}): ${result.stderr.trim()}`);
  const states = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const [id, state] = line.trim().split('|');
    if (id && state) states.set(id, state.replace(/\+$/, ''));
  }
  return states;
}

/**
 * Poll squeue until every listed job and array task is in a final state (not `sbatch --wait`,
 * which returned ~30 s late here). `giveUpMs` only turns a hang into a readable failure.
 */
export async function waitForJobs(ids: readonly string[], env: NodeJS.ProcessEnv, diagnostics: () => string, giveUpMs = 150_000): Promise<Map<string, string>> {
  const started = Date.now();
  for (;;) {
    const states = jobStates(ids, env);
    const listed = [...states.keys()];
    const allListed = ids.every((id) => listed.some((job) => job === id || job.startsWith(`${id}_`)));
    if (allListed && [...states.values()].every((state) => FINAL_STATES.has(state))) return states;
    if (Date.now() - started > giveUpMs) {
      throw new Error(`Slurm jobs ${ids.join(', ')} not finished after ${giveUpMs / 1000} s: ${JSON.stringify(Object.fromEntries(states))}\n${diagnostics()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The last lines of every log in the given folders, to explain a failure. */
export function logTails(folders: readonly string[], lines = 15): string {
  const parts: string[] = [];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((file) => /\.(out|log)$/.test(file)).sort()) {
      const text = readFileSync(join(folder, name), 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      parts.push(`--- ${join(folder, name)}\n${text}`);
    }
  }
  return parts.join('\n');
}
