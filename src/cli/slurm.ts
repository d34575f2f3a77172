/**
 * `concentric slurm <sweep.yaml | compare [args]> --shards N`: a sweep as a Slurm array job (one
 * shard per task, many runs per task) plus a merge job that waits for it (afterok). Checks what it
 * can before anything is submitted — the sweep or compare arguments, the node the jobs will run,
 * the results folder — writes the scripts (src/sweep/cluster) and prints how to submit them.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { InputError, type Scenario } from '../scenarios/index.js';
import { createManifest, formatShard, loadSweepFile, MANIFEST_FILE, readManifest, type Manifest, type SweepSpec } from '../sweep/index.js';
import {
  ARRAY_SCRIPT,
  checkBatchPath,
  DEFAULT_MAX_ARRAY_SIZE,
  LOGS_FOLDER,
  MERGE_SCRIPT,
  NODE_RANGE,
  nodeSupported,
  parseSlurmTime,
  PLAN_FILE,
  shardFolder,
  slurmFolder,
  slurmNameOption,
  slurmScripts,
  submitInstructions,
  SUBMIT_SCRIPT,
  type SlurmJob,
} from '../sweep/cluster/index.js';
import { writeFileAtomic } from '../sweep/files.js';
import { compareSpec, parseCompareArgs } from './compare.js';
import { integerOption } from './options.js';

interface SlurmFlags {
  shards: number;
  cpus: number;
  time: string;
  partition?: string;
  account?: string;
  jobName?: string;
  sbatch: string[];
  out?: string;
  node: string;
}

/** What the array tasks run, planned and validated here. */
interface Planned {
  readonly spec: SweepSpec;
  readonly scenario: Scenario;
  /** the sweep command without execution flags */
  readonly command: string[];
  readonly defaultOut: string;
  /** what the merge job runs after merging, given the absolute results folder */
  readonly afterMerge: (out: string) => string[][];
}

export const DEFAULT_CPUS = 4;
export const DEFAULT_TIME = '1:00:00';

/** The flags a task sets itself; in compare arguments they would fight the script. */
const EXECUTION_FLAGS: Record<string, string> = {
  threads: '--threads: a task runs one thread per CPU; use --cpus instead',
  shard: '--shard: task i runs shard i; use --shards N instead',
  resume: '--resume: tasks always resume their shard; leave it out',
  force: '--force: tasks never replace a shard; leave it out (or choose another --out)',
  quiet: '--quiet: task logs keep their progress lines; leave it out',
};

/** compare's arguments through compare's own parser, so they mean exactly what they mean there. */
function planCompare(args: readonly string[]): Planned {
  const { ref, flags, fromCommandLine } = parseCompareArgs(args);
  for (const [name, message] of Object.entries(EXECUTION_FLAGS)) {
    if (fromCommandLine.has(name)) throw new InputError(message);
  }
  // The sweep exactly as `concentric compare` builds it.
  const { spec, scenario } = compareSpec(ref, flags);
  const margin = fromCommandLine.has('margin') ? ['--margin', String(flags.margin)] : [];
  return {
    spec,
    scenario,
    command: ['compare', ...args],
    defaultOut: 'report',
    afterMerge: (out) => (flags.report ? [['report', out, ...margin]] : []),
  };
}

function planSweepFile(file: string, rest: readonly string[]): Planned {
  if (rest.length > 0) {
    throw new InputError(`slurm: expected only the sweep file, got more: ${rest.join(' ')} (compare arguments follow the word compare)`);
  }
  const { spec, scenario } = loadSweepFile(file);
  return {
    spec,
    scenario,
    command: ['sweep', resolve(file)],
    // As `concentric sweep` names its default folder.
    defaultOut: `results/${spec.name.replace(/[^\w.-]+/g, '-') || basename(file)}`,
    afterMerge: () => [],
  };
}

/** The node binary as an absolute path: a bare name is looked up on PATH, as a shell would. */
function nodePath(node: string): string {
  if (node.includes('/')) return resolve(node);
  const found = (process.env.PATH ?? '').split(':').map((folder) => join(folder || '.', node)).find((path) => existsSync(path));
  if (!found) throw new InputError(`--node: expected a Node.js binary, found no ${JSON.stringify(node)} on PATH`);
  return resolve(found);
}

function checkNode(node: string): string {
  if (node === process.execPath) return process.version;
  const result = spawnSync(node, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.error || result.status !== 0) {
    throw new InputError(`--node: expected a Node.js binary, could not run ${JSON.stringify(node)} (${result.error?.message ?? `exit ${result.status}`})`);
  }
  const version = result.stdout.trim();
  if (!nodeSupported(version)) throw new InputError(`--node: expected Node ${NODE_RANGE}, got ${version} at ${node}`);
  return version;
}

function checkWritable(out: string): void {
  const probe = join(out, `.concentric-write-test-${process.pid}`);
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new InputError(`--out ${out}: expected a folder this user can write, got ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Results already in the folder must be this sweep's, split the same way; returns shards already started. */
function checkExisting(out: string, manifest: Manifest, shards: number): number {
  const other = (dir: string, found: Manifest): InputError =>
    new InputError(
      `${dir}: expected an empty folder or results of this sweep (sweepHash ${manifest.sweepHash}), got another sweep's (sweepHash ${found.sweepHash}, "${found.sweep.name}"); choose another --out`,
    );
  if (existsSync(join(out, MANIFEST_FILE))) {
    const found = readManifest(out);
    if (found.sweepHash !== manifest.sweepHash) throw other(out, found);
  }
  let started = 0;
  for (let index = 0; index < shards; index++) {
    const dir = shardFolder(out, index);
    if (!existsSync(join(dir, MANIFEST_FILE))) continue;
    const found = readManifest(dir);
    if (found.sweepHash !== manifest.sweepHash) throw other(dir, found);
    const expected = formatShard({ index, count: shards });
    if (formatShard(found.shard) !== expected) {
      throw new InputError(`${dir}: expected ${expected} of this sweep, got ${formatShard(found.shard)} (another --shards); remove ${join(out, 'shards')} or choose another --out`);
    }
    started++;
  }
  return started;
}

/** sinfo knows the partition (checked only where sinfo answers). */
function checkPartition(partition: string, warn: (text: string) => void): void {
  const result = spawnSync('sinfo', ['-h', '-o', '%R'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error || result.status !== 0) {
    warn(`could not check --partition ${partition} here (sinfo: ${result.error?.message ?? result.stderr.trim().split('\n')[0]})`);
    return;
  }
  const known = result.stdout.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  if (!known.includes(partition)) throw new InputError(`--partition: expected a partition of this cluster (${known.join(', ') || 'none listed'}), got ${JSON.stringify(partition)}`);
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(':').some((folder) => folder !== '' && existsSync(join(folder, tool)));
}

function sbatchOption(text: string, previous: string[] = []): string[] {
  if (!/^--?[A-Za-z][\w-]*(=\S.*)?$/.test(text) || /[\n\r]/.test(text)) {
    throw new InputError(`--sbatch: expected one sbatch option such as --qos=short or --mem=8G, got ${JSON.stringify(text)}`);
  }
  const name = text.replace(/^-+/, '').split('=')[0];
  if (['array', 'a', 'output', 'o', 'error', 'e', 'chdir', 'D', 'dependency', 'd', 'cpus-per-task', 'c', 'job-name', 'J', 'ntasks', 'n'].includes(name)) {
    throw new InputError(`--sbatch: ${text} is set by the generated scripts (use --shards, --cpus, --job-name or --out), got it as an extra option`);
  }
  return [...previous, text];
}

function shown(path: string): string {
  const relativePath = relative(process.cwd(), path);
  return relativePath === '' ? '.' : relativePath.startsWith('..') ? path : relativePath;
}

export function registerSlurm(program: Command): void {
  program
    .command('slurm')
    .summary('write Slurm array-job scripts for a sweep or compare: one shard per task, then a merge')
    .description(
      'Write a Slurm array job that runs the sweep in --shards shards (task i runs\n' +
        'shard i, many runs per task, threads = --cpus) and a merge job that combines\n' +
        'them once every task succeeded (afterok); print how to submit. The merged\n' +
        'runs.jsonl is byte-identical to the same sweep run on one machine. Tasks\n' +
        'resume their shard, so a task that runs twice or is resubmitted after a\n' +
        'failure leaves the same results. Checked before writing: the sweep file or\n' +
        'compare arguments, the node the jobs run (Node ' + NODE_RANGE + '),\n' +
        'the results folder. Layout: <out>/shards/shard-i, <out>/slurm/. See\n' +
        'docs/CLUSTER.md.',
    )
    .argument('<target...>', 'a sweep file, or the word compare then compare\'s arguments (scenario, --lengths, --reps, --months, --set, …)')
    .requiredOption('--shards <n>', 'array tasks = shards (at most the number of runs)', integerOption('--shards', 1, 1_000_000))
    .option('--cpus <n>', 'CPUs per array task; each task runs that many worker threads', integerOption('--cpus', 1, 1024), DEFAULT_CPUS)
    .option('--time <limit>', 'time limit per task and for the merge (Slurm format)', parseSlurmTime, DEFAULT_TIME)
    .option('--partition <name>', 'Slurm partition (default: the cluster default)', slurmNameOption('--partition'))
    .option('--account <name>', 'Slurm account to charge', slurmNameOption('--account'))
    .option('--job-name <name>', 'Slurm job name (default: concentric-<sweep name>)', slurmNameOption('--job-name'))
    .addOption(new Option('--sbatch <option>', 'another #SBATCH option for both jobs, e.g. --sbatch=--qos=short (repeatable)').argParser(sbatchOption).default([], 'none'))
    .option('--out <dir>', 'results folder: merged results, shards/ and slurm/ (default: as compare or sweep)')
    .option('--node <path>', 'the node binary the jobs run', process.execPath)
    .allowUnknownOption() // compare's options pass through to compare's own parser
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric slurm sweeps/lengths.yaml --shards 20 --cpus 8 --time 2:00:00\n' +
        '  concentric slurm compare --lengths 6,12,18 --reps 2000 --shards 10 --out results/big\n' +
        '  concentric slurm compare my-org.yaml --set isps.count=3 --shards 4 --partition short\n' +
        '  bash results/big/slurm/submit.sh     # then: squeue --me\n',
    )
    .action(async ([target, ...rest]: string[], flags: SlurmFlags) => {
      const warn = (text: string): void => void process.stderr.write(`concentric: warning: ${text}\n`);
      if (target.startsWith('-')) throw new InputError(`slurm: expected a sweep file or the word compare before compare's options, got ${target}`);
      const planned = target === 'compare' ? planCompare(rest) : planSweepFile(target, rest);
      const manifest = createManifest(planned.spec, planned.scenario, null);
      if (flags.shards > manifest.totalRuns) {
        throw new InputError(`--shards: expected at most the sweep's ${manifest.totalRuns} runs (one run per task at least), got ${flags.shards}`);
      }
      const out = checkBatchPath('--out', resolve(flags.out ?? planned.defaultOut));
      const workdir = checkBatchPath('the working folder', process.cwd());
      const node = nodePath(flags.node);
      const version = checkNode(node);
      checkWritable(out);
      const started = checkExisting(out, manifest, flags.shards);
      if (flags.partition && onPath('sinfo')) checkPartition(flags.partition, warn);

      const job: SlurmJob = {
        sweepName: planned.spec.name,
        sweepHash: manifest.sweepHash,
        totalRuns: manifest.totalRuns,
        version: manifest.version,
        jobName: flags.jobName ?? `concentric-${planned.spec.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}`.slice(0, 64),
        shards: flags.shards,
        cpus: flags.cpus,
        time: flags.time,
        partition: flags.partition,
        account: flags.account,
        extra: flags.sbatch,
        workdir,
        node,
        cli: fileURLToPath(new URL('./main.js', import.meta.url)),
        command: planned.command,
        out,
        afterMerge: planned.afterMerge(out),
      };
      const folder = slurmFolder(out);
      mkdirSync(join(folder, LOGS_FOLDER), { recursive: true });
      const scripts = slurmScripts(job);
      for (const [name, text] of [
        [ARRAY_SCRIPT, scripts.array],
        [MERGE_SCRIPT, scripts.merge],
        [SUBMIT_SCRIPT, scripts.submit],
      ] as const) {
        writeFileAtomic(join(folder, name), text);
        chmodSync(join(folder, name), 0o755);
      }
      const perTask = Math.ceil(manifest.totalRuns / flags.shards);
      writeFileAtomic(
        join(folder, PLAN_FILE),
        JSON.stringify(
          {
            tool: 'concentric',
            version: manifest.version,
            sweep: planned.spec.name,
            sweepHash: manifest.sweepHash,
            totalRuns: manifest.totalRuns,
            shards: flags.shards,
            runsPerTask: perTask,
            cpus: flags.cpus,
            time: flags.time,
            partition: flags.partition ?? null,
            node: job.node,
            nodeVersion: version,
            command: planned.command,
            out,
            createdAt: new Date().toISOString(),
          },
          null,
          2,
        ) + '\n',
      );

      if (flags.shards >= DEFAULT_MAX_ARRAY_SIZE) {
        warn(`--shards ${flags.shards}: Slurm's default MaxArraySize is ${DEFAULT_MAX_ARRAY_SIZE} (task ids 0–1000); check \`scontrol show config | grep MaxArraySize\``);
      }
      if (perTask < flags.cpus) warn(`about ${perTask} run${perTask === 1 ? '' : 's'} per task for ${flags.cpus} CPUs: threads will idle; use fewer --shards or --cpus`);
      if (!onPath('sbatch')) warn('sbatch is not on PATH here: submit from a login node of the cluster (the scripts name this machine\'s paths)');
      process.stdout.write(
        `"${planned.spec.name}": ${manifest.totalRuns} runs (sweepHash ${manifest.sweepHash}) as ${flags.shards} array task${flags.shards === 1 ? '' : 's'} ` +
          `of about ${perTask} run${perTask === 1 ? '' : 's'}, ${flags.cpus} CPU${flags.cpus === 1 ? '' : 's'} and ${flags.time} each; node ${version}\n` +
          `  ${shown(join(folder, ARRAY_SCRIPT))}  task i runs shard i/${flags.shards} into ${shown(join(out, 'shards'))}/shard-i (resuming)\n` +
          `  ${shown(join(folder, MERGE_SCRIPT))}  merges them into ${shown(out)}${job.afterMerge!.length > 0 ? ', then builds the report' : ''}\n` +
          `  ${shown(join(folder, SUBMIT_SCRIPT))}     submits both\n` +
          (started > 0 ? `${started} of ${flags.shards} shards already hold runs of this sweep: their tasks resume them.\n` : '') +
          submitInstructions(job, shown),
      );
    });
}
