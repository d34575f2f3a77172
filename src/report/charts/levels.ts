/**
 * Factor levels for sweep charts: a run's value of a factor, binned into at most MAX_LEVELS
 * equal-width bins (labelled by their midpoints) when a continuous design gives many values.
 */
import type { FactorValue, FinishedRun } from '../../sweep/types.js';

export const MAX_LEVELS = 10;

export interface Levels {
  readonly numeric: boolean;
  /** the level of each run, aligned with `runs` */
  readonly of: (run: FinishedRun) => FactorValue | undefined;
  readonly binned: boolean;
}

export function levelsOf(factor: string, runs: readonly FinishedRun[]): Levels {
  const values = runs.map((run) => run.params[factor]).filter((v): v is FactorValue => v !== undefined);
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => typeof v === 'number');
  if (!numeric || distinct.length <= MAX_LEVELS) return { numeric, of: (run) => run.params[factor], binned: false };
  const numbers = distinct as number[];
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  const width = (high - low) / MAX_LEVELS;
  const of = (run: FinishedRun) => {
    const value = run.params[factor];
    if (typeof value !== 'number') return undefined;
    const bin = Math.min(MAX_LEVELS - 1, Math.floor((value - low) / width));
    return Number((low + (bin + 0.5) * width).toPrecision(3));
  };
  return { numeric, of, binned: true };
}

/** Group runs by level. */
export function groupByLevel(runs: readonly FinishedRun[], levels: Levels): Map<FactorValue, FinishedRun[]> {
  const groups = new Map<FactorValue, FinishedRun[]>();
  for (const run of runs) {
    const level = levels.of(run);
    if (level === undefined) continue;
    const list = groups.get(level) ?? [];
    list.push(run);
    groups.set(level, list);
  }
  return groups;
}
