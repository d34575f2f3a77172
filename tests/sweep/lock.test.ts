import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/sweep/execute.js';
import { LOCK_DIR, LOCK_HOLDER, lockResults } from '../../src/sweep/lock.js';
import { createManifest, RUNS_FILE } from '../../src/sweep/manifest.js';
import { mergeShards } from '../../src/sweep/merge.js';
import { compareSweep } from '../../src/sweep/presets.js';
import { BIN, ROOT } from '../cli/cli.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'concentric-lock-'));
}

function tinyManifest() {
  const { spec, scenario } = compareSweep({ scenario: 'foundation', overrides: ['months=3', 'organization.staff=40', 'organization.units=4'], lengths: [3, 6], replicates: 2, seed: 1 });
  return createManifest(spec, scenario, null);
}

describe('the results-folder lock', () => {
  it('refuses a second writer, naming the holder pid and host; gives the folder back on release', () => {
    const dir = folder();
    const lock = lockResults(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_HOLDER), 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => lockResults(dir)).toThrow(
      new RegExp(`^${dir}: expected a results folder no other sweep is writing, got one locked by pid ${process.pid} on ${hostname()} \\(since .*\\); wait for it to finish, or choose another --out$`),
    );
    lock.release();
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false);
    expect(existsSync(join(dir, LOCK_HOLDER))).toBe(false);
    lockResults(dir).release(); // free again
  });

  it('takes over a lock left by a killed sweep on this host at once (kill -9, then --resume)', () => {
    const dir = folder();
    mkdirSync(join(dir, LOCK_DIR));
    // A pid that is not running: the highest possible, never handed out in practice.
    writeFileSync(join(dir, LOCK_HOLDER), JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const lock = lockResults(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_HOLDER), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a fresh lock held from another host', () => {
    const dir = folder();
    mkdirSync(join(dir, LOCK_DIR));
    writeFileSync(join(dir, LOCK_HOLDER), JSON.stringify({ pid: 1, host: 'other-node-7', since: '2026-01-01T00:00:00.000Z' }));
    expect(() => lockResults(dir)).toThrow(/locked by pid 1 on other-node-7/);
  });

  it('runSweep and mergeShards refuse a folder another writer holds, and touch nothing in it', async () => {
    const dir = folder();
    const lock = lockResults(dir);
    await expect(runSweep({ dir, manifest: tinyManifest(), threads: 1 })).rejects.toThrow(/locked by pid/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    expect(() => mergeShards([join(dir, 'nothing')], dir)).toThrow(); // refused before or at the lock
    lock.release();
    const outcome = await runSweep({ dir, manifest: tinyManifest(), threads: 1 });
    expect(outcome.ok).toBe(4);
    expect(existsSync(join(dir, LOCK_DIR))).toBe(false); // released at the end
  });

  it('two compares started on one folder: the second exits 2 naming the first; the first loses no run', async () => {
    const dir = folder();
    const out = join(dir, 'shared');
    const args = ['compare', 'foundation', '--lengths', '6,12', '--reps', '100', '--months', '12', '--threads', '2', '--out', out, '--no-report', '--quiet'];
    const start = () => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
      return { child, done };
    };
    const first = start();
    // Once the first holds the folder, freeze it (SIGSTOP) so the second surely starts while the
    // first is mid-sweep, however fast or loaded the machine; then let it finish.
    const deadline = Date.now() + 60_000;
    while (!existsSync(join(out, LOCK_HOLDER)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGSTOP');
    const second = await start().done;
    first.child.kill('SIGCONT');
    const firstDone = await first.done;
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^concentric: ${out}: expected a results folder no other sweep is writing, got one locked by pid ${first.child.pid} on ${hostname()} `));
    expect(firstDone).toEqual({ code: 0, stderr: '' });
    const ids = readFileSync(join(out, RUNS_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line).id as number);
    expect(ids).toEqual(Array.from({ length: 200 }, (_, id) => id));
  }, 120_000);
});
