/**
 * Running a sweep into a results directory: plan the pending runs (skipping finished ones on
 * resume), execute them in batches — in this thread for 1 thread, on a piscina pool of compiled
 * workers otherwise — append each finished batch to runs.jsonl, and leave the log canonical.
 *
 * Stopping: when `signal` aborts, nothing more is dispatched; batches in flight get `graceMs` to
 * finish (their runs are kept), then the pool is destroyed. Finished runs are never lost: each
 * batch is written as soon as it returns, so even SIGKILL loses only the batches in flight.
 */
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { openResultsDirectory, type OpenedDirectory } from './directory.js';
import { errorCode, WriteFailure, writeAll, type WriteBytes } from './files.js';
import { lockResults } from './lock.js';
import { encodeRecord, failedRecord, plannedRuns, runBatch, type BatchResult, type BatchTask } from './run-one.js';
import { canonicalize, STATUS_FAILED, STATUS_OK } from './runs-file.js';
import { shardRunIds, shardSize } from './shards.js';
import type { Manifest } from './types.js';

export interface SweepProgress {
  /** runs of this shard finished (ok or failed), including those found on resume */
  readonly done: number;
  readonly failed: number;
  /** runs of this shard in all */
  readonly total: number;
  /** runs finished before this session (resume) */
  readonly resumed: number;
}

export interface SweepOptions {
  readonly dir: string;
  readonly manifest: Manifest;
  /** worker threads; 1 runs in this thread */
  readonly threads: number;
  readonly resume?: boolean;
  readonly force?: boolean;
  readonly signal?: AbortSignal;
  /** how long batches in flight may take to finish after a stop (default 5 s) */
  readonly graceMs?: number;
  /** runs per task; default chosen from the number of runs and threads */
  readonly batchSize?: number;
  readonly onProgress?: (progress: SweepProgress) => void;
  /** called once the directory is open (after any refusal), before the first run */
  readonly onStart?: (start: SweepStart) => void;
  /** how bytes reach runs.jsonl (default writeSync): the seam tests use to fill the disk */
  readonly write?: WriteBytes;
}

export interface SweepStart {
  /** runs of this shard */
  readonly total: number;
  /** runs kept from before (resume) */
  readonly resumed: number;
  /** runs to do now */
  readonly pending: number;
  /** bytes of a torn last line that resume cut off */
  readonly repairedBytes: number;
}

export interface SweepOutcome {
  /** runs of this shard */
  readonly total: number;
  /** runs recorded ok / failed in the directory at the end */
  readonly ok: number;
  readonly failed: number;
  /** runs kept from before (resume) */
  readonly resumed: number;
  /** bytes of a torn last line that resume cut off */
  readonly repairedBytes: number;
  /** runs executed in this session */
  readonly ran: number;
  /** true when stopped by the signal before every run was done */
  readonly interrupted: boolean;
  /** runs in flight that were abandoned after the grace period */
  readonly abandoned: number;
  readonly seconds: number;
}

/** The compiled worker: next to this module in dist/, or dist/ when running from sources (tests). */
export function workerFile(): string {
  const sibling = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling.href;
  return new URL('../../dist/sweep/worker.js', import.meta.url).href;
}

function defaultBatchSize(pending: number, threads: number): number {
  // Enough tasks per thread to balance the load and stop promptly; few enough to keep overhead nil.
  return Math.max(1, Math.min(32, Math.floor(pending / (threads * 16))));
}

export async function runSweep(options: SweepOptions): Promise<SweepOutcome> {
  const { dir } = options;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code) throw new WriteFailure(dir, code, 'start', 0, shardSize(options.manifest.totalRuns, options.manifest.shard));
    throw error;
  }
  // One writer per folder, held until the log is canonical (src/sweep/lock.ts).
  const lock = lockResults(dir);
  try {
    return await runLocked(options);
  } finally {
    lock.release();
  }
}

async function runLocked(options: SweepOptions): Promise<SweepOutcome> {
  const started = performance.now();
  const { dir, manifest } = options;
  const replicates = manifest.sweep.replicates;
  const total = shardSize(manifest.totalRuns, manifest.shard);
  let opened: OpenedDirectory;
  try {
    opened = openResultsDirectory(dir, manifest, { resume: options.resume ?? false, force: options.force });
  } catch (error) {
    const code = errorCode(error);
    if (code) throw new WriteFailure(dir, code, 'start', 0, total);
    throw error;
  }

  const pending: number[] = [];
  let resumed = 0;
  let failed = 0;
  for (const id of shardRunIds(manifest.totalRuns, manifest.shard)) {
    // Failed runs are retried on resume: a failure may have been the machine's, not the model's.
    if (opened.index.status[id] === STATUS_OK) resumed++;
    else pending.push(id);
  }
  let done = resumed;
  const threads = Math.max(1, Math.floor(options.threads));
  const batchSize = options.batchSize ?? defaultBatchSize(pending.length, threads);
  const report = () => options.onProgress?.({ done, failed, total, resumed });
  options.onStart?.({ total, resumed, pending: pending.length, repairedBytes: opened.repairedBytes });
  report();

  const batches = function* (): Generator<BatchTask> {
    for (let start = 0; start < pending.length; start += batchSize) {
      const ids = pending.slice(start, start + batchSize);
      const points: Record<number, Manifest['points'][number]['values']> = {};
      for (const id of ids) {
        const point = Math.floor(id / replicates);
        points[point] = manifest.points[point].values;
      }
      const { seed, seeds } = manifest.sweep;
      yield { scenario: manifest.scenario, replicates, seed, seeds, ids, points };
    }
  };

  // Stop dispatching on the user's signal, or when the log can no longer be written.
  const stop = new AbortController();
  const forward = (): void => stop.abort();
  options.signal?.addEventListener('abort', forward, { once: true });
  if (options.signal?.aborted) stop.abort();
  const signal = stop.signal;

  const fd = openSync(opened.runsPath, 'a');
  let ran = 0;
  let writeError: WriteFailure | undefined;
  const record = (result: BatchResult): void => {
    if (writeError) return; // batches still in flight after the disk filled: not kept
    try {
      writeAll(fd, Buffer.from(result.text), options.write);
    } catch (error) {
      const code = errorCode(error);
      if (!code) throw error;
      // The runs written so far are whole lines; a torn last line is cut on --resume.
      writeError = new WriteFailure(opened.runsPath, code, 'runs', resumed + ran, total);
      stop.abort();
      return;
    }
    ran += result.ids.length;
    done += result.ids.length;
    failed += result.failedIds.length;
    report();
  };

  let abandoned = 0;
  try {
    if (pending.length === 0) {
      // nothing left to do (a resume of a finished sweep)
    } else if (threads === 1) {
      for (const task of batches()) {
        if (signal.aborted) break;
        record(runBatch(task));
        // Let signal handlers and progress timers run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } else {
      // No more workers than batches: a small sweep should not pay for idle threads.
      const poolSize = Math.min(threads, Math.ceil(pending.length / batchSize));
      abandoned = await runOnPool(batches(), poolSize, record, signal, options.graceMs ?? 5000);
    }
  } finally {
    closeSync(fd);
    options.signal?.removeEventListener('abort', forward);
  }
  if (writeError) throw writeError;

  let index: ReturnType<typeof canonicalize>;
  try {
    index = canonicalize(opened.runsPath, manifest.totalRuns, options.write);
  } catch (error) {
    const code = errorCode(error);
    if (!code) throw error;
    // The sorted copy was abandoned: the log is whole, holding every run, in completion order.
    throw new WriteFailure(opened.runsPath, code, 'sort', resumed + ran, total);
  }
  let ok = 0;
  let failedAtEnd = 0;
  for (const id of shardRunIds(manifest.totalRuns, manifest.shard)) {
    if (index.status[id] === STATUS_OK) ok++;
    else if (index.status[id] === STATUS_FAILED) failedAtEnd++;
  }
  return {
    total,
    ok,
    failed: failedAtEnd,
    resumed,
    repairedBytes: opened.repairedBytes,
    ran,
    interrupted: ok + failedAtEnd < total,
    abandoned,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Dispatch batches to a pool, at most two per thread in flight; returns the runs abandoned. */
async function runOnPool(
  tasks: Iterator<BatchTask>,
  threads: number,
  record: (result: BatchResult) => void,
  signal: AbortSignal | undefined,
  graceMs: number,
): Promise<number> {
  const pool = new Piscina<BatchTask, BatchResult>({
    filename: workerFile(),
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
    // A run leaves ~140 KB of garbage (foundation) and nothing that outlives it: V8's default young
    // generation grows to ~48 MB per worker for nothing. At 16 MB the collector's share of a
    // worker's time stays ~5 % (at 4 MB it doubled) and a 20,000-run sweep peaks at ~255 MB
    // instead of ~310 on 2 threads (see docs/PERFORMANCE.md).
    resourceLimits: { maxYoungGenerationSizeMb: 16 },
  });
  const inFlight = new Map<Promise<void>, BatchTask>();
  let destroyed = false;
  const dispatch = (task: BatchTask): void => {
    const promise: Promise<void> = pool
      .run(task)
      .then(record, (error: unknown) => {
        // A worker that died (e.g. out of memory) fails its batch; the sweep goes on.
        if (destroyed) return;
        record({
          text: plannedRuns(task).map((run) => encodeRecord(failedRecord(run, error))).join(''),
          ids: task.ids,
          failedIds: task.ids,
        });
      })
      .finally(() => inFlight.delete(promise));
    inFlight.set(promise, task);
  };

  const stopped = aborted(signal);
  let next = tasks.next();
  try {
    while (!signal?.aborted && (!next.done || inFlight.size > 0)) {
      while (!signal?.aborted && !next.done && inFlight.size < threads * 2) {
        dispatch(next.value);
        next = tasks.next();
      }
      if (inFlight.size === 0) break;
      await Promise.race([...inFlight.keys(), stopped]);
    }
    if (inFlight.size === 0) return 0;
    // Stopped: give the batches in flight a grace period, then abandon them.
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const outcome = await Promise.race([Promise.all(inFlight.keys()).then(() => 'settled' as const), grace]);
    clearTimeout(timer);
    if (outcome === 'settled') return 0;
    let abandoned = 0;
    for (const task of inFlight.values()) abandoned += task.ids.length;
    return abandoned;
  } finally {
    destroyed = true;
    await pool.destroy();
  }
}

function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return new Promise(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
