/**
 * Sweep presets: the study's questions as ready-made sweeps. `compare` = engagement length ×
 * replicates on one scenario, common random numbers, so lengths are compared run for run.
 */
import { InputError, LENGTH_FIELD, loadScenario, validateScenario, withValues, type Scenario } from '../scenarios/index.js';
import { HEADLINE_METRICS } from './metrics.js';
import type { SweepSpec } from './types.js';

/** The length factor of `compare`: src/scenarios' LENGTH_FIELD. */
export const LENGTH_FACTOR = LENGTH_FIELD;

export interface CompareOptions {
  /** built-in scenario name or file */
  readonly scenario: string;
  /** `path=value` overrides (e.g. from --set and --months) */
  readonly overrides: readonly string[];
  readonly lengths: readonly number[];
  readonly replicates: number;
  readonly seed: number;
}

export function compareSweep(options: CompareOptions): { spec: SweepSpec; scenario: Scenario } {
  const { scenario } = loadScenario(options.scenario, { overrides: options.overrides });
  const seen = new Set<number>();
  for (const length of options.lengths) {
    if (seen.has(length)) throw new InputError(`--lengths: expected distinct engagement lengths, got ${length} twice`);
    seen.add(length);
    validateScenario(withValues(scenario, { [LENGTH_FACTOR]: length }), () => `--lengths ${length}`);
  }
  const spec: SweepSpec = {
    kind: 'compare',
    name: `${scenario.name}: engagement length`,
    base: options.scenario,
    overrides: [...options.overrides],
    factors: { [LENGTH_FACTOR]: [...options.lengths] },
    design: { type: 'grid' },
    replicates: options.replicates,
    seed: options.seed,
    seeds: 'common',
    metrics: [...HEADLINE_METRICS],
  };
  return { spec, scenario };
}
