/**
 * Reading a results directory through src/sweep (readManifest checks the manifest, readRuns
 * streams runs.jsonl and skips a torn last line). The last record of a run id wins (a resumed
 * retry replaces a failure); failed runs are counted, not compared.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readInputFile } from '../scenarios/index.js';
import { readManifest, readRuns, RUNS_FILE } from '../sweep/index.js';
import type { FinishedRun, Manifest, RunRecord } from '../sweep/types.js';
import { message } from './messages.js';
import type { RingSummary } from './patterns.js';

export interface Results {
  readonly dir: string;
  readonly manifest: Manifest;
  /** finished runs in run-id order */
  readonly runs: readonly FinishedRun[];
  readonly failed: number;
  /** notes about the directory worth stating in the report (shard, missing or failed runs) */
  readonly notes: readonly string[];
  /** the reference length's replicates on the null network (null-rings.json, written by compare), or null */
  readonly nullRings: NullRings | null;
}

/** null-rings.json: each replicate of one length run on the degree-preserving null network. */
export interface NullRings {
  readonly length: number;
  readonly runs: readonly ({ readonly seed: number } & RingSummary)[];
}

export const NULL_RINGS_FILE = 'null-rings.json';

function readNullRings(dir: string): NullRings | null {
  const path = join(dir, NULL_RINGS_FILE);
  if (!existsSync(path)) return null;
  let value: NullRings;
  try {
    value = JSON.parse(readInputFile(path, path, 1024 * 1024 * 1024)) as NullRings;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: expected the null network's ring statistics (JSON), got unreadable JSON: rerun the compare to rewrite it`);
  }
  return typeof value.length === 'number' && Array.isArray(value.runs) ? value : null;
}

export async function loadResults(dir: string): Promise<Results> {
  const manifest = readManifest(dir);
  const byId = new Map<number, RunRecord>();
  for await (const record of readRuns(join(dir, RUNS_FILE))) byId.set(record.id, record);
  const records = [...byId.values()].sort((a, b) => a.id - b.id);
  const runs = records.filter((record): record is FinishedRun => record.status === 'ok');
  const failed = records.length - runs.length;
  if (runs.length === 0) throw new InputError(message.noFinishedRuns(join(dir, RUNS_FILE)));
  const notes: string[] = [];
  if (manifest.shard) notes.push(message.shardOnly(manifest.shard.index, manifest.shard.count));
  else if (records.length < manifest.totalRuns) notes.push(message.missingRuns(records.length, manifest.totalRuns));
  if (failed > 0) notes.push(message.failedRuns(failed));
  return { dir, manifest, runs, failed, notes, nullRings: readNullRings(dir) };
}
