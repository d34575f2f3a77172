/**
 * Merging shard directories into one results directory, after checking that they are all the
 * shards of one sweep (same sweepHash and shard count, none missing or given twice) and that each
 * is complete. The merged runs.jsonl is canonical, so it is byte-identical to a one-machine sweep.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { InputError } from '../scenarios/index.js';
import { hasManifest, readManifest, RUNS_FILE, writeManifest } from './manifest.js';
import { createRunIndex, indexRuns, STATUS_ABSENT, STATUS_FAILED, STATUS_OK, writeCanonical } from './runs-file.js';
import { lockResults } from './lock.js';
import { formatShard, shardSize } from './shards.js';
import type { Manifest } from './types.js';

export interface MergeOutcome {
  readonly manifest: Manifest;
  readonly shards: number;
  readonly ok: number;
  readonly failed: number;
}

export interface MergeOptions {
  /** replace an output folder that holds another sweep */
  readonly force?: boolean;
  readonly now?: Date;
}

export function mergeShards(dirs: readonly string[], out: string, options: MergeOptions = {}): MergeOutcome {
  if (dirs.length === 0) throw new InputError('merge: expected one or more shard directories, got none');
  const shards = dirs.map((dir) => ({ dir, manifest: readManifest(dir) }));
  const first = shards[0];
  for (const { dir, manifest } of shards) {
    if (manifest.shard === null) {
      throw new InputError(`${dir}: expected a shard directory (written with --shard i/N), got a whole sweep's results`);
    }
    if (manifest.sweepHash !== first.manifest.sweepHash) {
      throw new InputError(
        `${dir}: expected a shard of the same sweep as ${first.dir} (sweepHash ${first.manifest.sweepHash}, "${first.manifest.sweep.name}"), got sweepHash ${manifest.sweepHash} ("${manifest.sweep.name}")`,
      );
    }
    if (manifest.shard.count !== first.manifest.shard!.count) {
      throw new InputError(`${dir}: expected a shard of ${first.manifest.shard!.count} like ${first.dir}, got ${formatShard(manifest.shard)}`);
    }
  }
  const count = first.manifest.shard!.count;
  const byIndex = new Map<number, string>();
  for (const { dir, manifest } of shards) {
    const index = manifest.shard!.index;
    const earlier = byIndex.get(index);
    if (earlier !== undefined) throw new InputError(`${formatShard(manifest.shard)} given twice: ${earlier} and ${dir}; expected each shard once`);
    byIndex.set(index, dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw new InputError(
      `${missing.map((i) => `shard ${i}/${count}`).join(', ')} missing: expected all ${count} shards, got ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${count}`).join(', ')}`,
    );
  }
  const outPath = resolve(out);
  mkdirSync(out, { recursive: true });
  // Like a sweep, a merge is the folder's one writer while it writes.
  const lock = lockResults(out);
  try {
    return mergeInto(dirs, out, outPath, first, count, byIndex, options);
  } finally {
    lock.release();
  }
}

function mergeInto(
  dirs: readonly string[],
  out: string,
  outPath: string,
  first: { dir: string; manifest: Manifest },
  count: number,
  byIndex: ReadonlyMap<number, string>,
  options: MergeOptions,
): MergeOutcome {
  for (const dir of dirs) {
    if (resolve(dir) === outPath) throw new InputError(`--out ${out}: expected a folder other than the shards, got shard folder ${dir}`);
  }
  if (hasManifest(out) && !options.force) {
    const existing = readManifest(out);
    if (existing.sweepHash !== first.manifest.sweepHash) {
      throw new InputError(`--out ${out}: expected an empty folder or this sweep's results, got another sweep's (sweepHash ${existing.sweepHash}); pass --force to replace them`);
    }
  }

  const total = first.manifest.totalRuns;
  const index = createRunIndex(total);
  const ordered = Array.from({ length: count }, (_, i) => byIndex.get(i)!);
  for (const dir of ordered) indexRuns(join(dir, RUNS_FILE), index);
  const recorded = new Array<number>(count).fill(0);
  let ok = 0;
  let failed = 0;
  for (let id = 0; id < total; id++) {
    const status = index.status[id];
    if (status === STATUS_ABSENT) continue;
    const source = index.source[id];
    if (source !== id % count) {
      throw new InputError(`${join(ordered[source], RUNS_FILE)}: expected runs of shard ${source}/${count}, got run ${id} (shard ${id % count}/${count})`);
    }
    recorded[source]++;
    if (status === STATUS_OK) ok++;
    else if (status === STATUS_FAILED) failed++;
  }
  for (let i = 0; i < count; i++) {
    const expected = shardSize(total, { index: i, count });
    if (recorded[i] < expected) {
      throw new InputError(
        `shard ${i}/${count} (${ordered[i]}) is incomplete: expected ${expected} runs, got ${recorded[i]}; finish it with --resume first`,
      );
    }
  }
  writeCanonical(index, join(out, RUNS_FILE));
  const manifest: Manifest = { ...first.manifest, shard: null, createdAt: (options.now ?? new Date()).toISOString() };
  writeManifest(out, manifest);
  return { manifest, shards: count, ok, failed };
}
