/**
 * One writer per results folder. A sweep takes an exclusive lock on its folder before it touches
 * anything there, and holds it until its log is canonical: two sweeps on one `--out` would
 * otherwise delete and rename each other's runs.jsonl and lose runs without a word.
 *
 * The lock is proper-lockfile's: a directory `<dir>/.concentric.lock` made atomically (mkdir),
 * its mtime refreshed while held. Beside it `.concentric.lock.json` names the holder (pid, host,
 * start) for the refusal message. A lock left by a killed sweep is stale and taken over when its
 * holder is gone: on the same host, when that pid no longer runs (at once, so `kill -9` then
 * `--resume` just works); from another host (a shared file system), when its mtime is older than
 * STALE_MS. A live holder on this host is never overridden, however long a batch blocks its timer.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { InputError } from '../scenarios/index.js';

export const LOCK_DIR = '.concentric.lock';
export const LOCK_HOLDER = '.concentric.lock.json';
/** A lock from another host whose mtime is older than this is stale (its holder refreshes it every STALE_MS / 2). */
export const STALE_MS = 5 * 60_000;

export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

export interface ResultsLock {
  /** Give the folder back (idempotent). */
  release(): void;
  /** Set when another process removed or replaced the lock while it was held. */
  readonly compromised: () => Error | undefined;
}

function readHolder(dir: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(join(dir, LOCK_HOLDER), 'utf8')) as Partial<LockHolder>;
    if (typeof holder.pid === 'number' && typeof holder.host === 'string') {
      return { pid: holder.pid, host: holder.host, since: String(holder.since ?? '') };
    }
  } catch {
    // missing or half-written: the holder is unknown
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the holder ran on this host and is gone: its lock can be taken over now. */
function holderIsGone(holder: LockHolder | undefined): boolean {
  return holder !== undefined && holder.host === hostname() && holder.pid !== process.pid && !isRunning(holder.pid);
}

function refusal(dir: string, holder: LockHolder | undefined): InputError {
  const who = holder
    ? `pid ${holder.pid} on ${holder.host}${holder.since ? ` (since ${holder.since})` : ''}`
    : 'another process (holder not yet recorded)';
  return new InputError(
    `${dir}: expected a results folder no other sweep is writing, got one locked by ${who}; wait for it to finish, or choose another --out`,
  );
}

/**
 * A lock taken an instant ago has its directory but not yet its holder note (written right after):
 * wait up to half a second for it, so the refusal can name the holder rather than "not yet recorded".
 */
function awaitHolder(dir: string): LockHolder | undefined {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < 500; waited += 25) {
    Atomics.wait(pause, 0, 0, 25);
    const holder = readHolder(dir);
    if (holder) return holder;
  }
  return undefined;
}

/** Take the folder's lock (the folder must exist), or throw an InputError naming the holder. */
export function lockResults(dir: string): ResultsLock {
  const lockPath = join(dir, LOCK_DIR);
  const holderPath = join(dir, LOCK_HOLDER);
  let compromised: Error | undefined;
  const options = {
    lockfilePath: lockPath,
    realpath: false,
    stale: STALE_MS,
    // Default would throw from a timer and kill the sweep; the runs on disk are still good.
    onCompromised: (error: Error) => {
      compromised = error;
    },
  };
  const take = (): (() => void) => {
    const holder = readHolder(dir);
    // A live holder here is never stale, even if a long batch kept it from refreshing the mtime.
    if (existsSync(lockPath) && holder && holder.host === hostname() && !holderIsGone(holder)) throw refusal(dir, holder);
    return lockfile.lockSync(dir, options);
  };
  let unlock: () => void;
  try {
    unlock = take();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = readHolder(dir) ?? awaitHolder(dir);
    if (!holderIsGone(holder)) throw refusal(dir, holder);
    // Left by a sweep that was killed on this host: take it over.
    rmSync(lockPath, { recursive: true, force: true });
    try {
      unlock = take();
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw refusal(dir, readHolder(dir));
      throw again;
    }
  }
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(holderPath, JSON.stringify(holder) + '\n');
  // proper-lockfile removes its directory when the process exits (a second Ctrl-C); the note too.
  const forget = (): void => {
    if (readHolder(dir)?.pid === process.pid) rmSync(holderPath, { force: true });
  };
  process.once('exit', forget);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      process.off('exit', forget);
      forget();
      try {
        unlock();
      } catch {
        // already gone (compromised): nothing to give back
      }
    },
    compromised: () => compromised,
  };
}
