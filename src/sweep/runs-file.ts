/**
 * runs.jsonl: the append-only run log and its canonical form.
 *
 * During a sweep, finished batches are appended in completion order (one write per batch, so a
 * kill loses at most the batches in flight and can tear only the last line). `indexRuns` scans a
 * log without parsing the series: each line starts `{"id":…,"point":…,"replicate":…,"seed":…,
 * "status":…` (encodeRecord fixes that order). `writeCanonical` rewrites one or more logs sorted
 * by run id, the last line of an id winning (a retried failure replaces the failed line), reading
 * each line back by its offset — memory stays proportional to the number of runs, not their size.
 */
import { closeSync, createReadStream, existsSync, fstatSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkRegularFile, InputError } from '../scenarios/index.js';
import { AtomicWriter, type WriteBytes } from './files.js';
import type { RunRecord } from './types.js';

export const STATUS_ABSENT = 0;
export const STATUS_OK = 1;
export const STATUS_FAILED = 2;

export interface RunIndex {
  readonly totalRuns: number;
  /** per run id: byte offset of its last line in its source file */
  readonly offset: Float64Array;
  /** per run id: line length in bytes, including the newline */
  readonly length: Int32Array;
  /** per run id: which source file (position in the list given to indexRuns) */
  readonly source: Uint16Array;
  /** per run id: STATUS_ABSENT, STATUS_OK or STATUS_FAILED */
  readonly status: Uint8Array;
  /** source files, in the order indexed */
  readonly sources: string[];
  /** true while every line seen so far has a larger id than the one before (and nothing torn) */
  canonical: boolean;
  lastId: number;
}

export function createRunIndex(totalRuns: number): RunIndex {
  return {
    totalRuns,
    offset: new Float64Array(totalRuns),
    length: new Int32Array(totalRuns),
    source: new Uint16Array(totalRuns),
    status: new Uint8Array(totalRuns),
    sources: [],
    canonical: true,
    lastId: -1,
  };
}

const LINE_HEAD = /^\{"id":(\d+),"point":\d+,"replicate":\d+,"seed":\d+,"status":"(ok|failed)"/;

export interface IndexOptions {
  /** truncate a torn last line (a line without its newline) instead of ignoring it */
  readonly repair?: boolean;
}

/** Add one log file to the index. Returns the number of torn bytes found at its end. */
export function indexRuns(path: string, index: RunIndex, options: IndexOptions = {}): number {
  const sourceNumber = index.sources.length;
  index.sources.push(path);
  if (!existsSync(path)) return 0;
  checkRegularFile(path, path);
  const fd = openSync(path, options.repair ? 'r+' : 'r');
  try {
    const size = fstatSync(fd).size;
    let chunk = Buffer.allocUnsafe(1 << 22);
    // The unfinished line of the previous read sits at the front of `chunk` (`carried` bytes).
    let carried = 0;
    let position = 0;
    let lineNumber = 0;
    while (position < size) {
      if (carried === chunk.length) {
        const larger = Buffer.allocUnsafe(chunk.length * 2); // a line longer than the chunk
        chunk.copy(larger, 0, 0, carried);
        chunk = larger;
      }
      const read = readSync(fd, chunk, carried, chunk.length - carried, position);
      if (read === 0) break;
      const data = chunk.subarray(0, carried + read);
      const dataStart = position - carried;
      let start = 0;
      for (let newline = data.indexOf(10, start); newline >= 0; newline = data.indexOf(10, start)) {
        lineNumber++;
        if (newline > start) {
          const head = data.toString('latin1', start, Math.min(newline, start + 200));
          const match = LINE_HEAD.exec(head);
          const id = match ? Number(match[1]) : NaN;
          if (!match || id >= index.totalRuns) {
            const what = match ? `run id ${id}, outside this sweep's 0–${index.totalRuns - 1}` : JSON.stringify(head.slice(0, 30));
            throw new InputError(`${path}:${lineNumber}: expected a run record of this sweep, got ${what}`);
          }
          if (id <= index.lastId) index.canonical = false;
          index.lastId = Math.max(index.lastId, id);
          index.offset[id] = dataStart + start;
          index.length[id] = newline + 1 - start;
          index.source[id] = sourceNumber;
          index.status[id] = match[2] === 'ok' ? STATUS_OK : STATUS_FAILED;
        } else {
          index.canonical = false; // a blank line: the canonical file has none
        }
        start = newline + 1;
      }
      carried = data.length - start;
      chunk.copy(chunk, 0, start, data.length);
      position += read;
    }
    if (carried > 0) {
      index.canonical = false;
      if (options.repair) ftruncateSync(fd, size - carried);
    }
    return carried;
  } finally {
    closeSync(fd);
  }
}

/** Write every indexed run, in id order, to `target` (atomically; target may be one of the sources). */
export function writeCanonical(index: RunIndex, target: string, write?: WriteBytes): void {
  const writer = new AtomicWriter(target, write);
  const fds = index.sources.map((path) => (existsSync(path) ? openSync(path, 'r') : -1));
  try {
    let line = Buffer.allocUnsafe(1 << 16);
    for (let id = 0; id < index.totalRuns; id++) {
      if (index.status[id] === STATUS_ABSENT) continue;
      const length = index.length[id];
      if (line.length < length) line = Buffer.allocUnsafe(length * 2);
      readSync(fds[index.source[id]], line, 0, length, index.offset[id]);
      writer.write(line.subarray(0, length));
    }
    writer.commit();
  } catch (error) {
    writer.abandon();
    throw error;
  } finally {
    for (const fd of fds) if (fd >= 0) closeSync(fd);
  }
}

/** Repair and sort a results directory's log in place; returns its index. */
export function canonicalize(path: string, totalRuns: number, write?: WriteBytes): RunIndex {
  const index = createRunIndex(totalRuns);
  indexRuns(path, index, { repair: true });
  if (!index.canonical) {
    writeCanonical(index, path, write);
    // The rewritten file holds the same lines in id order: update the offsets, no re-read.
    let offset = 0;
    for (let id = 0; id < totalRuns; id++) {
      if (index.status[id] === STATUS_ABSENT) continue;
      index.offset[id] = offset;
      index.source[id] = 0;
      offset += index.length[id];
    }
    index.sources.splice(0, index.sources.length, path);
    index.canonical = true;
  }
  return index;
}

/**
 * Stream the records of a log, in file order (canonical after a sweep ends). Only the last line
 * may be torn (a kill mid-write): a damaged line with lines after it is damage, and refused.
 */
export async function* readRuns(path: string): AsyncGenerator<RunRecord> {
  if (!existsSync(path)) return;
  checkRegularFile(path, path);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  let torn: { line: number; text: string } | undefined;
  for await (const line of lines) {
    lineNumber++;
    if (line.length === 0) continue;
    if (torn) {
      throw new InputError(
        `${path}:${torn.line}: expected a whole run record (JSON) on every line but the last, got a damaged line ${JSON.stringify(torn.text.slice(0, 30))}`,
      );
    }
    let record: RunRecord;
    try {
      record = JSON.parse(line) as RunRecord;
    } catch {
      // A torn last line (the sweep was killed mid-write) is not a run; anywhere else it is damage.
      torn = { line: lineNumber, text: line };
      continue;
    }
    if (typeof record !== 'object' || record === null || typeof record.id !== 'number') {
      throw new InputError(`${path}:${lineNumber}: expected a run record, got ${JSON.stringify(line.slice(0, 30))}`);
    }
    yield record;
  }
}
