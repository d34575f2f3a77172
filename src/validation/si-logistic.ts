/**
 * Docking case 2 — SI contagion on a complete graph against the logistic curve. SI is Bass with
 * no external influence (p = 0) started from seeds: on `classic-bass` with p = 0 and F₀ = 1 %
 * seeded, each susceptible person adopts per week with chance β·F·Δt, so in expectation
 *   F(k+1) = F(k) + β·F(k)·(1 − F(k))·Δt            (discrete logistic, Δt = 12/52 month)
 * and, as Δt → 0, the logistic F(t) = 1 / (1 + ((1 − F₀)/F₀)·e^{−βt}), half-time ln((1−F₀)/F₀)/β.
 * F₀ is taken from the runs (seeds are drawn with replacement, so 100 seeds give ≈ 99.5 people).
 */
import { monthEndWeek } from '../sim/index.js';
import { atMonthEnds, bassRecursion } from './bass.js';
import { check, type CaseOutcome, type Scale, type ValidationCase } from './case.js';
import { curvesChart } from './charts.js';
import { crossingTime, format, observedTime, runAll, scenarioWith, seedList } from './common.js';

export function logistic(t: number, beta: number, start: number): number {
  return 1 / (1 + ((1 - start) / start) * Math.exp(-beta * t));
}

export function logisticHalfTime(beta: number, start: number): number {
  return Math.log((1 - start) / start) / beta;
}

/** The discrete logistic read at month ends 0..months. */
export function discreteLogistic(months: number, beta: number, start: number): number[] {
  return atMonthEnds(bassRecursion(monthEndWeek(months), 0, beta, start), months);
}

/**
 * Tolerances are in standard errors of the monthly mean: unlike Bass (where spontaneous adoption
 * averages out over the population), SI runs differ by a random time shift set in the early
 * phase (relative spread ≈ 1/√seeds), so the mean of 20 runs is uncertain by ≈ 0.006 at the
 * half-time and its errors are correlated across months. A gap is accepted when it is within
 * `seFactor`·SE(month) + `floor`.
 */
interface SiConfig {
  readonly staff: number;
  readonly seeds: number;
  readonly beta: number;
  readonly months: number;
  readonly replicates: number;
  readonly seFactor: number;
  readonly floor: number;
  readonly halfTimeAllowance: number;
}

const CONFIG: Record<Scale, SiConfig> = {
  full: { staff: 10_000, seeds: 100, beta: 0.38, months: 36, replicates: 20, seFactor: 3, floor: 0.002, halfTimeAllowance: 0.25 },
  fast: { staff: 2_000, seeds: 20, beta: 0.38, months: 36, replicates: 10, seFactor: 3, floor: 0.002, halfTimeAllowance: 0.75 },
};

export interface SiMeasurement {
  readonly curve: number[];
  /** standard error of the monthly mean over runs */
  readonly standardError: number[];
  readonly start: number;
  readonly recursion: number[];
  readonly closedForm: number[];
  readonly worstRecursion: number;
  readonly worstClosedForm: number;
  readonly discretization: number;
  /** largest gap in standard errors, and whether every month is within seFactor·SE + floor */
  readonly recursionZ: number;
  readonly recursionOk: boolean;
  readonly closedFormOk: boolean;
  readonly halfTime: number | null;
  readonly recursionHalfTime: number | null;
  readonly closedHalfTime: number;
}

export function measureSi(scale: Scale): SiMeasurement {
  const c = CONFIG[scale];
  const scenario = scenarioWith(
    'classic-bass',
    `organization.staff=${c.staff}`,
    'adoption.p=0',
    `adoption.q=${c.beta}`,
    `adoption.seeds=${c.seeds}`,
    `months=${c.months}`,
  );
  const runs = runAll(scenario, seedList(c.replicates, 2000)).map((r) => r.series.adoption);
  const curve = runs[0].map((_, m) => runs.reduce((sum, r) => sum + r[m], 0) / runs.length);
  const standardError = curve.map((mu, m) => Math.sqrt(runs.reduce((sum, r) => sum + (r[m] - mu) ** 2, 0) / (runs.length - 1) / runs.length));
  const start = curve[0];
  const recursion = discreteLogistic(c.months, c.beta, start);
  const closedForm = curve.map((_, m) => logistic(observedTime(m), c.beta, start));
  let worstRecursion = 0;
  let worstClosedForm = 0;
  let discretization = 0;
  let recursionZ = 0;
  let recursionOk = true;
  let closedFormOk = true;
  curve.forEach((v, m) => {
    const gap = Math.abs(v - recursion[m]);
    const allowed = c.seFactor * standardError[m] + c.floor;
    worstRecursion = Math.max(worstRecursion, gap);
    worstClosedForm = Math.max(worstClosedForm, Math.abs(v - closedForm[m]));
    discretization = Math.max(discretization, Math.abs(recursion[m] - closedForm[m]));
    if (standardError[m] > 0) recursionZ = Math.max(recursionZ, gap / standardError[m]);
    if (gap > allowed) recursionOk = false;
    if (Math.abs(v - closedForm[m]) > Math.abs(recursion[m] - closedForm[m]) + allowed) closedFormOk = false;
  });
  return {
    curve,
    standardError,
    recursionZ,
    recursionOk,
    closedFormOk,
    start,
    recursion,
    closedForm,
    worstRecursion,
    worstClosedForm,
    discretization,
    halfTime: crossingTime(curve, 0.5),
    recursionHalfTime: crossingTime(recursion, 0.5),
    closedHalfTime: logisticHalfTime(c.beta, start),
  };
}

function run(scale: Scale): CaseOutcome {
  const c = CONFIG[scale];
  const m = measureSi(scale);
  const lag = m.recursionHalfTime === null ? 0 : Math.abs(m.recursionHalfTime - m.closedHalfTime);
  const halfTolerance = lag + c.halfTimeAllowance;
  const n = `${c.replicates} runs × N = ${c.staff.toLocaleString('en-US')}`;
  const measuredName = `simulated (mean of ${c.replicates} runs)`;
  const rows = m.curve.flatMap((v, month) => [
    { x: observedTime(month), y: v, curve: measuredName },
    { x: observedTime(month), y: m.recursion[month], curve: 'discrete logistic (weekly)' },
  ]);
  for (let k = 0; k <= c.months * 10; k++) rows.push({ x: k / 10, y: logistic(k / 10, c.beta, m.start), curve: 'logistic (continuous)' });
  return {
    checks: [
      check(
        `Mean curve vs the discrete logistic (months 0–${c.months})`,
        'F(k+1) = F(k) + βF(k)(1 − F(k))Δt',
        `every month |gap| ≤ ${c.seFactor} SE + ${c.floor} (SE of the mean over runs; ≤ ${format.number(Math.max(...m.standardError), 4)})`,
        `max |gap| = ${format.number(m.worstRecursion, 4)}, at most ${m.recursionZ.toFixed(2)} SE`,
        m.recursionOk,
      ),
      check(
        'Mean curve vs the logistic curve at observed tick times',
        `F(t) = 1 / (1 + ((1 − F₀)/F₀)e^{−βt}), β = ${c.beta}, F₀ = ${format.percent(m.start, 2)}`,
        `every month |gap| ≤ that month's discretization gap (max ${format.number(m.discretization, 3)}) + ${c.seFactor} SE + ${c.floor}`,
        `max |gap| = ${format.number(m.worstClosedForm, 4)}`,
        m.closedFormOk,
      ),
      check(
        'Half-time (50 % adopted)',
        `ln((1 − F₀)/F₀)/β = ${m.closedHalfTime.toFixed(2)} months`,
        `± ${halfTolerance.toFixed(2)} months (weekly lag ${lag.toFixed(2)} + ${c.halfTimeAllowance})`,
        format.months(m.halfTime),
        m.halfTime !== null && Math.abs(m.halfTime - m.closedHalfTime) <= halfTolerance,
      ),
    ],
    tables: [
      {
        caption: `SI on a complete graph (${n}, β = ${c.beta} per month, ${c.seeds} seeds)`,
        columns: ['quantity', 'logistic', 'discrete logistic', 'simulated'],
        rows: [
          ['F₀', format.percent(m.start, 3), format.percent(m.start, 3), format.percent(m.start, 3)],
          ['half-time', format.months(m.closedHalfTime), format.months(m.recursionHalfTime), format.months(m.halfTime)],
          ['F at 6 / 12 / 18 / 24 months', [6, 12, 18, 24].map((t) => format.percent(logistic(observedTime(t), c.beta, m.start))).join(' / '), [6, 12, 18, 24].map((t) => format.percent(m.recursion[t])).join(' / '), [6, 12, 18, 24].map((t) => format.percent(m.curve[t])).join(' / ')],
        ],
      },
    ],
    charts: [
      {
        id: 'si-logistic',
        title: 'SI on a complete graph vs the logistic curve',
        caption: `Mean of ${n} (points) against the weekly discrete logistic and the continuous logistic (β = ${c.beta}, F₀ ≈ ${format.percent(m.start, 2)}).`,
        spec: curvesChart({ title: 'SI vs logistic', subtitle: `complete graph, ${n}`, rows, measured: [measuredName], xTitle: 'Months', yTitle: 'Share adopted', yDomain: [0, 1] }),
      },
    ],
    notes: [
      `The weekly Euler step lags the continuous logistic (by ${lag.toFixed(2)} months at the half-time); the continuous comparison's tolerance is that computed lag plus an allowance.`,
    ],
  };
}

export const siLogisticCase: ValidationCase = {
  id: 'si-logistic',
  title: 'SI contagion on a complete graph vs the logistic curve',
  source: 'Logistic growth (Verhulst 1838); SI on a complete graph as the p → 0 limit of Bass (1969); β = q = 0.38 per month',
  establishes:
    'Pure peer contagion with full mixing follows the logistic curve: the peer term q·X, the synchronous exposure update and seeding are unbiased in the mean.',
  limits: 'A complete graph has no structure: clustering, degree heterogeneity and thresholds are untested here. Individual runs vary more than the mean (random early phase).',
  design: 'classic-bass with p = 0, q = β = 0.38, 100 seeds in N = 10,000 (F₀ ≈ 1 %), 36 months, 20 replicates (seeds 2000–2019).',
  run,
};
