import { describe, expect, it } from 'vitest';
import { designPoints, gridCombinations, latinHypercube, morrisTrajectories, saltelliSamples, sobolPoints } from '../../src/sweep/designs/index.js';
import type { SweepSpec } from '../../src/sweep/types.js';

describe("Sobol' points", () => {
  it('match the published unscrambled sequence (Joe–Kuo directions)', () => {
    // scipy.stats.qmc.Sobol(d=3, scramble=False).random(8)
    expect(sobolPoints(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('fill every dyadic interval once per 2^m points in every dimension', () => {
    const points = sobolPoints(64, 40);
    for (let d = 0; d < 40; d++) {
      const bins = new Set(points.map((p) => Math.floor(p[d] * 64)));
      expect(bins.size).toBe(64);
    }
  });
});

describe('Saltelli scheme', () => {
  it('lays out A, AB_1..AB_k, B per base sample', () => {
    const k = 3;
    const rows = saltelliSamples(8, k, 1);
    expect(rows).toHaveLength(8 * (k + 2));
    for (let j = 0; j < 8; j++) {
      const a = rows[j * (k + 2)];
      const b = rows[j * (k + 2) + k + 1];
      for (let i = 0; i < k; i++) {
        const ab = rows[j * (k + 2) + 1 + i];
        ab.forEach((value, column) => expect(value).toBe(column === i ? b[i] : a[column]));
      }
    }
  });

  it('is deterministic in the seed, and the seed matters', () => {
    expect(saltelliSamples(4, 2, 5)).toEqual(saltelliSamples(4, 2, 5));
    expect(saltelliSamples(4, 2, 5)).not.toEqual(saltelliSamples(4, 2, 6));
  });
});

describe('Latin hypercube', () => {
  it('uses every stratum of every factor exactly once', () => {
    const rows = latinHypercube(20, 4, 3);
    for (let factor = 0; factor < 4; factor++) {
      const strata = rows.map((row) => Math.floor(row[factor] * 20)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 20 }, (_, i) => i));
    }
    expect(latinHypercube(20, 4, 3)).toEqual(rows);
  });
});

describe('Morris trajectories', () => {
  it('move one factor by ±Δ per step, staying on the p-level grid in [0, 1]', () => {
    const k = 4;
    const levels = 4;
    const { rows, order, delta } = morrisTrajectories(6, k, levels, 9);
    expect(delta).toBeCloseTo(2 / 3);
    expect(rows).toHaveLength(6 * (k + 1));
    for (let t = 0; t < 6; t++) {
      expect([...order[t]].sort()).toEqual([0, 1, 2, 3]);
      for (let s = 1; s <= k; s++) {
        const before = rows[t * (k + 1) + s - 1];
        const after = rows[t * (k + 1) + s];
        const changed = before.map((v, i) => (v !== after[i] ? i : -1)).filter((i) => i >= 0);
        expect(changed).toEqual([order[t][s - 1]]);
        expect(Math.abs(after[changed[0]] - before[changed[0]])).toBeCloseTo(delta, 12);
      }
      for (const row of rows.slice(t * (k + 1), (t + 1) * (k + 1))) {
        for (const value of row) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
          expect(value * (levels - 1)).toBeCloseTo(Math.round(value * (levels - 1)), 9);
        }
      }
    }
  });
});

describe('design points', () => {
  const base: Omit<SweepSpec, 'factors' | 'design'> = {
    kind: 'sweep',
    name: 't',
    base: 'foundation',
    overrides: [],
    replicates: 1,
    seed: 1,
    seeds: 'common',
    metrics: [],
  };

  it('grid: every combination, last factor fastest', () => {
    expect(gridCombinations([{ path: 'a', values: [1, 2] }, { path: 'b', values: ['x', 'y'] }])).toEqual([
      { a: 1, b: 'x' },
      { a: 1, b: 'y' },
      { a: 2, b: 'x' },
      { a: 2, b: 'y' },
    ]);
  });

  it('sampling designs map ranges, whole-number fields and choices onto values', () => {
    const points = designPoints({
      ...base,
      design: { type: 'lhs', n: 30 },
      factors: { 'isps.hoursPerWeek': [2, 10], 'isps.count': [2, 4], 'adoption.rule': ['hazard', 'threshold'] },
    });
    expect(points).toHaveLength(30);
    for (const { values } of points) {
      expect(values['isps.hoursPerWeek']).toBeGreaterThanOrEqual(2);
      expect(values['isps.hoursPerWeek']).toBeLessThanOrEqual(10);
      expect([2, 3, 4]).toContain(values['isps.count']);
      expect(['hazard', 'threshold']).toContain(values['adoption.rule']);
    }
    expect(new Set(points.map((p) => p.values['isps.count'])).size).toBe(3);
  });
});
