/**
 * Opening a results directory for a sweep: a fresh start, a resume (same sweepHash and shard,
 * torn last line repaired) or a refusal with a one-line reason.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../scenarios/index.js';
import { hasManifest, MANIFEST_FILE, readManifest, RUNS_FILE, writeManifest } from './manifest.js';
import { createRunIndex, indexRuns, type RunIndex } from './runs-file.js';
import { formatShard } from './shards.js';
import type { Manifest } from './types.js';

export interface OpenOptions {
  /** keep the runs already in the directory (it must hold this sweep) */
  readonly resume: boolean;
  /** replace a directory that holds a different sweep */
  readonly force?: boolean;
}

export interface OpenedDirectory {
  readonly runsPath: string;
  /** what the log held when opened (empty for a fresh start) */
  readonly index: RunIndex;
  /** bytes of a torn last line that were cut off */
  readonly repairedBytes: number;
}

function describeSweep(manifest: Manifest): string {
  return `"${manifest.sweep.name}", sweepHash ${manifest.sweepHash}, ${formatShard(manifest.shard)}`;
}

export function openResultsDirectory(dir: string, manifest: Manifest, options: OpenOptions): OpenedDirectory {
  const runsPath = join(dir, RUNS_FILE);
  mkdirSync(dir, { recursive: true });
  if (hasManifest(dir)) {
    const existing = readManifest(dir);
    const sameSweep = existing.sweepHash === manifest.sweepHash;
    const sameShard = formatShard(existing.shard) === formatShard(manifest.shard);
    if (options.resume) {
      if (!sameSweep) {
        throw new InputError(
          `${dir}: --resume: expected results of this sweep (sweepHash ${manifest.sweepHash}), got another sweep's (${describeSweep(existing)}); choose another --out`,
        );
      }
      if (!sameShard) {
        throw new InputError(`${dir}: --resume: expected ${formatShard(manifest.shard)}, got a directory holding ${formatShard(existing.shard)}`);
      }
      const index = createRunIndex(manifest.totalRuns);
      const repairedBytes = indexRuns(runsPath, index, { repair: true });
      return { runsPath, index, repairedBytes };
    }
    if (!sameSweep && !options.force) {
      throw new InputError(
        `${dir}: expected an empty folder or results of this sweep, got another sweep's results (${describeSweep(existing)}); pass --force to replace them, or choose another --out`,
      );
    }
  } else if (existsSync(runsPath) && !options.force) {
    throw new InputError(`${dir}: expected ${MANIFEST_FILE} next to ${RUNS_FILE}, found none; pass --force to replace the runs, or choose another --out`);
  }
  // Start over: drop old runs before the new manifest names the directory as this sweep's.
  rmSync(runsPath, { force: true });
  writeManifest(dir, manifest);
  return { runsPath, index: createRunIndex(manifest.totalRuns), repairedBytes: 0 };
}
