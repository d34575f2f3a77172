/** The ported seeding must give exactly seedrandom's words, or every run would change. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { seedWords } from '../../src/sim/arc4-seed.js';
import { RandomStream } from '../../src/sim/rng.js';

function expected(seed: string, n: number): number[] {
  const generator = seedrandom(seed);
  return Array.from({ length: n }, () => generator.int32());
}

describe('seedWords = seedrandom(seed).int32()', () => {
  it('for the engine’s stream names, over many run seeds', () => {
    const out = new Int32Array(4);
    for (let seed = 0; seed < 3000; seed += 7) {
      for (const name of ['network', 'adoption', 'survey']) {
        const key = `concentric/${seed >>> 0}/${name}`;
        seedWords(key, out);
        expect(Array.from(out), key).toEqual(expected(key, 4));
      }
    }
    seedWords('concentric/4294967295/contacts', out);
    expect(Array.from(out)).toEqual(expected('concentric/4294967295/contacts', 4));
  });

  it('for empty, non-ASCII and long keys (over 256 characters, where the key wraps)', () => {
    const rng = new RandomStream('arc4-test');
    const out = new Int32Array(6);
    const seeds = ['', 'a', 'ő/ünïcödé/🙂', 'x'.repeat(256), 'y'.repeat(257)];
    for (let k = 0; k < 200; k++) {
      const length = rng.below(700);
      seeds.push(Array.from({ length }, () => String.fromCharCode(32 + rng.below(2000))).join(''));
    }
    for (const seed of seeds) {
      seedWords(seed, out);
      expect(Array.from(out), `length ${seed.length}`).toEqual(expected(seed, 6));
    }
  });
});
