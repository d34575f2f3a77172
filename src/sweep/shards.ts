/**
 * Shards: a sweep split across machines. Run id `i` belongs to shard `i mod count`, so every
 * shard gets a similar mix of design points (runs at different points can differ in cost).
 */
import { InputError } from '../scenarios/index.js';

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parse `i/N` (0 ≤ i < N). `label` names where the text came from, for the error message. */
export function parseShard(text: string, label = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index >= count || count > 1_000_000) {
    throw new InputError(`${label}: expected i/N with 0 ≤ i < N (e.g. 0/4), got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

export function formatShard(shard: Shard | null): string {
  return shard === null ? 'whole sweep' : `shard ${shard.index}/${shard.count}`;
}

export function inShard(id: number, shard: Shard | null): boolean {
  return shard === null || id % shard.count === shard.index;
}

/** How many of `totalRuns` run ids belong to the shard. */
export function shardSize(totalRuns: number, shard: Shard | null): number {
  if (shard === null) return totalRuns;
  return Math.max(0, Math.ceil((totalRuns - shard.index) / shard.count));
}

/** The shard's run ids in ascending order. */
export function* shardRunIds(totalRuns: number, shard: Shard | null): Generator<number> {
  const start = shard?.index ?? 0;
  const step = shard?.count ?? 1;
  for (let id = start; id < totalRuns; id += step) yield id;
}
