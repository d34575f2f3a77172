/**
 * Docking case 3 — linear-threshold cascades on Erdős–Rényi graphs (Watts 2002, PNAS 99:5766).
 *
 * Analytic side (Poisson degrees p_k = e^{−z}z^k/k!, uniform threshold φ):
 *   - a person with k ties is vulnerable (one applying tie suffices) when 1/k ≥ φ, i.e.
 *     k ≤ K = floor(1/φ) (K = 5 for φ = 0.18);
 *   - cascade condition (Watts's eq. for the vulnerable cluster to percolate):
 *       Σ_k k(k−1)·ρ_k·p_k ≥ z,  ρ_k = 1 if k ≤ K else 0;
 *     the z where it holds is the cascade window (1.02 ≤ z ≤ 5.76 for φ = 0.18);
 *   - frequency of global cascades from one random seed = the share of people in or next to
 *     the giant vulnerable cluster: 1 − G₀(u), where u solves
 *       u = 1 − Σ_{k ≤ K−1} q_k·(1 − u^k),  q_k = (k+1)p_{k+1}/z (= p_k for Poisson),
 *     the chance that a tie does not lead into the infinite vulnerable cluster.
 * Simulated side: `classic-threshold` at each z, one random seed, run to its fixed point; a
 * cascade is global when it reaches ≥ 10 % of N (our cutoff — sizes are bimodal away from z ≈ 1,
 * and the 1 % cutoff is tabulated too).
 */
import { check, type CaseOutcome, type Scale, type ValidationCase } from './case.js';
import { intervalsChart, type CurveRow, type IntervalRow } from './charts.js';
import { wilson } from '../stats/index.js';
import { format, mean, runCascade, scenarioWith, seedList, type CascadeOutcome } from './common.js';

export const WATTS_PHI = 0.18;

export function poisson(z: number, k: number): number {
  let p = Math.exp(-z);
  for (let j = 1; j <= k; j++) p *= z / j;
  return p;
}

/** Largest degree at which one applying tie reaches the threshold: k·φ ≤ 1. */
export function vulnerableDegree(phi: number): number {
  return Math.floor(1 / phi + 1e-12);
}

/** Σ_k k(k−1)·ρ_k·p_k − z: the cascade condition holds where this is ≥ 0. */
export function cascadeCondition(z: number, phi = WATTS_PHI): number {
  let sum = 0;
  for (let k = 2; k <= vulnerableDegree(phi); k++) sum += k * (k - 1) * poisson(z, k);
  return sum - z;
}

function bisect(f: (z: number) => number, low: number, high: number): number {
  let a = low;
  let b = high;
  const sign = Math.sign(f(a));
  for (let i = 0; i < 200; i++) {
    const middle = (a + b) / 2;
    if (Math.sign(f(middle)) === sign) a = middle;
    else b = middle;
  }
  return (a + b) / 2;
}

/** The interval of mean degrees where the cascade condition holds (null if nowhere). */
export function cascadeWindow(phi = WATTS_PHI, zMax = 50): { low: number; high: number } | null {
  const f = (z: number) => cascadeCondition(z, phi);
  const step = 0.01;
  let low: number | null = null;
  for (let z = step; z <= zMax; z += step) {
    if (low === null && f(z) >= 0) low = bisect(f, z - step, z);
    if (low !== null && f(z) < 0) return { low, high: bisect(f, z - step, z) };
  }
  return null;
}

/** Analytic chance that one random seed triggers a global cascade: 1 − G₀(u). */
export function cascadeFrequency(z: number, phi = WATTS_PHI): number {
  const K = vulnerableDegree(phi);
  let u = 0;
  for (let iteration = 0; iteration < 100_000; iteration++) {
    let reach = 0;
    for (let k = 0; k <= K - 1; k++) reach += poisson(z, k) * (1 - u ** k);
    const next = 1 - reach;
    if (Math.abs(next - u) < 1e-14) {
      u = next;
      break;
    }
    u = next;
  }
  return 1 - Math.exp(z * (u - 1));
}

export interface DegreePoint {
  readonly z: number;
  readonly analytic: number;
  readonly runs: number;
  /** runs reaching ≥ 10 % and ≥ 1 % of N */
  readonly global: number;
  readonly globalAt1: number;
  /** mean final share of the global cascades (null if none) */
  readonly meanGlobalSize: number | null;
  readonly meanDegree: number;
  readonly maxWeeks: number;
  readonly unsettled: number;
}

export const GLOBAL_CUTOFF = 0.1;

export function simulateDegree(z: number, staff: number, replicates: number): DegreePoint {
  const scenario = scenarioWith('classic-threshold', `organization.meanDegree=${z}`, `organization.staff=${staff}`, 'months=200');
  const outcomes: CascadeOutcome[] = seedList(replicates, 3000).map((seed) => runCascade(scenario, seed));
  const shares = outcomes.map((o) => o.adopters / o.staff);
  const global = shares.filter((s) => s >= GLOBAL_CUTOFF);
  return {
    z,
    analytic: cascadeFrequency(z),
    runs: replicates,
    global: global.length,
    globalAt1: shares.filter((s) => s >= 0.01).length,
    meanGlobalSize: global.length > 0 ? mean(global) : null,
    meanDegree: mean(outcomes.map((o) => o.meanDegree)),
    maxWeeks: Math.max(...outcomes.map((o) => o.weeks)),
    unsettled: outcomes.filter((o) => !o.settled).length,
  };
}

interface WattsConfig {
  readonly staff: number;
  readonly replicates: number;
  readonly degrees: readonly number[];
  /** |simulated − analytic frequency| at every z */
  readonly tolerance: number;
  /** "≈ 0" well outside the window */
  readonly outsideMax: number;
  /** "high" inside: z ∈ [1.5, 5] */
  readonly insideMin: number;
}

const CONFIG: Record<Scale, WattsConfig> = {
  full: { staff: 10_000, replicates: 200, degrees: [0.5, 1, 1.5, 2, 3, 4, 5, 5.5, 6, 6.5, 7, 8, 10], tolerance: 0.1, outsideMax: 0.02, insideMin: 0.5 },
  fast: { staff: 2_000, replicates: 40, degrees: [0.5, 2, 4, 8], tolerance: 0.2, outsideMax: 0.05, insideMin: 0.5 },
};

function run(scale: Scale): CaseOutcome {
  const c = CONFIG[scale];
  const window = cascadeWindow()!;
  const points = c.degrees.map((z) => simulateDegree(z, c.staff, c.replicates));
  const frequency = (p: DegreePoint) => p.global / p.runs;
  const inside = points.filter((p) => p.z >= 1.5 && p.z <= 5);
  const outside = points.filter((p) => p.z <= window.low - 0.5 || p.z >= window.high + 1);
  const worst = points.reduce((w, p) => (Math.abs(frequency(p) - p.analytic) > Math.abs(frequency(w) - w.analytic) ? p : w), points[0]);
  const list = (ps: readonly DegreePoint[], value: (p: DegreePoint) => number) => ps.map((p) => `z=${p.z}: ${value(p).toFixed(2)}`).join(', ');
  const n = `N = ${c.staff.toLocaleString('en-US')}, ${c.replicates} single-seed runs per z`;
  const checks = [
    check(
      'Simulated frequency of global cascades vs the analytic frequency, every z',
      `1 − G₀(u) (extended vulnerable cluster): ${list(points, (p) => p.analytic)}`,
      `|simulated − analytic| ≤ ${c.tolerance} (≈ 3 binomial SE at ${c.replicates} runs)`,
      `${list(points, frequency)}; largest gap ${Math.abs(frequency(worst) - worst.analytic).toFixed(3)} at z = ${worst.z}`,
      points.every((p) => Math.abs(frequency(p) - p.analytic) <= c.tolerance),
    ),
    check(
      'Global cascades are frequent inside the window',
      `z in [1.5, 5] (inside the analytic window ${window.low.toFixed(2)}–${window.high.toFixed(2)})`,
      `frequency ≥ ${c.insideMin}`,
      list(inside, frequency),
      inside.length > 0 && inside.every((p) => frequency(p) >= c.insideMin),
    ),
    check(
      'No global cascades well outside the window',
      `z ≤ ${(window.low - 0.5).toFixed(2)} or z ≥ ${(window.high + 1).toFixed(2)}: frequency ≈ 0`,
      `frequency ≤ ${c.outsideMax}`,
      list(outside, frequency),
      outside.length > 0 && outside.every((p) => frequency(p) <= c.outsideMax),
    ),
    check(
      'Every cascade reached its fixed point',
      'no run still spreading at the 200-month horizon',
      'none unsettled',
      `${points.reduce((a, p) => a + p.unsettled, 0)} unsettled; longest cascade ${Math.max(...points.map((p) => p.maxWeeks))} weeks`,
      points.every((p) => p.unsettled === 0),
    ),
  ];
  const reference: CurveRow[] = [];
  const zMax = Math.max(...c.degrees) + 0.5;
  for (let k = 0; k <= zMax * 20; k++) reference.push({ x: k / 20, y: cascadeFrequency(k / 20), curve: 'analytic (N → ∞)' });
  const intervals: IntervalRow[] = points.map((p) => {
    const ci = wilson(p.global, p.runs);
    return { x: p.z, y: frequency(p), low: ci.low, high: ci.high, series: `simulated (${n})` };
  });
  return {
    checks,
    tables: [
      {
        caption: `Watts cascades, φ = ${WATTS_PHI}, ${n}; analytic window ${window.low.toFixed(3)} ≤ z ≤ ${window.high.toFixed(3)}`,
        columns: ['z', 'cascade condition Σk(k−1)ρₖpₖ − z', 'analytic frequency', 'simulated (≥ 10 %)', '95 % CI', 'simulated (≥ 1 %)', 'mean size of global cascades', 'mean degree built'],
        rows: points.map((p) => {
          const ci = wilson(p.global, p.runs);
          return [
            String(p.z),
            format.number(cascadeCondition(p.z), 3),
            p.analytic.toFixed(3),
            frequency(p).toFixed(3),
            format.interval(ci.low, ci.high, (v) => v.toFixed(3)),
            (p.globalAt1 / p.runs).toFixed(3),
            p.meanGlobalSize === null ? '—' : format.percent(p.meanGlobalSize),
            p.meanDegree.toFixed(2),
          ];
        }),
      },
    ],
    charts: [
      {
        id: 'watts-cascade',
        title: 'Watts (2002) cascade window, φ = 0.18',
        caption: `Frequency of global cascades (≥ 10 % of N) from one random seed against mean degree z: simulated with 95 % Wilson intervals (${n}) and the analytic frequency; the analytic window is ${window.low.toFixed(2)} ≤ z ≤ ${window.high.toFixed(2)}.`,
        spec: intervalsChart({
          title: 'Global cascades vs mean degree',
          subtitle: `random graph (ER), φ = 0.18, ${n}`,
          points: intervals,
          reference,
          xTitle: 'Mean degree z',
          yTitle: 'Frequency of global cascades',
          yDomain: [0, 1],
        }),
      },
    ],
    notes: [
      `The analytic cascade condition holds for ${window.low.toFixed(3)} ≤ z ≤ ${window.high.toFixed(3)} (vulnerable degrees k ≤ ${vulnerableDegree(WATTS_PHI)}). At finite N the upper edge is soft: a few cascades still occur just above it (Whitney's "total network cascades"), which is why Watts's simulated window reaches further than the analytic one.`,
      'Global cascades, when they happen, take almost everyone in the giant component: sizes are bimodal (tiny or near-total) except close to z = 1, where they are limited by connectivity.',
    ],
  };
}

export const wattsCascadeCase: ValidationCase = {
  id: 'watts-cascade',
  title: 'Linear-threshold cascades on Erdős–Rényi graphs (Watts 2002)',
  source: 'Watts DJ (2002) A simple model of global cascades on random networks. PNAS 99:5766–5771',
  establishes:
    'The threshold rule, the network generator (Poisson degrees) and single-seed starts reproduce the cascade window: frequent global cascades from one seed inside 1.02 ≤ z ≤ 5.76 at the analytic frequency, none well outside.',
  limits:
    'Uniform φ on random graphs: it says nothing about the organization network, heterogeneous thresholds, the hazard rule or any study mechanism; near the window edges finite N blurs the comparison.',
  design: 'classic-threshold (N = 10,000, φ = 0.18, one random seed) at 13 mean degrees z from 0.5 to 10, 200 runs each (seeds 3000–3199), each run to its fixed point.',
  run,
};
