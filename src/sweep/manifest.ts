/**
 * manifest.json: what a results directory holds and how it was made. `sweepHash` fingerprints
 * everything that determines the runs (tool version, sweep, resolved scenario, design points) and
 * nothing else — shards of one sweep share it; resume and merge check it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readInputFile, type Scenario } from '../scenarios/index.js';
import { MAX_MANIFEST_BYTES } from './limits.js';
import { ENGINE_VERSION } from '../sim/index.js';
import { designPoints } from './designs/index.js';
import { writeFileAtomic } from './files.js';
import type { Shard } from './shards.js';
import type { DesignPoint, Manifest, SweepSpec } from './types.js';

export const MANIFEST_FILE = 'manifest.json';
export const RUNS_FILE = 'runs.jsonl';

/** The tool version from package.json (src/sweep sits two folders below it, as does dist/sweep). */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export function sweepHash(version: string, sweep: SweepSpec, scenario: Scenario, points: readonly DesignPoint[]): string {
  const fingerprint = JSON.stringify({ version, engineVersion: ENGINE_VERSION, sweep, scenario, points });
  return createHash('sha256').update(fingerprint).digest('hex').slice(0, 16);
}

/** The manifest of a sweep (or one shard of it): computes the design points. */
export function createManifest(sweep: SweepSpec, scenario: Scenario, shard: Shard | null, createdAt = new Date()): Manifest {
  const points = designPoints(sweep);
  return {
    tool: 'concentric',
    version: TOOL_VERSION,
    engineVersion: ENGINE_VERSION,
    sweep,
    scenario,
    points,
    totalRuns: points.length * sweep.replicates,
    sweepHash: sweepHash(TOOL_VERSION, sweep, scenario, points),
    shard,
    createdAt: createdAt.toISOString(),
  };
}

export function writeManifest(dir: string, manifest: Manifest): void {
  writeFileAtomic(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

export function hasManifest(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}

/** Read and sanity-check a manifest; a missing or foreign file is bad input. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new InputError(`${dir}: not a results directory: expected ${MANIFEST_FILE}, found none`);
  const text = readInputFile(path, path, MAX_MANIFEST_BYTES + 1024 * 1024);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path}: expected a JSON manifest, got unreadable text (${(error as Error).message})`);
  }
  const manifest = value as Partial<Manifest> | null;
  if (
    manifest === null ||
    typeof manifest !== 'object' ||
    manifest.tool !== 'concentric' ||
    typeof manifest.sweepHash !== 'string' ||
    typeof manifest.totalRuns !== 'number' ||
    !Array.isArray(manifest.points) ||
    typeof manifest.sweep !== 'object'
  ) {
    throw new InputError(`${path}: expected a Concentric results manifest (tool, sweepHash, totalRuns, points), got something else`);
  }
  return manifest as Manifest;
}
