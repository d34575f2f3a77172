/**
 * Run ids and run seeds. Run id = point × replicates + replicate (the canonical order of
 * runs.jsonl). Seeds are hashed, never drawn, so any run can be recomputed alone, on any thread
 * or shard:
 *   common (default):  seed = hash(master, replicate)        — paired comparisons across points
 *   independent:       seed = hash(master, point, replicate)
 */
import { hashSeed } from '../sim/index.js';
import type { SeedScheme } from './types.js';

export interface RunJob {
  readonly id: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
}

export function runSeed(master: number, scheme: SeedScheme, point: number, replicate: number): number {
  return scheme === 'independent' ? hashSeed(master, point, replicate) : hashSeed(master, replicate);
}

export function runJob(id: number, replicates: number, master: number, scheme: SeedScheme): RunJob {
  const point = Math.floor(id / replicates);
  const replicate = id - point * replicates;
  return { id, point, replicate, seed: runSeed(master, scheme, point, replicate) };
}
