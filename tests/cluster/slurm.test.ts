/**
 * End to end on a real single-node Slurm (scripts/slurm/start.sh: munged, slurmctld, slurmd from
 * the Debian packages, config in a work folder): `concentric slurm` writes the array and merge
 * jobs, submit.sh submits them, squeue is polled until they end, and the merged runs.jsonl must
 * be byte-identical to the same compare run locally. Also: a failing task cancels the merge and a
 * second submission finishes the sweep; tasks that run again (at once, or after a kill tore their
 * shard) leave their shard's bytes unchanged; merge refuses missing, duplicated or foreign shards.
 *
 * Needs root and the packages (`.ci/run` installs them). Skipped with a reason outside CI; under
 * CI (CI=true) a missing Slurm fails the test instead of skipping it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../cli/cli.js';
import { failRunsEnv } from '../support/fail-runs-env.js';
import { cleanEnv, logTails, waitForJobs } from './helpers.js';

const START = join(ROOT, 'scripts/slurm/start.sh');
const STOP = join(ROOT, 'scripts/slurm/stop.sh');
const CI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());

function onPath(tool: string): boolean {
  return spawnSync('bash', ['-c', `command -v ${tool}`], { stdio: 'ignore', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } }).status === 0;
}

/** Why this machine cannot run a Slurm here, or null when it can. */
function whyNoSlurm(): string | null {
  if (process.platform !== 'linux') return `Slurm needs Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'scripts/slurm/start.sh needs root (SlurmUser=root, munged as the munge user)';
  const missing = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo'].filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    return `${missing.join(', ')} not installed (apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge; .ci/run does it as root on Debian)`;
  }
  return null;
}

const unavailable = whyNoSlurm();
if (unavailable !== null && !CI) process.stderr.write(`tests/cluster/slurm.test.ts: skipped: ${unavailable}\n`);

/** A port nothing listens on now, so this Slurm does not meet another one. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const LOCAL_ARGS = ['--lengths', '6,12', '--reps', '6', '--months', '6', '--no-report'];

describe.skipIf(unavailable !== null && !CI)('Slurm end to end (single node from Debian packages)', () => {
  const root = mkdtempSync(join(tmpdir(), 'concentric-slurm-'));
  const work = join(root, 'slurm');
  const out = join(root, 'cluster');
  const local = join(root, 'local');
  let env: NodeJS.ProcessEnv = cleanEnv();
  const diagnostics = (): string => logTails([join(out, 'slurm', 'logs'), join(work, 'log')]);

  function concentric(args: readonly string[]): SpawnSyncReturns<string> {
    return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  }

  /** submit.sh, as a user runs it; returns the array and merge job ids it printed. */
  function submit(extraEnv: NodeJS.ProcessEnv = {}): { array: string; merge: string } {
    const result = spawnSync('bash', [join(out, 'slurm', 'submit.sh')], { env: { ...env, ...extraEnv }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const match = /^array job (\d+) \(3 tasks\), merge job (\d+)$/m.exec(result.stdout);
    expect(match, result.stdout).not.toBeNull();
    return { array: match![1], merge: match![2] };
  }

  function sbatch(args: readonly string[]): string {
    const result = spawnSync('sbatch', ['--parsable', ...args], { env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.trim().split(';')[0];
  }

  const read = (path: string): string => readFileSync(path, 'utf8');
  const shard = (index: number, file: string): string => join(out, 'shards', `shard-${index}`, file);

  beforeAll(async () => {
    if (unavailable !== null) {
      throw new Error(`CI=true but the Slurm end-to-end test cannot run: ${unavailable}. See .ci/run's output for why Slurm was not installed.`);
    }
    chmodSync(root, 0o755); // munged runs as the munge user and must reach its folder inside
    const ports = { SLURMCTLD_PORT: String(await freePort()), SLURMD_PORT: String(await freePort()) };
    const started = spawnSync('bash', [START, work], { env: { ...env, ...ports }, encoding: 'utf8', timeout: 90_000 });
    if (started.status !== 0) {
      throw new Error(`scripts/slurm/start.sh failed (exit ${started.status}): ${started.stderr.trim()}\n${logTails([join(work, 'log'), join(work, 'munge')])}`);
    }
    env = cleanEnv({ SLURM_CONF: join(work, 'slurm.conf') });
    const reference = concentric(['compare', ...LOCAL_ARGS, '--quiet', '--out', local]);
    expect(reference.status, reference.stderr).toBe(0);
  });

  afterAll(() => {
    // Always: the daemons must not outlive the test, whatever happened.
    spawnSync('bash', [STOP, work], { stdio: 'ignore', timeout: 60_000 });
    rmSync(root, { recursive: true, force: true });
  });

  it('concentric slurm writes the array job, the merge job and submit.sh after its checks', () => {
    const result = concentric(['slurm', 'compare', ...LOCAL_ARGS, '--shards', '3', '--cpus', '1', '--time', '10', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/12 runs \(sweepHash [0-9a-f]{16}\) as 3 array tasks of about 4 runs, 1 CPU and 10 each/);
    expect(result.stdout).toContain('bash ');
    for (const file of ['array.sbatch', 'merge.sbatch', 'submit.sh', 'plan.json']) expect(existsSync(join(out, 'slurm', file))).toBe(true);
    const plan = JSON.parse(read(join(out, 'slurm', 'plan.json'))) as { sweepHash: string };
    expect(plan.sweepHash).toBe((JSON.parse(read(join(local, 'manifest.json'))) as { sweepHash: string }).sweepHash);
  });

  it('a task whose run fails exits 1 and the merge is cancelled, not left pending', async () => {
    // Run 4 belongs to shard 1 (4 mod 3); the test hook makes it throw in that task only.
    const { array, merge } = submit(failRunsEnv([4], env));
    const states = await waitForJobs([array, merge], env, diagnostics);
    expect(Object.fromEntries(states), diagnostics()).toEqual({
      [`${array}_0`]: 'COMPLETED',
      [`${array}_1`]: 'FAILED',
      [`${array}_2`]: 'COMPLETED',
      [merge]: 'CANCELLED',
    });
    expect(read(shard(1, 'runs.jsonl'))).toMatch(/^\{"id":4,.*"status":"failed"/m);
    expect(existsSync(join(out, 'runs.jsonl'))).toBe(false);
  }, 180_000);

  it('submitting again finishes the sweep: the merged runs.jsonl is byte-identical to the local run', async () => {
    const { array, merge } = submit();
    const states = await waitForJobs([array, merge], env, diagnostics);
    expect([...states.values()], diagnostics()).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(read(join(out, 'runs.jsonl'))).toBe(read(join(local, 'runs.jsonl')));
    const merged = JSON.parse(read(join(out, 'manifest.json')));
    const reference = JSON.parse(read(join(local, 'manifest.json')));
    expect({ ...merged, createdAt: null }).toEqual({ ...reference, createdAt: null });
    // Each task said which shard it ran, and where that came from.
    const log = read(join(out, 'slurm', 'logs', `concentric-foundation-engagement-length-${array}_2.out`));
    expect(log).toContain('shard 2/3 (from SLURM_ARRAY_TASK_ID=2, CONCENTRIC_SHARD_COUNT=3)');
  }, 180_000);

  it('tasks that run again — twice at once, or after a kill tore their shard — leave the same bytes', async () => {
    const before = [0, 1, 2].map((index) => [read(shard(index, 'manifest.json')), read(shard(index, 'runs.jsonl'))]);
    const merged = read(join(out, 'runs.jsonl'));
    // Shard 1 lost its runs; shard 2 was killed mid-write: one line and half of the next are left.
    unlinkSync(shard(1, 'runs.jsonl'));
    const lines = before[2][1].split('\n');
    writeFileSync(shard(2, 'runs.jsonl'), `${lines[0]}\n${lines[1].slice(0, lines[1].length >> 1)}`);
    // Resubmit tasks 1 and 2 (a partial array: SLURM_ARRAY_TASK_COUNT=2) and task 1 once more at the same time.
    const again = sbatch(['--array=1,2', join(out, 'slurm', 'array.sbatch')]);
    const twice = sbatch(['--array=1', join(out, 'slurm', 'array.sbatch')]);
    const states = await waitForJobs([again, twice], env, diagnostics);
    expect([...states.values()], diagnostics()).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect([0, 1, 2].map((index) => [read(shard(index, 'manifest.json')), read(shard(index, 'runs.jsonl'))])).toEqual(before);
    const mergeAgain = sbatch([join(out, 'slurm', 'merge.sbatch')]);
    expect([...(await waitForJobs([mergeAgain], env, diagnostics)).values()]).toEqual(['COMPLETED']);
    expect(read(join(out, 'runs.jsonl'))).toBe(merged);
  }, 180_000);

  it('merge refuses missing, duplicated or foreign shards with exit 2 and one line', () => {
    const dirs = [0, 1, 2].map((index) => join(out, 'shards', `shard-${index}`));
    const foreign = join(root, 'foreign-2');
    const other = concentric(['compare', ...LOCAL_ARGS, '--seed', '2', '--shard', '2/3', '--quiet', '--out', foreign]);
    expect(other.status, other.stderr).toBe(0);
    const cases: [string[], RegExp][] = [
      [[dirs[0], dirs[2]], /^concentric: shard 1\/3 missing: expected all 3 shards, got 0\/3, 2\/3\n$/],
      [[...dirs, dirs[1]], /^concentric: shard 1\/3 given twice: .*shard-1 and .*shard-1; expected each shard once\n$/],
      [[dirs[0], dirs[1], foreign], /^concentric: .*foreign-2: expected a shard of the same sweep as .*shard-0 \(sweepHash [0-9a-f]{16}, .*\), got sweepHash [0-9a-f]{16} .*\n$/],
    ];
    for (const [shards, message] of cases) {
      const result = concentric(['merge', ...shards, '--out', join(root, 'refused')]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});
