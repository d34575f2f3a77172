/**
 * Docking case 1 — the Bass (1969) model. `classic-bass` reduces the engine to its limit case
 * (full mixing, φ = 0, gates off, constant dose 1, no discontinuation or turnover), where the
 * adoption hazard is p + q·F per month. The mean adoption curve is compared with
 *   - the discrete recursion the weekly engine implements in expectation:
 *       F(k+1) = F(k) + (p + q·F(k))·(1 − F(k))·Δt,  Δt = 12/52 month;
 *   - the closed form F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}), evaluated at the
 *     time each month is observed (the end of tick round(m·52/12)), since month m is not at
 *     exactly m months;
 *   - the closed form's landmarks (MODEL-GROUNDING): F = 0.16 / 0.50 / 0.84 at 3.13 / 6.55 /
 *     10.46 months, peak rate (p+q)²/4q = 0.1106 at t* = ln(q/p)/(p+q) = 6.19.
 */
import { monthEndWeek, MONTHS_PER_WEEK } from '../sim/index.js';
import { check, type CaseOutcome, type Scale, type ValidationCase } from './case.js';
import { curvesChart } from './charts.js';
import { crossingTime, format, meanSeries, observedTime, runAll, scenarioWith, seedList } from './common.js';

/** Sultan, Farley & Lehmann (1990) meta-analysis means, per month. */
export const BASS_P = 0.03;
export const BASS_Q = 0.38;

export function bassClosedForm(t: number, p = BASS_P, q = BASS_Q): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** The closed form's inverse: the time at which F(t) = share. */
export function bassTimeTo(share: number, p = BASS_P, q = BASS_Q): number {
  const e = (1 - share) / (1 + (share * q) / p);
  return -Math.log(e) / (p + q);
}

/** Peak of the adoption rate: t* = ln(q/p)/(p+q), F(t*) = ½ − p/2q, rate (p+q)²/4q. */
export function bassPeak(p = BASS_P, q = BASS_Q): { time: number; share: number; rate: number } {
  return { time: Math.log(q / p) / (p + q), share: 0.5 - p / (2 * q), rate: (p + q) ** 2 / (4 * q) };
}

/**
 * The weekly engine's expected curve, one value per tick 0..ticks:
 * F(k+1) = F(k) + (p + q·F(k))·(1 − F(k))·Δt. With p = 0 it is the discrete logistic (SI).
 */
export function bassRecursion(ticks: number, p = BASS_P, q = BASS_Q, start = 0): number[] {
  const out = [start];
  let share = start;
  for (let k = 0; k < ticks; k++) {
    share += (p + q * share) * (1 - share) * MONTHS_PER_WEEK;
    out.push(share);
  }
  return out;
}

/** Per-tick values read at the end of each month 0..months. */
export function atMonthEnds(perTick: readonly number[], months: number): number[] {
  return Array.from({ length: months + 1 }, (_, m) => perTick[monthEndWeek(m)]);
}

export interface BassDocking {
  /** expected monthly curves */
  readonly recursion: number[];
  readonly closedForm: number[];
  /** largest absolute gap of the measured curve over months 0..months */
  readonly worstRecursion: number;
  readonly worstClosedForm: number;
  /** the same gap between recursion and closed form: the discretization error alone */
  readonly discretization: number;
}

/** Compare a measured monthly mean curve with the recursion and the closed form. */
export function bassDocking(measured: readonly number[], p = BASS_P, q = BASS_Q): BassDocking {
  const months = measured.length - 1;
  const recursion = atMonthEnds(bassRecursion(monthEndWeek(months), p, q), months);
  const closedForm = recursion.map((_, m) => bassClosedForm(observedTime(m), p, q));
  let worstRecursion = 0;
  let worstClosedForm = 0;
  let discretization = 0;
  for (let m = 0; m <= months; m++) {
    worstRecursion = Math.max(worstRecursion, Math.abs(measured[m] - recursion[m]));
    worstClosedForm = Math.max(worstClosedForm, Math.abs(measured[m] - closedForm[m]));
    discretization = Math.max(discretization, Math.abs(recursion[m] - closedForm[m]));
  }
  return { recursion, closedForm, worstRecursion, worstClosedForm, discretization };
}

/** The largest monthly increment of a curve: which month, and the rate per month over it. */
export function peakIncrement(curve: readonly number[]): { month: number; midTime: number; rate: number } {
  let best = { month: 1, midTime: 0, rate: -Infinity };
  for (let m = 1; m < curve.length; m++) {
    const span = observedTime(m) - observedTime(m - 1);
    const rate = (curve[m] - curve[m - 1]) / span;
    if (rate > best.rate) best = { month: m, midTime: (observedTime(m) + observedTime(m - 1)) / 2, rate };
  }
  return best;
}

interface BassConfig {
  readonly staff: number;
  readonly replicates: number;
  readonly firstSeed: number;
  /** max |mean − recursion| */
  readonly recursionTolerance: number;
  /** allowance for sampling on top of the computed discretization error */
  readonly samplingAllowance: number;
  /** landmark times, months */
  readonly timeTolerance: number;
  readonly rateTolerance: number;
}

const CONFIG: Record<Scale, BassConfig> = {
  full: { staff: 10_000, replicates: 20, firstSeed: 1000, recursionTolerance: 0.01, samplingAllowance: 0.008, timeTolerance: 0.3, rateTolerance: 0.005 },
  fast: { staff: 2_000, replicates: 5, firstSeed: 1000, recursionTolerance: 0.02, samplingAllowance: 0.015, timeTolerance: 0.5, rateTolerance: 0.01 },
};

const LANDMARKS = [0.16, 0.5, 0.84];

function run(scale: Scale): CaseOutcome {
  const config = CONFIG[scale];
  const scenario = scenarioWith('classic-bass', `organization.staff=${config.staff}`);
  const curve = meanSeries(runAll(scenario, seedList(config.replicates, config.firstSeed)));
  const docking = bassDocking(curve);
  const closedTolerance = docking.discretization + config.samplingAllowance;
  const peak = bassPeak();
  const measuredPeak = peakIncrement(curve);
  const landmarkRows = LANDMARKS.map((level) => {
    const expected = bassTimeTo(level);
    const measured = crossingTime(curve, level);
    return { level, expected, measured, ok: measured !== null && Math.abs(measured - expected) <= config.timeTolerance };
  });
  const n = `${config.replicates} runs × N = ${config.staff.toLocaleString('en-US')}`;
  const checks = [
    check(
      'Mean curve vs the discrete recursion (months 0–30)',
      'F(k+1) = F(k) + (p + qF(k))(1 − F(k))Δt, Δt = 12/52',
      `max |gap| ≤ ${config.recursionTolerance}`,
      `max |gap| = ${format.number(docking.worstRecursion, 4)}`,
      docking.worstRecursion <= config.recursionTolerance,
    ),
    check(
      'Mean curve vs the closed form at observed tick times',
      'F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)e^{−(p+q)t})',
      `max |gap| ≤ ${format.number(closedTolerance, 3)} (discretization ${format.number(docking.discretization, 3)} + sampling ${config.samplingAllowance})`,
      `max |gap| = ${format.number(docking.worstClosedForm, 4)}`,
      docking.worstClosedForm <= closedTolerance,
    ),
    check(
      'Times to 16 / 50 / 84 % adoption',
      landmarkRows.map((r) => r.expected.toFixed(2)).join(' / ') + ' months',
      `± ${config.timeTolerance} months each (the weekly recursion lags the closed form by 0.07–0.15)`,
      landmarkRows.map((r) => (r.measured === null ? 'never' : r.measured.toFixed(2))).join(' / ') + ' months',
      landmarkRows.every((r) => r.ok),
    ),
    check(
      'Peak adoption rate and its timing',
      `${peak.rate.toFixed(4)} per month at t* = ${peak.time.toFixed(2)} months`,
      `rate ± ${config.rateTolerance}; the peak month's midpoint within 1 month of t*`,
      `${measuredPeak.rate.toFixed(4)} per month in month ${measuredPeak.month} (midpoint ${measuredPeak.midTime.toFixed(2)})`,
      Math.abs(measuredPeak.rate - peak.rate) <= config.rateTolerance && Math.abs(measuredPeak.midTime - peak.time) <= 1,
    ),
  ];
  const tStar = crossingTime(curve, peak.share);
  const rows = curve.flatMap((v, m) => [
    { x: observedTime(m), y: v, curve: `simulated (mean of ${config.replicates} runs)` },
    { x: observedTime(m), y: docking.recursion[m], curve: 'discrete recursion (weekly)' },
  ]);
  for (let k = 0; k <= 300; k++) rows.push({ x: k / 10, y: bassClosedForm(k / 10), curve: 'closed form' });
  return {
    checks,
    tables: [
      {
        caption: `Landmarks of the mean adoption curve (${n})`,
        columns: ['landmark', 'closed form', 'weekly recursion', 'simulated'],
        rows: [
          ...landmarkRows.map((r) => {
            const recursionTime = crossingTime(docking.recursion, r.level);
            return [`F = ${r.level}`, format.months(r.expected), format.months(recursionTime), format.months(r.measured)];
          }),
          ['F(t*) = ½ − p/2q', peak.share.toFixed(4), '', tStar === null ? '' : `reached at ${tStar.toFixed(2)} months (t* = ${peak.time.toFixed(2)})`],
          ['peak rate (per month)', peak.rate.toFixed(4), peakIncrement(docking.recursion).rate.toFixed(4), measuredPeak.rate.toFixed(4)],
        ],
      },
    ],
    charts: [
      {
        id: 'bass',
        title: 'Bass docking: share adopted by month',
        caption: `Mean of ${n} of classic-bass (points) against the weekly recursion and the closed form (p = 0.03, q = 0.38 per month).`,
        spec: curvesChart({
          title: 'Bass docking',
          subtitle: `classic-bass, ${n}`,
          rows,
          measured: [`simulated (mean of ${config.replicates} runs)`],
          xTitle: 'Months',
          yTitle: 'Share adopted',
          yDomain: [0, 1],
        }),
      },
    ],
    notes: [
      `Weekly ticks make the engine follow the discrete recursion, which lags the closed form by up to ${format.number(docking.discretization, 3)} in share; the closed-form tolerance is that computed gap plus a sampling allowance.`,
    ],
  };
}

export const bassCase: ValidationCase = {
  id: 'bass',
  title: 'Bass diffusion on a fully mixed population',
  source: 'Bass (1969) Management Science 15:215; p = 0.03, q = 0.38 per month: Sultan, Farley & Lehmann (1990) JMR 27:70',
  establishes:
    'With every study mechanism switched off, the weekly engine reproduces the Bass model: its mean curve follows the discrete recursion to sampling error and the closed form to the discretization error, including the S-curve landmarks and the peak.',
  limits:
    'Full mixing and constant dose only: it says nothing about networks, thresholds, gates or engagements, and nothing about whether Bass parameters fit an organization.',
  design: 'classic-bass (N = 10,000, full mixing, 30 months), 20 replicates (seeds 1000–1019), mean share adopted by month.',
  run,
};
