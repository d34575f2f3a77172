/**
 * Sweep designs: from a SweepSpec to its design points. Deterministic given the master seed
 * (sampling uses src/sim's RandomStream, never Math.random), so every shard and every resume
 * computes the same points.
 *   grid   — every combination of the factors' values
 *   lhs    — Latin hypercube, n samples
 *   sobol  — Saltelli scheme on a digitally shifted Sobol' sequence, n base samples → n·(k+2) points
 *   morris — r trajectories on a p-level grid → r·(k+1) points
 * Sampling designs work in the unit cube; `unitSamples` exposes it for sensitivity indices.
 */
import { factorsOf, scaleToFactor } from '../factors.js';
import type { DesignPoint, SweepSpec } from '../types.js';
import { gridCombinations } from './grid.js';
import { latinHypercube } from './lhs.js';
import { morrisTrajectories } from './morris.js';
import { saltelliSamples } from './sobol.js';

export { gridCombinations } from './grid.js';
export { latinHypercube } from './lhs.js';
export { morrisTrajectories, type MorrisDesign } from './morris.js';
export { saltelliSamples, sobolPoints, SOBOL_MAX_DIMENSIONS } from './sobol.js';

type DesignSpec = Pick<SweepSpec, 'factors' | 'design' | 'seed'>;

/** The unit-cube rows of a sampling design (one row per design point), or null for a grid. */
export function unitSamples(spec: DesignSpec): number[][] | null {
  const k = Object.keys(spec.factors).length;
  const design = spec.design;
  switch (design.type) {
    case 'grid':
      return null;
    case 'lhs':
      return latinHypercube(design.n, k, spec.seed);
    case 'sobol':
      return saltelliSamples(design.n, k, spec.seed);
    case 'morris':
      return morrisTrajectories(design.r, k, design.levels, spec.seed).rows;
  }
}

/** How many points a design has, without computing them. */
export function pointCount(spec: Pick<SweepSpec, 'factors' | 'design'>): number {
  const lists = Object.values(spec.factors);
  const k = lists.length;
  const design = spec.design;
  switch (design.type) {
    case 'grid':
      return lists.reduce((product, values) => product * values.length, 1);
    case 'lhs':
      return design.n;
    case 'sobol':
      return design.n * (k + 2);
    case 'morris':
      return design.r * (k + 1);
  }
}

export function designPoints(spec: DesignSpec): DesignPoint[] {
  const factors = factorsOf(spec);
  const rows = unitSamples(spec);
  const combinations = rows
    ? rows.map((row) => Object.fromEntries(factors.map((factor, i) => [factor.path, scaleToFactor(row[i], factor)])))
    : gridCombinations(factors);
  return combinations.map((values, point) => ({ point, values }));
}
