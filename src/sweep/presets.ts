/**
 * Sweep presets: the study's questions as ready-made sweeps. `compare` = engagement length ×
 * replicates on one scenario, common random numbers, so lengths are compared run for run;
 * `withinSweep` = replicates of one organization whose units are assigned lengths (the study's own
 * comparison); `robustnessSweeps` = the compare again across ISP headcount, units and horizon.
 */
import { InputError, LENGTH_FIELD, loadScenario, validateScenario, withValues, type Scenario } from '../scenarios/index.js';
import { HEADLINE_METRICS } from './metrics.js';
import type { FactorValue, SweepSpec } from './types.js';

export interface CompareOptions {
  /** built-in scenario name or file */
  readonly scenario: string;
  /** `path=value` overrides (e.g. from --set and --months) */
  readonly overrides: readonly string[];
  readonly lengths: readonly number[];
  readonly replicates: number;
  readonly seed: number;
}

function checkLengths(scenario: Scenario, lengths: readonly number[]): void {
  const seen = new Set<number>();
  for (const length of lengths) {
    if (seen.has(length)) throw new InputError(`--lengths: expected distinct engagement lengths, got ${length} twice`);
    seen.add(length);
    validateScenario(withValues(scenario, { [LENGTH_FIELD]: length }), () => `--lengths ${length}`);
  }
}

export function compareSweep(options: CompareOptions): { spec: SweepSpec; scenario: Scenario } {
  const { scenario } = loadScenario(options.scenario, { overrides: options.overrides });
  checkLengths(scenario, options.lengths);
  const spec: SweepSpec = {
    kind: 'compare',
    name: `${scenario.name}: engagement length`,
    base: options.scenario,
    overrides: [...options.overrides],
    factors: { [LENGTH_FIELD]: [...options.lengths] },
    design: { type: 'grid' },
    replicates: options.replicates,
    seed: options.seed,
    seeds: 'common',
    metrics: [...HEADLINE_METRICS],
  };
  return { spec, scenario };
}

/** The overrides that make a scenario assign `lengths` to its units (engagement.lengthAssignment = within). */
export function withinOverrides(lengths: readonly number[]): string[] {
  return ['engagement.lengthAssignment=within', `engagement.withinLengths=[${lengths.join(',')}]`];
}

/**
 * The within-organization design: replicates of one organization whose units are each assigned
 * one of `lengths` (equal shares, from the run's seed). No factor: the lengths vary inside a run.
 */
export function withinSweep(options: CompareOptions): { spec: SweepSpec; scenario: Scenario } {
  if (options.lengths.length < 2) throw new InputError(`--lengths: expected at least two engagement lengths with --within, got ${options.lengths.join(',')}`);
  const { scenario: plain } = loadScenario(options.scenario, { overrides: options.overrides });
  checkLengths(plain, options.lengths);
  const overrides = [...options.overrides, ...withinOverrides(options.lengths)];
  const { scenario } = loadScenario(options.scenario, { overrides });
  const spec: SweepSpec = {
    kind: 'within',
    name: `${scenario.name}: engagement length within one organization`,
    base: options.scenario,
    overrides,
    factors: {},
    design: { type: 'grid' },
    replicates: options.replicates,
    seed: options.seed,
    seeds: 'common',
    metrics: [...HEADLINE_METRICS],
  };
  return { spec, scenario };
}

/** The conditions of the "Does it hold?" panel: one factor at a time around the scenario. */
export const ROBUSTNESS_FACTORS: readonly { readonly field: string; readonly values: readonly number[] }[] = [
  { field: 'isps.count', values: [2, 5, 10, 20] },
  { field: 'organization.units', values: [6, 12, 24] },
  { field: 'months', values: [36, 60] },
];

export interface RobustnessSweep {
  /** the factor varied, e.g. "isps.count" (also the sub-directory's name) */
  readonly field: string;
  readonly spec: SweepSpec;
  readonly scenario: Scenario;
}

function valueAt(scenario: Scenario, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
}

/**
 * The compare repeated across ISP headcount, number of units and horizon (each factor alone, with
 * the scenario's own value added when it is not among them), fewer replicates, same master seed.
 * A value the scenario cannot take (e.g. more units than staff) is left out.
 */
export function robustnessSweeps(options: CompareOptions): RobustnessSweep[] {
  const { scenario } = loadScenario(options.scenario, { overrides: options.overrides });
  return ROBUSTNESS_FACTORS.flatMap(({ field, values }) => {
    const own = valueAt(scenario, field);
    const all = typeof own === 'number' && !values.includes(own) ? [...values, own].sort((a, b) => a - b) : [...values];
    const usable: FactorValue[] = all.filter((value) => {
      try {
        validateScenario(withValues(scenario, { [field]: value }));
        return true;
      } catch {
        return false;
      }
    });
    if (usable.length < 2) return [];
    const spec: SweepSpec = {
      kind: 'compare',
      name: `${scenario.name}: engagement length across ${field}`,
      base: options.scenario,
      overrides: [...options.overrides],
      factors: { [field]: usable, [LENGTH_FIELD]: [...options.lengths] },
      design: { type: 'grid' },
      replicates: options.replicates,
      seed: options.seed,
      seeds: 'common',
      metrics: [...HEADLINE_METRICS],
    };
    return [{ field, spec, scenario }];
  });
}
