/**
 * The staffing question as a sweep: ISP headcount (and optionally engagement length, hours per
 * ISP, co-leads per engagement, how many units go first) × replicates, on a grid, common random
 * numbers — replicate r is the same organization for every team — and the run cut at the month
 * the target is set for, so every outcome (share applying, waitlist, hours) is "by that month".
 */
import { checkFirstUnits, InputError, LENGTH_FIELD, loadScenario, validateScenario, withValues, type Scenario } from '../../scenarios/index.js';
import type { FactorValue, SweepSpec } from '../types.js';

export const ISPS_FIELD = 'isps.count';
export { LENGTH_FIELD } from '../../scenarios/index.js';
export const HOURS_FIELD = 'isps.hoursPerWeek';
export const CO_LEADS_FIELD = 'engagement.coLeads';
export const FIRST_FIELD = 'engagement.initialUnits';
export const FIRST_RULE_FIELD = 'engagement.firstUnits';

/** The optional factors, with the flag that sets each (for messages). */
export const SETTING_FIELDS = [
  { path: LENGTH_FIELD, flag: '--lengths', label: 'engagement', unit: 'months' },
  { path: HOURS_FIELD, flag: '--hours', label: 'hours per ISP', unit: 'h/week' },
  { path: CO_LEADS_FIELD, flag: '--co-leads', label: 'co-leads', unit: 'per engagement' },
  { path: FIRST_FIELD, flag: '--first-units', label: 'units first', unit: 'at week 0' },
  { path: FIRST_RULE_FIELD, flag: '--first-units', label: 'which units first', unit: '' },
] as const;

export interface StaffingOptions {
  /** built-in name or scenario file */
  readonly scenario: string;
  readonly overrides: readonly string[];
  readonly isps: readonly number[];
  readonly lengths?: readonly number[];
  readonly hours?: readonly number[];
  readonly coLeads?: readonly number[];
  readonly firstUnits?: readonly number[];
  /** which units go first: random | largest | most-connected | names joined by "+" */
  readonly firstUnitRules?: readonly string[];
  /** share of staff applying, 0–1 */
  readonly target: number;
  readonly byMonth: number;
  /** required share of replicates reaching the target (default 0.8) */
  readonly probability: number;
  readonly replicates: number;
  readonly seed: number;
}

export interface StaffingPlan {
  readonly options: StaffingOptions;
  readonly spec: SweepSpec;
  /** the base scenario cut at byMonth */
  readonly scenario: Scenario;
}

function distinct(values: readonly FactorValue[], flag: string): void {
  const seen = new Set<FactorValue>();
  for (const value of values) {
    if (seen.has(value)) throw new InputError(`${flag}: expected distinct values, got ${value} twice`);
    seen.add(value);
  }
}

export function planStaffing(options: StaffingOptions): StaffingPlan {
  const overrides = [...options.overrides, `months=${options.byMonth}`];
  const { scenario } = loadScenario(options.scenario, { overrides });
  if (!(options.target > 0 && options.target <= 1)) {
    throw new InputError(`--target: expected a share of staff between 0 and 1 (e.g. 0.6 for 60 %), got ${options.target}`);
  }
  const factors: Record<string, FactorValue[]> = {};
  const lists: [string, string, readonly FactorValue[] | undefined][] = [
    [LENGTH_FIELD, '--lengths', options.lengths],
    [HOURS_FIELD, '--hours', options.hours],
    [CO_LEADS_FIELD, '--co-leads', options.coLeads],
    [FIRST_FIELD, '--first-units', options.firstUnits],
    [FIRST_RULE_FIELD, '--first-units', options.firstUnitRules],
    [ISPS_FIELD, '--isps', options.isps],
  ];
  for (const [path, flag, values] of lists) {
    if (!values || values.length === 0) continue;
    distinct(values, flag);
    // Headcounts below the co-leads are a deliberate part of the question (they engage nobody).
    for (const value of values) {
      const label = `${flag} ${value}`;
      checkFirstUnits(validateScenario(withValues(scenario, { [path]: value }), () => label, { crossField: false }), label);
    }
    // Headcounts ascend so "the smallest team" is the first that reaches the target; words keep their order.
    factors[path] = values.every((value) => typeof value === 'number') ? [...values].sort((a, b) => (a as number) - (b as number)) : [...values];
  }
  if (!factors[ISPS_FIELD]) throw new InputError('--isps: expected at least one ISP headcount, e.g. --isps 2,3,4,6,8');
  const spec: SweepSpec = {
    kind: 'staffing',
    name: `${scenario.name}: ISP staffing`,
    base: options.scenario,
    overrides,
    factors,
    design: { type: 'grid' },
    replicates: options.replicates,
    seed: options.seed,
    seeds: 'common',
    metrics: ['finalAdoption', 'ispHours', 'ispHoursPerAdopter', 'peakWaiting'],
  };
  return { options, spec, scenario };
}
