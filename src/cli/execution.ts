/**
 * What `sweep` and `compare` share: the execution flags (--out, --threads, --resume, --force,
 * --shard, --quiet), the shard source, Ctrl-C handling, progress, and the end-of-sweep messages
 * and exit codes (0 ok, 1 some runs failed, 130 stopped).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError, type Scenario } from '../scenarios/index.js';
import {
  createManifest,
  formatShard,
  parseShard,
  readRuns,
  RUNS_FILE,
  runSweep,
  type Manifest,
  type Shard,
  type SweepOutcome,
  type SweepStart,
  type SweepSpec,
  checkSweepFits,
  largestScenarios,
  WriteFailure,
} from '../sweep/index.js';
import { shardFromEnvironment, type Environment } from '../sweep/cluster/index.js';
import { threadsOption } from './options.js';
import { checkOutFolder } from './out-folder.js';
import { EXIT_STOPPED } from './errors.js';
import { runInterruptible } from './lifecycle.js';
import { createProgress, formatDuration } from './progress.js';

export interface ExecutionFlags {
  out: string;
  threads: number;
  resume?: boolean;
  force?: boolean;
  shard?: string;
  quiet?: boolean;
}

export { EXIT_STOPPED } from './errors.js';

export function addExecutionOptions(command: Command, defaultOut: string): Command {
  return command
    .option('--out <dir>', 'results directory (manifest.json + runs.jsonl)', defaultOut)
    .addOption(threadsOption())
    .option('--resume', 'keep the runs already in --out (same sweep) and do the rest; repairs a torn last line')
    .option('--force', 'replace --out even if it holds a different sweep')
    .option(
      '--shard <i/N>',
      'run only shard i of N (run ids with id mod N = i); combine shards with `concentric merge`. ' +
        'Default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX when set (docs/CLUSTER.md)',
    )
    .option('--quiet', 'no progress bar or progress lines');
}

/**
 * Which shard to run, and why. The one place shards are chosen: `--shard i/N` when given, else the
 * batch system's task index (SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX; see src/sweep/cluster and
 * docs/CLUSTER.md), else the whole sweep. `source` names the variables a shard came from.
 */
export function chooseShard(flag: string | undefined, env: Environment = process.env): { shard: Shard | null; source?: string } {
  if (flag !== undefined) return { shard: parseShard(flag, '--shard') };
  const found = shardFromEnvironment(env);
  return found ? { shard: found.shard, source: found.source } : { shard: null };
}

export function resolveShard(flag: string | undefined, env: Environment = process.env): Shard | null {
  return chooseShard(flag, env).shard;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The command line that resumes this one. */
export function resumeCommand(argv: readonly string[] = process.argv.slice(2)): string {
  const words = argv.filter((word) => word !== '--force');
  if (!words.includes('--resume')) words.push('--resume');
  return ['concentric', ...words].map(shellQuote).join(' ');
}

export interface Execution {
  readonly manifest: Manifest;
  readonly outcome: SweepOutcome;
  readonly exitCode: number;
}

function note(flags: ExecutionFlags, text: string): void {
  if (!flags.quiet) process.stderr.write(text + '\n');
}

let warnedThreads = false;

/**
 * Threads actually used: at most one per core. More only adds memory and switching (999 threads
 * started one worker per batch: 2.6 GB and 19× slower); say so once per process.
 */
export function usableThreads(requested: number, cores = availableParallelism(), warn = (text: string) => process.stderr.write(text)): number {
  if (requested <= cores) return requested;
  if (!warnedThreads) {
    warnedThreads = true;
    warn(`concentric: --threads ${requested}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} thread${cores === 1 ? '' : 's'}\n`);
  }
  return cores;
}

/** A write failure mid-sweep as one line: the file, the runs kept, and how to go on. */
export function writeFailureMessage(failure: WriteFailure, resume: string): string {
  const kept = `${failure.kept} of ${failure.total} runs are kept in ${failure.path}`;
  switch (failure.phase) {
    case 'start':
      return `${failure.message} while preparing the results folder; no run was started. Free space or choose another --out, then run again`;
    case 'sort':
      return (
        `${failure.message} while sorting it by run id (the sort needs as much free space again as the file); ` +
        `all ${failure.kept} runs are kept there, unsorted; free space, then sort it with: ${resume}`
      );
    default:
      return `${failure.message} while writing finished runs; ${kept}; free space, then finish with: ${resume}`;
  }
}

/**
 * Before the design points exist: a design or scenario too large for this machine is refused with
 * its estimate (src/sweep/limits.ts). Callable in-process (tests/fuzz).
 */
export function checkSweepPlan(spec: SweepSpec, scenario: Scenario, threads: number): void {
  checkSweepFits(spec, largestScenarios(spec, scenario), `${spec.kind} "${spec.name}"`, { threads });
}

export async function executeSweep(spec: SweepSpec, scenario: Scenario, requested: ExecutionFlags): Promise<Execution> {
  const flags: ExecutionFlags = { ...requested, threads: usableThreads(requested.threads) };
  const { shard, source } = chooseShard(flags.shard);
  checkSweepPlan(spec, scenario, flags.threads);
  const dir = flags.out;
  checkOutFolder(dir);
  const manifest = createManifest(spec, scenario, shard);
  const points = manifest.points.length;
  const shardText = shard ? `, ${formatShard(shard)}${source ? ` (from ${source})` : ''}` : '';
  const announce = (start: SweepStart): void => {
    if (start.repairedBytes > 0) note(flags, `repaired ${join(dir, RUNS_FILE)}: cut a torn last line (${start.repairedBytes} bytes)`);
    const resuming = start.resumed > 0 ? `; resumed: ${start.resumed} runs were already done, ${start.pending} to go` : '';
    note(
      flags,
      `${spec.name}: ${points} point${points === 1 ? '' : 's'} × ${spec.replicates} replicate${spec.replicates === 1 ? '' : 's'} = ` +
        `${manifest.totalRuns} runs${shardText}, ${flags.threads} thread${flags.threads === 1 ? '' : 's'} → ${dir}${resuming}`,
    );
  };

  const progress = createProgress({ quiet: flags.quiet, label: spec.kind === 'compare' ? 'compare' : 'sweep' });
  let outcome: SweepOutcome;
  try {
    outcome = await runInterruptible(
      (signal) =>
        runSweep({
          dir,
          manifest,
          threads: flags.threads,
          resume: flags.resume,
          force: flags.force,
          signal,
          onStart: announce,
          onProgress: (state) => progress.update(state),
        }),
      {
        stopping: (signal) => `${signal}: stopping — letting runs in flight finish (press Ctrl-C again to quit now)`,
        quitting: (signal) => `${signal} again: quitting now; finished runs are in ${dir}. Resume with:\n  ${resumeCommand()}`,
      },
    );
  } catch (error) {
    if (error instanceof WriteFailure) throw new InputError(writeFailureMessage(error, resumeCommand()));
    throw error;
  } finally {
    progress.stop();
  }

  if (outcome.interrupted) {
    const abandoned = outcome.abandoned > 0 ? `; ${outcome.abandoned} runs in flight were abandoned` : '';
    process.stderr.write(
      `stopped: ${outcome.ok + outcome.failed} of ${outcome.total} runs kept in ${dir}${abandoned}. Resume with:\n  ${resumeCommand()}\n`,
    );
    return { manifest, outcome, exitCode: EXIT_STOPPED };
  }
  const perSecond = outcome.seconds > 0 ? outcome.ran / outcome.seconds : 0;
  note(
    flags,
    `done: ${outcome.total} runs${shardText} (${outcome.failed} failed) in ${formatDuration(outcome.seconds)}, ` +
      `${perSecond.toFixed(0)} runs/s → ${dir}`,
  );
  if (outcome.failed > 0) {
    const examples: string[] = [];
    for await (const record of readRuns(join(dir, RUNS_FILE))) {
      if (record.status === 'failed') examples.push(`run ${record.id} (point ${record.point}, seed ${record.seed}): ${record.error}`);
      if (examples.length === 3) break;
    }
    process.stderr.write(
      `concentric: ${outcome.failed} of ${outcome.total} runs failed and are recorded in ${dir}/${RUNS_FILE} (status "failed"); ` +
        `--resume retries them. First: ${examples.join('; ')}\n`,
    );
    return { manifest, outcome, exitCode: 1 };
  }
  return { manifest, outcome, exitCode: 0 };
}
