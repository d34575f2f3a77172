/**
 * Slurm job scripts for a sweep, as text (pure functions; src/cli/slurm.ts checks and writes them).
 *
 *   <out>/slurm/array.sbatch   one array task per shard: task i runs shard i/N into <out>/shards/shard-i
 *                              with --resume, under a lock, so a task that runs twice or is rerun after
 *                              a failure finishes the same shard with the same bytes
 *   <out>/slurm/merge.sbatch   `concentric merge` of every shard into <out> (then, for compare, the report);
 *                              submitted with --dependency=afterok on the array job
 *   <out>/slurm/submit.sh      sbatch --parsable for both, chained
 *   <out>/slurm/logs/          one log per task (%x-%A_%a.out) and one for the merge (%x-%j.out)
 */
import { join } from 'node:path';
import { InputError } from '../../scenarios/index.js';
import { SHARD_COUNT_VARIABLE } from './environment.js';

export const SLURM_FOLDER = 'slurm';
export const SHARDS_FOLDER = 'shards';
export const ARRAY_SCRIPT = 'array.sbatch';
export const MERGE_SCRIPT = 'merge.sbatch';
export const SUBMIT_SCRIPT = 'submit.sh';
export const PLAN_FILE = 'plan.json';
export const LOGS_FOLDER = 'logs';

/** Slurm's default MaxArraySize is 1001: task ids 0…1000. */
export const DEFAULT_MAX_ARRAY_SIZE = 1001;

export function shardFolder(out: string, index: number): string {
  return join(out, SHARDS_FOLDER, `shard-${index}`);
}

export function slurmFolder(out: string): string {
  return join(out, SLURM_FOLDER);
}

export interface SlurmJob {
  /** the sweep's name and identity, for comments and the plan */
  readonly sweepName: string;
  readonly sweepHash: string;
  readonly totalRuns: number;
  readonly version: string;
  /** Slurm job name; the merge job is `<name>-merge` */
  readonly jobName: string;
  readonly shards: number;
  /** CPUs per array task = worker threads */
  readonly cpus: number;
  /** --time for each array task and for the merge */
  readonly time: string;
  readonly partition?: string;
  readonly account?: string;
  /** further #SBATCH options, each like `--qos=short` */
  readonly extra?: readonly string[];
  /** absolute: the folder relative paths in `command` are read from (#SBATCH --chdir) */
  readonly workdir: string;
  /** absolute path of the node binary, and of Concentric's dist/cli/main.js */
  readonly node: string;
  readonly cli: string;
  /** the sweep command without execution flags, e.g. ['sweep', '/abs/sweep.yaml'] or ['compare', …] */
  readonly command: readonly string[];
  /** absolute results folder: merged results here, shards in <out>/shards, scripts in <out>/slurm */
  readonly out: string;
  /** commands the merge job runs after merging, without the node/cli prefix, e.g. [['report', out]] */
  readonly afterMerge?: readonly (readonly string[])[];
}

export interface SlurmScripts {
  readonly array: string;
  readonly merge: string;
  readonly submit: string;
}

/** Quote a word for bash (only when needed). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * `--time` as Slurm reads it: minutes, minutes:seconds, hours:minutes:seconds, days-hours,
 * days-hours:minutes or days-hours:minutes:seconds; also UNLIMITED/INFINITE.
 */
export function parseSlurmTime(text: string): string {
  const time = text.trim();
  const forms = [/^\d+$/, /^\d+:\d{1,2}$/, /^\d+:\d{1,2}:\d{1,2}$/, /^\d+-\d{1,2}$/, /^\d+-\d{1,2}:\d{1,2}$/, /^\d+-\d{1,2}:\d{1,2}:\d{1,2}$/];
  if (/^(unlimited|infinite)$/i.test(time) || forms.some((form) => form.test(time))) return time;
  throw new InputError(
    `--time: expected a Slurm time limit (minutes, h:mm:ss, d-hh, d-hh:mm or d-hh:mm:ss, e.g. 2:00:00), got ${JSON.stringify(text)}`,
  );
}

/** A Slurm name (partition, account, job name): letters, digits and `_ . - ,` only. */
export function slurmNameOption(flag: string) {
  return (text: string): string => {
    if (!/^[\w.,-]+$/.test(text)) throw new InputError(`${flag}: expected a Slurm name (letters, digits, _ . - ,), got ${JSON.stringify(text)}`);
    return text;
  };
}

/** A path that is safe on an #SBATCH line (no spaces, quotes, `%` patterns or `$`). */
export function checkBatchPath(flag: string, path: string): string {
  if (/[\s'"%$`\\]/.test(path)) {
    throw new InputError(`${flag}: expected a path without spaces, quotes, % or $ (Slurm reads it on an #SBATCH line), got ${JSON.stringify(path)}`);
  }
  return path;
}

/** The Node versions Concentric runs on (package.json engines: ^20.19.0 || ^22.12.0 || >=24). */
export const NODE_RANGE = '^20.19.0 || ^22.12.0 || >=24';

export function nodeSupported(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\./.exec(version.trim());
  if (!match) return false;
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 24;
}

/** The same test in the job, on the compute node (a module system may give it another node). */
const NODE_CHECK =
  'const [a, b] = process.versions.node.split(".").map(Number); ' +
  `process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a >= 24 ? 0 : 1)`;

function header(job: SlurmJob, what: string): string {
  return (
    `#!/bin/bash\n` +
    `# ${what}\n` +
    `# Sweep "${job.sweepName}" (sweepHash ${job.sweepHash}, ${job.totalRuns} runs, ${job.shards} shard${job.shards === 1 ? '' : 's'}), ` +
    `generated by \`concentric slurm\` (Concentric ${job.version}).\n` +
    `# Submit with ${join(slurmFolder(job.out), SUBMIT_SCRIPT)}; docs/CLUSTER.md explains every line.\n`
  );
}

function directives(job: SlurmJob, options: readonly string[]): string {
  const lines = [...options];
  if (job.partition) lines.push(`--partition=${job.partition}`);
  if (job.account) lines.push(`--account=${job.account}`);
  lines.push(`--chdir=${job.workdir}`, '--open-mode=append', ...(job.extra ?? []));
  return lines.map((line) => `#SBATCH ${line}\n`).join('');
}

function preamble(job: SlurmJob): string {
  const node = shellQuote(job.node);
  const cli = shellQuote(job.cli);
  return (
    `set -euo pipefail\n\n` +
    `node=${node}\n` +
    `concentric=${cli}\n` +
    `out=${shellQuote(job.out)}\n\n` +
    `if ! "$node" -e ${shellQuote(NODE_CHECK)} 2>/dev/null; then\n` +
    `  echo "concentric: expected Node ${NODE_RANGE} at $node on $(hostname), got $("$node" --version 2>&1 || true)" >&2\n` +
    `  exit 2\n` +
    `fi\n` +
    `if [ ! -r "$concentric" ]; then\n` +
    `  echo "concentric: $concentric not found on $(hostname): the folder must be shared with the compute nodes" >&2\n` +
    `  exit 2\n` +
    `fi\n`
  );
}

function run(words: readonly string[]): string {
  return ['"$node"', '"$concentric"', ...words].join(' ');
}

export function arrayScript(job: SlurmJob): string {
  const logs = join(slurmFolder(job.out), LOGS_FOLDER);
  const command = job.command.map(shellQuote);
  return (
    header(job, 'Slurm array job: one sweep shard per task.') +
    directives(job, [
      `--job-name=${job.jobName}`,
      `--array=0-${job.shards - 1}`,
      '--ntasks=1',
      `--cpus-per-task=${job.cpus}`,
      `--time=${job.time}`,
      `--output=${logs}/%x-%A_%a.out`,
    ]) +
    preamble(job) +
    `\n` +
    `# Task id = shard index, also when only some tasks are resubmitted (sbatch --array=2 …).\n` +
    `: "\${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is an array job}"\n` +
    `export ${SHARD_COUNT_VARIABLE}=${job.shards}\n` +
    `dir="$out/shards/shard-$SLURM_ARRAY_TASK_ID"\n` +
    `mkdir -p "$dir"\n\n` +
    `# One copy of a shard at a time: a second copy of this task waits here, then finds its runs done.\n` +
    `exec 9>>"$dir.lock"\n` +
    `if command -v flock >/dev/null 2>&1 && ! flock 9; then\n` +
    `  echo "concentric: could not lock $dir.lock (a file system without locks?); going on without" >&2\n` +
    `fi\n\n` +
    `# --resume: keep the runs already done (a rerun, a requeue) and do the rest; threads = CPUs.\n` +
    `exec ${run([...command, '--out', '"$dir"', '--resume', '--threads', `"\${SLURM_CPUS_PER_TASK:-${job.cpus}}"`])}\n`
  );
}

export function mergeScript(job: SlurmJob): string {
  const logs = join(slurmFolder(job.out), LOGS_FOLDER);
  const after = (job.afterMerge ?? []).map((words) => run(words.map(shellQuote)) + '\n').join('');
  return (
    header(job, 'Slurm job: merge the shards of the array job (submit with --dependency=afterok:<array job>).') +
    directives(job, [
      `--job-name=${job.jobName}-merge`,
      '--ntasks=1',
      '--cpus-per-task=1',
      `--time=${job.time}`,
      `--output=${logs}/%x-%j.out`,
      // A failed task makes the dependency unsatisfiable: cancel the merge instead of leaving it pending.
      '--kill-on-invalid-dep=yes',
    ]) +
    preamble(job) +
    `\n` +
    `shards=()\n` +
    `for ((i = 0; i < ${job.shards}; i++)); do shards+=("$out/shards/shard-$i"); done\n` +
    `# merge checks that the shards are all of one sweep, none missing or twice, each complete.\n` +
    `${run(['merge', '"${shards[@]}"', '--out', '"$out"'])}\n` +
    after
  );
}

export function submitScript(job: SlurmJob): string {
  const folder = slurmFolder(job.out);
  return (
    `#!/bin/bash\n` +
    `# Submit the array job (${job.shards} task${job.shards === 1 ? '' : 's'}) and the merge job that waits for all of them to succeed.\n` +
    `# Safe to run again after a failure: finished shards are kept and their tasks end in a second.\n` +
    `set -euo pipefail\n` +
    `here=${shellQuote(folder)}\n` +
    `mkdir -p "$here/${LOGS_FOLDER}"\n` +
    `array=$(sbatch --parsable "$@" "$here/${ARRAY_SCRIPT}")\n` +
    `array=\${array%%;*}\n` +
    `merge=$(sbatch --parsable "$@" --dependency=afterok:"$array" "$here/${MERGE_SCRIPT}")\n` +
    `merge=\${merge%%;*}\n` +
    `echo "array job $array (${job.shards} task${job.shards === 1 ? '' : 's'}), merge job $merge"\n` +
    `echo "follow: squeue -j $array,$merge   logs: $here/${LOGS_FOLDER}   results: ${shellQuote(job.out)}"\n`
  );
}

export function slurmScripts(job: SlurmJob): SlurmScripts {
  return { array: arrayScript(job), merge: mergeScript(job), submit: submitScript(job) };
}

/** How to submit, for the terminal. `shown` maps an absolute path to how the user should see it. */
export function submitInstructions(job: SlurmJob, shown: (path: string) => string = (path) => path): string {
  const folder = slurmFolder(job.out);
  return (
    `Submit (array job, then the merge after every task succeeded):\n` +
    `  bash ${shellQuote(shown(join(folder, SUBMIT_SCRIPT)))}\n` +
    `or by hand:\n` +
    `  array=$(sbatch --parsable ${shellQuote(shown(join(folder, ARRAY_SCRIPT)))})\n` +
    `  sbatch --dependency=afterok:\${array%%;*} ${shellQuote(shown(join(folder, MERGE_SCRIPT)))}\n` +
    `Follow with \`squeue --me\`; logs in ${shown(join(folder, LOGS_FOLDER))}. After a failure, fix its cause and\n` +
    `submit again: finished shards are kept, so their tasks end at once.\n`
  );
}
