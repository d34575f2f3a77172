import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { membership, boxStats, wholeBox, type Dimension } from '../../src/discover/box.js';
import { splitHalves, subset } from '../../src/discover/holdout.js';
import { chooseStep, findBoxes, paste, peel, PRIM_DEFAULTS } from '../../src/discover/prim.js';
import { binomialUpperTail, quasiP } from '../../src/discover/significance.js';

/** Uniform x1..x4 on [0, 1]; cases of interest where x1 > 0.7 and x2 < 0.4, each label flipped with probability `noise`. */
function planted(n: number, noise: number, seed = 'planted') {
  const random = seedrandom.alea(seed);
  const columns = [0, 1, 2, 3].map(() => new Float64Array(n));
  const interest = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    for (const column of columns) column[i] = random();
    const inBox = columns[0][i] > 0.7 && columns[1][i] < 0.4;
    interest[i] = (random() < noise ? !inBox : inBox) ? 1 : 0;
  }
  const dimensions: Dimension[] = columns.map((values, j) => ({ name: `x${j + 1}`, kind: 'numeric', values }));
  return { dimensions, interest };
}

function limitOf(limits: ReturnType<typeof peel>[number]['limits'], j: number) {
  const limit = limits[j];
  if (limit.kind !== 'numeric') throw new Error('numeric expected');
  return limit;
}

describe('PRIM', () => {
  const PLANTED = planted(2000, 0.03);
  const [PLANTED_BOX] = findBoxes(PLANTED.dimensions, PLANTED.interest, { ...PRIM_DEFAULTS, boxes: 1 });

  it('recovers a planted box: x1 > 0.7 and x2 < 0.4, restricting only x1 and x2', () => {
    const { dimensions, interest } = PLANTED;
    const box = PLANTED_BOX;
    const x1 = limitOf(box.limits, 0);
    const x2 = limitOf(box.limits, 1);
    expect(x1.low).toBeGreaterThan(0.65);
    expect(x1.low).toBeLessThan(0.75);
    expect(x2.high).toBeGreaterThan(0.35);
    expect(x2.high).toBeLessThan(0.45);
    // the other sides and the noise dimensions are left whole
    expect(x1.high).toBeGreaterThan(0.99);
    expect(x2.low).toBeLessThan(0.01);
    expect(box.stats.dimensions).toBe(2);
    // as good as the planted box itself (whose coverage the flipped labels outside it cap near 0.8)
    const truth = boxStats(
      membership(dimensions, [{ kind: 'numeric', low: 0.7, high: 1 }, { kind: 'numeric', low: 0, high: 0.4 }, ...wholeBox(dimensions).slice(2)], 2000),
      interest,
      2,
    );
    expect(Math.abs(box.stats.coverage - truth.coverage)).toBeLessThan(0.05);
    expect(Math.abs(box.stats.density - truth.density)).toBeLessThan(0.05);
    // the base rate is about 14 %: the box is far denser than the data
    expect(box.trajectory[0].density).toBeLessThan(0.2);
    expect(box.stats.density).toBeGreaterThan(0.9);
  });

  it('peels monotonically: mass falls each step, never below the minimum, density rises overall', () => {
    const { dimensions, interest } = planted(1000, 0.05);
    const trajectory = peel(dimensions, interest, { ...PRIM_DEFAULTS, massMin: 0.1 });
    expect(trajectory.length).toBeGreaterThan(5);
    for (let s = 1; s < trajectory.length; s++) {
      expect(trajectory[s].mass).toBeLessThan(trajectory[s - 1].mass);
      expect(trajectory[s].mass).toBeGreaterThanOrEqual(0.1);
      expect(trajectory[s].coverage).toBeLessThanOrEqual(trajectory[s - 1].coverage);
    }
    expect(trajectory[trajectory.length - 1].density).toBeGreaterThan(trajectory[0].density + 0.5);
    expect(trajectory[0]).toMatchObject({ step: 0, mass: 1, coverage: 1, dimensions: 0 });
  });

  it('chooses the step with the best balance of coverage and density', () => {
    const steps = [
      { coverage: 1, density: 0.2 },
      { coverage: 0.9, density: 0.8 },
      { coverage: 0.5, density: 0.95 },
    ].map((s, step) => ({ ...s, step, mass: 0, n: 0, interest: 0, dimensions: 0, limits: [] }));
    expect(chooseStep(steps)).toBe(1);
  });

  it('pastes back a slice the peeling cut too far, when it is denser than the box', () => {
    // Of interest where x1 > 0.7 and x2 < 0.4, but only one case in two where x1 > 0.9: a box cut
    // at x1 ≥ 0.8 is 75 % dense, the slice 0.7–0.8 just below it is pure.
    const random = seedrandom.alea('paste');
    const n = 3000;
    const x1 = new Float64Array(n);
    const x2 = new Float64Array(n);
    const interest = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x1[i] = random();
      x2[i] = random();
      const inBox = x1[i] > 0.7 && x2[i] < 0.4;
      interest[i] = inBox && (x1[i] <= 0.9 || random() < 0.5) ? 1 : 0;
    }
    const dimensions: Dimension[] = [
      { name: 'x1', kind: 'numeric', values: x1 },
      { name: 'x2', kind: 'numeric', values: x2 },
    ];
    const tight = [
      { kind: 'numeric' as const, low: 0.8, high: 1 },
      { kind: 'numeric' as const, low: 0, high: 0.4 },
    ];
    const { limits, pastes } = paste(dimensions, interest, tight);
    expect(pastes).toBeGreaterThan(0);
    const low = limits[0];
    if (low.kind !== 'numeric') throw new Error('numeric expected');
    // pasting moves in slices of 5 % of the cases outside: it gets within a slice of 0.7
    expect(low.low).toBeLessThan(0.75);
    expect(low.low).toBeGreaterThan(0.68);
    const before = boxStats(membership(dimensions, tight, n), interest, 2);
    const after = boxStats(membership(dimensions, limits, n), interest, 2);
    expect(after.coverage).toBeGreaterThan(before.coverage + 0.2);
    expect(after.density).toBeGreaterThan(before.density);
  });

  it('restricts a categorical factor to a set of levels', () => {
    const random = seedrandom.alea('levels');
    const n = 1200;
    const codes = new Int32Array(n);
    const x = new Float64Array(n);
    const interest = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      codes[i] = Math.floor(random() * 4);
      x[i] = random();
      interest[i] = (codes[i] === 1 || codes[i] === 3) && x[i] < 0.5 ? 1 : 0;
    }
    const dimensions: Dimension[] = [
      { name: 'network', kind: 'categorical', levels: ['organization', 'full', 'lattice', 'small-world'], codes },
      { name: 'x', kind: 'numeric', values: x },
    ];
    const [box] = findBoxes(dimensions, interest);
    expect(box.limits[0]).toEqual({ kind: 'categorical', allowed: [1, 3] });
    expect(box.stats.density).toBeGreaterThan(0.95);
    expect(box.stats.coverage).toBeGreaterThan(0.95);
  });

  it('finds a second box after covering the first', () => {
    const random = seedrandom.alea('two');
    const n = 2000;
    const a = new Float64Array(n);
    const b = new Float64Array(n);
    const interest = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = random();
      b[i] = random();
      interest[i] = a[i] < 0.2 || b[i] > 0.85 ? 1 : 0;
    }
    const dimensions: Dimension[] = [
      { name: 'a', kind: 'numeric', values: a },
      { name: 'b', kind: 'numeric', values: b },
    ];
    const boxes = findBoxes(dimensions, interest, { ...PRIM_DEFAULTS, boxes: 2 });
    expect(boxes).toHaveLength(2);
    const sides = boxes.map((box) => box.limits.map((limit, j) => (limit.kind === 'numeric' && (limit.low > 0.01 || limit.high < 0.99) ? j : -1)).filter((j) => j >= 0));
    expect(sides.flat().sort()).toEqual([0, 1]);
  });

  it('a box fitted to noise loses its density on the held-out half', () => {
    // Pure noise (30 % of interest everywhere), peeled to the end: what the training half shows is
    // chance, and the held-out half says so (mean gap over 8 data sets).
    let gap = 0;
    for (let s = 0; s < 8; s++) {
      const random = seedrandom.alea(`noise${s}`);
      const n = 400;
      const dimensions: Dimension[] = [0, 1, 2, 3, 4].map((j) => ({ name: `z${j}`, kind: 'numeric', values: Float64Array.from({ length: n }, () => random()) }));
      const interest = Uint8Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
      const split = splitHalves(n, `${s}:discover`);
      const train = subset(dimensions, interest, split.train);
      const test = subset(dimensions, interest, split.test);
      const [box] = findBoxes(train.dimensions, train.interest, { ...PRIM_DEFAULTS, step: 1000 });
      const inTest = boxStats(membership(test.dimensions, box.limits, test.interest.length), test.interest, 0);
      gap += (box.stats.density - inTest.density) / 8;
    }
    expect(gap).toBeGreaterThan(0.05);
  });

  it('the planted box holds on the held-out half', () => {
    const { dimensions, interest } = planted(2000, 0.03, 'held-out');
    const split = splitHalves(2000, '7:discover');
    expect(split.train.length + split.test.length).toBe(2000);
    expect(new Set([...split.train, ...split.test]).size).toBe(2000);
    expect(splitHalves(2000, '7:discover')).toEqual(split);
    const train = subset(dimensions, interest, split.train);
    const test = subset(dimensions, interest, split.test);
    const [box] = findBoxes(train.dimensions, train.interest);
    const inTest = boxStats(membership(test.dimensions, box.limits, test.interest.length), test.interest, 0);
    expect(inTest.coverage).toBeGreaterThan(0.8);
    expect(inTest.density).toBeGreaterThan(0.8);
  });

  it('quasi-p: tiny for the planted restrictions, the binomial tail exact on small cases', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    // P(X ≥ 9 | n = 10, p = 0.5) = 11/1024
    expect(binomialUpperTail(9, 10, 0.5)).toBeCloseTo(11 / 1024, 12);
    const { dimensions, interest } = PLANTED;
    const p = quasiP(dimensions, interest, PLANTED_BOX.limits);
    expect(p[0]).toBeLessThan(1e-6);
    expect(p[1]).toBeLessThan(1e-6);
    expect(p[2]).toBeNull();
    expect(p[3]).toBeNull();
  });
});
