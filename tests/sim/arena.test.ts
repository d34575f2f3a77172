/**
 * simulate() keeps its arrays in one block of memory reused from run to run (sim/arena.ts). A run
 * must not see anything of the runs before it: same scenario and seed ⇒ the same result as on
 * fresh arrays, whatever ran before, and whether the block had to grow or overflowed.
 */
import { describe, expect, it } from 'vitest';
import { ArrayArena } from '../../src/sim/arena.js';
import { createSimulation, simulate } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

function onFreshArrays(...args: Parameters<typeof simulate>) {
  const simulation = createSimulation(...args);
  while (!simulation.done) simulation.step();
  return simulation.view.result();
}

describe('ArrayArena', () => {
  it('hands out zeroed views, also of memory the last run wrote', () => {
    const arena = new ArrayArena(1 << 20, 1024);
    const first = arena.float64(50);
    first.fill(7.5);
    arena.int32(10).fill(-1);
    arena.reset();
    const again = arena.float64(50);
    expect(again.buffer).toBe(first.buffer);
    expect(again.byteOffset).toBe(first.byteOffset);
    expect(Array.from(again).every((value) => value === 0)).toBe(true);
    expect(Array.from(arena.int32(10))).toEqual(new Array(10).fill(0));
  });

  it('aligns views to cache lines and grows when a run needs more', () => {
    const arena = new ArrayArena(1 << 20, 256);
    const small = arena.uint8(3);
    const next = arena.float64(4);
    expect(next.byteOffset % 64).toBe(0);
    expect(next.buffer).toBe(small.buffer);
    const large = arena.int32(1000); // beyond the first block
    expect(large.buffer).not.toBe(small.buffer);
    expect(large.length).toBe(1000);
    arena.reset();
    expect(arena.int32(1000).buffer).toBe(large.buffer); // later runs fit in the grown block
  });

  it('gives fresh arrays beyond its limit', () => {
    const arena = new ArrayArena(1024, 256);
    const huge = arena.float64(1000);
    expect(huge.buffer.byteLength).toBe(8000);
    expect(huge.byteOffset).toBe(0);
    expect(arena.bytesUsed).toBe(0);
  });

  it('stops growing at its limit: a run that needs more gets the rest afresh, run after run', () => {
    const arena = new ArrayArena(1024, 256);
    for (let run = 0; run < 4; run++) {
      arena.reset();
      const first = arena.int32(100); // 400 bytes
      const second = arena.int32(100);
      const third = arena.int32(100); // with alignment, beyond the limit
      if (run === 0) continue; // the first run grows the block to its limit
      expect(second.buffer, `run ${run}`).toBe(first.buffer);
      expect(first.buffer.byteLength, `run ${run}`).toBe(1024);
      expect(third.buffer, `run ${run}`).not.toBe(first.buffer);
      expect(third.buffer.byteLength, `run ${run}`).toBe(400);
    }
  });
});

describe('simulate() on reused memory', () => {
  it('gives the result of fresh arrays, after runs of other sizes and kinds', () => {
    const runs = [
      scenario('foundation', 'months=12'),
      scenario('classic-bass', 'organization.network=erdos-renyi', 'organization.staff=3000', 'months=6', 'adoption.pathway=false'),
      scenario('foundation', 'organization.staff=60', 'organization.units=4', 'months=12'),
      scenario('school-district', 'months=6'),
      scenario('foundation', 'months=12'),
    ];
    // Each after the others in turn, so every run starts on memory a different run wrote.
    for (const [k, run] of runs.entries()) {
      expect(JSON.stringify(simulate(run, 40 + k)), `run ${k}`).toBe(JSON.stringify(onFreshArrays(run, 40 + k)));
    }
    expect(JSON.stringify(simulate(runs[0], 40))).toBe(JSON.stringify(onFreshArrays(runs[0], 40)));
  });
});
