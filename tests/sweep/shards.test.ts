import { describe, expect, it } from 'vitest';
import { parseShard, shardRunIds, shardSize } from '../../src/sweep/shards.js';

describe('shards', () => {
  it('parse i/N', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['5/5', '1', '-1/3', 'a/b', '0/0']) {
      expect(() => parseShard(bad)).toThrow(/--shard: expected i\/N with 0 ≤ i < N/);
    }
  });

  it('split run ids into disjoint shards that cover the sweep', () => {
    for (const total of [0, 1, 7, 30]) {
      const seen: number[] = [];
      for (let index = 0; index < 4; index++) {
        const ids = [...shardRunIds(total, { index, count: 4 })];
        expect(ids).toHaveLength(shardSize(total, { index, count: 4 }));
        seen.push(...ids);
      }
      expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });
});
