/**
 * Small pieces the cases share: scenarios with overrides, seed lists, mean curves, threshold
 * crossings at observed tick times, binomial intervals, number formatting, and running a
 * deterministic cascade to its fixed point.
 */
import { mean, normalMeanInterval as meanInterval } from '../stats/index.js';
import { DISPOSITIONS, loadScenario, type Scenario } from '../scenarios/index.js';
import { createSimulation, monthEndWeek, MONTHS_PER_WEEK, simulate, type RunResult, type SeriesName } from '../sim/index.js';

/** A built-in scenario with `path=value` overrides (the same syntax as `--set`). */
export function scenarioWith(ref: string, ...overrides: string[]): Scenario {
  return loadScenario(ref, { overrides }).scenario;
}

/** Overrides that give every disposition the same threshold φ (a uniform threshold). */
export function uniformThreshold(phi: number): string[] {
  return DISPOSITIONS.map((name) => `dispositions.${name}.threshold=[${phi}, ${phi}]`);
}

/** Seeds first, first + 1, …: replicate r of every design point uses the same seed (paired). */
export function seedList(count: number, first = 1): number[] {
  return Array.from({ length: count }, (_, k) => first + k);
}

export { mean, meanInterval };

export function runAll(scenario: Scenario, seeds: readonly number[]): RunResult[] {
  return seeds.map((seed) => simulate(scenario, seed));
}

/**
 * Month-by-month mean of one series over runs, summed as Σ(v/n). Not report/patterns.ts
 * `meanCurve` (Σv/n, ragged curves) on purpose: the two orders differ in the last digit, and the
 * fitted docking parameters (Bass, SI) were published from this one; switching would change them.
 */
export function meanSeries(runs: readonly RunResult[], series: SeriesName = 'adoption'): number[] {
  const months = runs[0].series[series].length;
  const out = new Array<number>(months).fill(0);
  for (const run of runs) run.series[series].forEach((v, m) => (out[m] += v / runs.length));
  return out;
}

/** When month m is observed, in months: the end of tick round(m·52/12), i.e. m ± 0.12. */
export function observedTime(month: number): number {
  return monthEndWeek(month) * MONTHS_PER_WEEK;
}

/**
 * First time (months, linear interpolation between observations at their tick times) at which
 * a monthly curve reaches `level`; null if it never does.
 */
export function crossingTime(curve: readonly number[], level: number): number | null {
  if (curve.length === 0) return null;
  if (curve[0] >= level) return observedTime(0);
  for (let m = 1; m < curve.length; m++) {
    if (curve[m] >= level) {
      const t0 = observedTime(m - 1);
      const t1 = observedTime(m);
      return t0 + ((level - curve[m - 1]) / (curve[m] - curve[m - 1])) * (t1 - t0);
    }
  }
  return null;
}

export const format = {
  /** 0.4605 → "46.1 %" */
  percent(share: number, digits = 1): string {
    return `${(share * 100).toFixed(digits)} %`;
  },
  /** a difference of shares in percentage points */
  points(share: number, digits = 1): string {
    const value = share * 100;
    return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(digits)} pp`;
  },
  number(value: number, digits = 3): string {
    return value < 0 ? `−${Math.abs(value).toFixed(digits)}` : value.toFixed(digits);
  },
  months(value: number | null, digits = 2): string {
    return value === null ? 'never' : `${value.toFixed(digits)} months`;
  },
  interval(low: number, high: number, as: (v: number) => string): string {
    return `[${as(low)}, ${as(high)}]`;
  },
};

export interface CascadeOutcome {
  /** people applying when the cascade stopped */
  readonly adopters: number;
  readonly staff: number;
  /** weeks simulated until nobody new adopted in a week */
  readonly weeks: number;
  /** false when the run hit the scenario's horizon while still spreading */
  readonly settled: boolean;
  /** mean degree of the generated network */
  readonly meanDegree: number;
}

/**
 * Run a deterministic threshold cascade (adoption.rule = threshold, no discontinuation, no
 * turnover) until a week passes in which nobody adopts. With nothing that undoes adoption the
 * exposures then never change again, so that state is the cascade's final state; stopping there
 * gives the same answer as running to the horizon, sooner.
 */
export function runCascade(scenario: Scenario, seed: number): CascadeOutcome {
  if (scenario.adoption.rule !== 'threshold' || scenario.sustainment.discontinuation !== 0 || scenario.turnover.annualRate !== 0) {
    throw new RangeError('runCascade needs the threshold rule without discontinuation or turnover');
  }
  const simulation = createSimulation(scenario, seed);
  const { applying } = simulation.view.staff;
  const count = (): number => {
    let total = 0;
    for (let i = 0; i < applying.length; i++) total += applying[i];
    return total;
  };
  let adopters = count();
  let settled = false;
  while (!simulation.done) {
    simulation.step();
    const now = count();
    if (now === adopters) {
      settled = true;
      break;
    }
    adopters = now;
  }
  const { offsets, staff } = simulation.view.organization;
  return { adopters, staff, weeks: simulation.view.week, settled, meanDegree: offsets[staff] / staff };
}
