import { describe, expect, it } from 'vitest';
import { createStreams, hashSeed, RandomStream } from '../../src/sim/index.js';

describe('random streams', () => {
  it('repeat exactly for the same seed and differ for another', () => {
    const a = new RandomStream('x');
    const b = new RandomStream('x');
    const c = new RandomStream('y');
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it('named sub-streams of one run are independent of each other', () => {
    const streams = createStreams(42);
    const again = createStreams(42);
    // Drawing heavily from one stream does not move another.
    for (let i = 0; i < 1000; i++) streams.contacts.next();
    expect(streams.adoption.next()).toBe(again.adoption.next());
    expect(streams.network.next()).not.toBe(streams.adoption.next());
  });

  it('is uniform enough: mean ≈ 0.5, variance ≈ 1/12, values in [0, 1)', () => {
    const rng = new RandomStream('uniformity');
    let sum = 0;
    let squares = 0;
    let lowest = Infinity;
    let highest = -Infinity;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      lowest = Math.min(lowest, u);
      highest = Math.max(highest, u);
      sum += u;
      squares += u * u;
    }
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(squares / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('fill and firstBelow consume exactly the draws next() would, in order', () => {
    const reference = new RandomStream('written-out');
    const expected = Array.from({ length: 3000 }, () => reference.next());
    const filled = new RandomStream('written-out');
    const draws = new Float64Array(1000);
    filled.fill(draws, 1000);
    expect(Array.from(draws)).toEqual(expected.slice(0, 1000));
    // firstBelow from draw 1000 on: each hit is the first later draw below the chance.
    const skipping = new RandomStream('written-out');
    skipping.fill(draws, 1000);
    const chance = 0.01;
    let position = 1000;
    const hits: number[] = [];
    for (let i = skipping.firstBelow(chance, position, 2500); i < 2500; i = skipping.firstBelow(chance, i + 1, 2500)) hits.push(i);
    expect(hits).toEqual(expected.map((u, k) => (k >= 1000 && k < 2500 && u < chance ? k : -1)).filter((k) => k >= 0));
    expect(hits.length).toBeGreaterThan(5);
    position = 2500;
    expect(skipping.next()).toBe(expected[position]);
  });

  it('hashSeed is a stable 32-bit function of its parts', () => {
    expect(hashSeed(1, 2)).toBe(hashSeed(1, 2));
    expect(hashSeed(1, 2)).not.toBe(hashSeed(2, 1));
    expect(Number.isInteger(hashSeed('a')) && hashSeed('a') >= 0 && hashSeed('a') < 2 ** 32).toBe(true);
  });
});
