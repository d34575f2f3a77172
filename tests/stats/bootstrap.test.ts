/**
 * The report's statistics against known answers: identical groups are equivalent, a shift beyond
 * the margin differs, a noisy small sample is inconclusive, and the bootstrap-t 95 % interval covers
 * the true difference about 95 % of the time on synthetic normal data (seeded, so the test never flakes).
 */
import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  equivalenceTest,
  hedgesG,
  pairedBootstrap,
  seededUniform,
  unpairedBootstrap,
  type Uniform,
} from '../../src/stats/index.js';
import { halfRiseMonth } from '../../src/report/analysis.js';

/** Standard normal draws (Box–Muller) from a seeded uniform stream. */
function normals(uniform: Uniform, n: number, mean = 0, sd = 1): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const u = 1 - uniform();
    const v = uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    out.push(mean + sd * radius * Math.cos(2 * Math.PI * v));
    if (out.length < n) out.push(mean + sd * radius * Math.sin(2 * Math.PI * v));
  }
  return out;
}

const MARGIN = 0.05; // 5 pp

describe('equivalence verdicts', () => {
  const uniform = seededUniform('verdicts');
  const base = normals(uniform, 30, 0.6, 0.05); // final adoption ≈ 60 % ± 5 pp across replicates

  it('identical groups are equivalent, paired and unpaired', () => {
    const paired = equivalenceTest(pairedBootstrap(base, base, { seed: 'a' }), MARGIN);
    expect(paired.verdict).toBe('equivalent');
    expect(paired.estimate).toBe(0);
    expect(paired.ci95).toEqual({ low: 0, high: 0 });
    const unpaired = equivalenceTest(unpairedBootstrap(base, [...base], { seed: 'a' }), MARGIN);
    expect(unpaired.verdict).toBe('equivalent');
    expect(unpaired.ci90.low).toBeGreaterThan(-MARGIN);
    expect(unpaired.ci90.high).toBeLessThan(MARGIN);
    expect(unpaired.p).toBeLessThan(0.05);
    expect(hedgesG(base, base)).toBe(0);
  });

  it('a group shifted by 10 pp (margin 5 pp) differs, beyond the margin', () => {
    const noise = normals(uniform, 30, 0, 0.01);
    const shifted = base.map((value, i) => value + 0.1 + noise[i]);
    for (const result of [pairedBootstrap(shifted, base, { seed: 'b' }), unpairedBootstrap(shifted, base, { seed: 'b' })]) {
      const test = equivalenceTest(result, MARGIN);
      expect(test.verdict).toBe('differs');
      expect(test.beyondMargin).toBe(true);
      expect(test.estimate).toBeCloseTo(0.1, 2);
      expect(test.ci95.low).toBeGreaterThan(MARGIN);
      expect(test.p).toBeGreaterThan(0.5);
    }
  });

  it('a small difference measured with few noisy replicates is inconclusive and says how many would decide', () => {
    const u = seededUniform('noisy');
    const x = normals(u, 5, 0.6, 0.1);
    const y = normals(u, 5, 0.6, 0.1);
    const test = equivalenceTest(unpairedBootstrap(x, y, { seed: 'c' }), MARGIN);
    expect(test.verdict).toBe('inconclusive');
    expect(test.replicatesNeeded).toBeGreaterThan(5);
  });

  it('a real difference inside the margin is equivalent (TOST), not "differs"', () => {
    const noise = normals(uniform, 30, 0, 0.005);
    const shifted = base.map((value, i) => value + 0.02 + noise[i]);
    const test = equivalenceTest(pairedBootstrap(shifted, base, { seed: 'd' }), MARGIN);
    expect(test.ci95.low).toBeGreaterThan(0); // the difference is real …
    expect(test.verdict).toBe('equivalent'); // … and smaller than the margin
  });

  it("Hedges' g matches the closed form", () => {
    const x = [1, 2, 3, 4, 5];
    const y = [2, 3, 4, 5, 6];
    // pooled SD = √2.5, J = 1 − 3/(4·10 − 9)
    expect(hedgesG(x, y)).toBeCloseTo((-1 / Math.sqrt(2.5)) * (1 - 3 / 31), 12);
    expect(hedgesG([1, 1], [2, 2])).toBeNull();
  });

  it('is deterministic for a seed and changes with it', () => {
    const x = normals(seededUniform('x'), 20, 0.5, 0.1);
    const y = normals(seededUniform('y'), 20, 0.5, 0.1);
    const a = confidenceInterval(unpairedBootstrap(x, y, { seed: 's1' }), 0.95);
    const b = confidenceInterval(unpairedBootstrap(x, y, { seed: 's1' }), 0.95);
    const c = confidenceInterval(unpairedBootstrap(x, y, { seed: 's2' }), 0.95);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});

describe('bootstrap-t coverage on synthetic data', () => {
  // 400 data sets × 499 resamples. With true coverage 95 %, the observed share has SD ≈ 1.1 pp;
  // the tolerance ±3.5 pp is about 3 SD. Seeded: the same numbers every run.
  const DATASETS = 400;
  const RESAMPLES = 499;
  const TOLERANCE = 0.035;

  it('covers the true difference of unpaired normal groups (n = 20 each) ~95 % of the time', () => {
    const uniform = seededUniform('coverage-unpaired');
    const truth = 0.03;
    let covered = 0;
    for (let k = 0; k < DATASETS; k++) {
      const x = normals(uniform, 20, 0.6 + truth, 0.08);
      const y = normals(uniform, 20, 0.6, 0.05);
      const ci = confidenceInterval(unpairedBootstrap(x, y, { seed: `u${k}`, resamples: RESAMPLES }), 0.95);
      if (ci.low <= truth && truth <= ci.high) covered++;
    }
    expect(Math.abs(covered / DATASETS - 0.95)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('covers the true mean difference of paired data (n = 15 pairs) ~95 % of the time', () => {
    const uniform = seededUniform('coverage-paired');
    const truth = -0.02;
    let covered = 0;
    for (let k = 0; k < DATASETS; k++) {
      const shared = normals(uniform, 15, 0.6, 0.08); // the replicate's organization, common to both lengths
      const y = shared.map((value) => value + normals(uniform, 1, 0, 0.02)[0]);
      const x = shared.map((value) => value + truth + normals(uniform, 1, 0, 0.02)[0]);
      const ci = confidenceInterval(pairedBootstrap(x, y, { seed: `p${k}`, resamples: RESAMPLES }), 0.95);
      if (ci.low <= truth && truth <= ci.high) covered++;
    }
    expect(Math.abs(covered / DATASETS - 0.95)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('half-rise months', () => {
  it('interpolate where a curve covers half its rise from month 0 (one definition with npm run validate)', () => {
    expect(halfRiseMonth([0, 1, 2, 3, 4])).toBe(2);
    expect(halfRiseMonth([0, 0, 1, 1])).toBe(1.5);
    // a dip first does not move the half-rise later: the rise is counted from month 0 (2) to the
    // maximum 4 → half = 3, crossed between month 3 (2) and month 4 (4) → 3.5
    expect(halfRiseMonth([2, 1, 0, 2, 4])).toBe(3.5);
    expect(halfRiseMonth([1, 1, 1])).toBeNull();
    expect(halfRiseMonth([1, 0.5, 0.2])).toBeNull();
  });
});
