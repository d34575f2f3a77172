/**
 * The study's patterns 1–3, defined once: the report (src/report/analysis.ts, messages.ts) and
 * `npm run validate` (src/validation/study-patterns.ts) both measure and judge them with these
 * functions, so they cannot disagree on what "trust leads A/P/F" (pattern 1), "limited and high
 * engagements do not differ materially" (pattern 2, `pattern2Verdict`) or "spreads through
 * colleagues" (pattern 3, `pattern3Holds`) means.
 */
import { confidenceInterval, mean, pairedBootstrap, type Interval } from '../stats/index.js';

/** The pathway of the study's Figure 1, in causal order, as pattern 1 measures it. */
export const PATHWAY_STEPS = ['trust', 'A/P/F', 'knowledge', 'application', 'sustained capacity'] as const;

/** The monthly series pattern 1 reads (a RunResult's series or a mean of them). */
export interface PathwayCurves {
  readonly trust: readonly number[];
  readonly aim: readonly number[];
  readonly iam: readonly number[];
  readonly fim: readonly number[];
  readonly knowledge: readonly number[];
  readonly adoption: readonly number[];
  readonly sustained: readonly number[];
}

/**
 * The first (fractional, linear between month ends) month at which a curve covers half of its
 * rise from month 0 to its maximum; null when it never rises. Measured from month 0 — the state
 * before any support — not from a later minimum: a dip before the rise must not move the
 * half-rise later (it would flatter the order of change).
 */
export function halfRiseMonth(curve: readonly number[]): number | null {
  if (curve.length < 2) return null;
  const start = curve[0];
  let highest = start;
  for (let m = 1; m < curve.length; m++) if (curve[m] > highest) highest = curve[m];
  const rise = highest - start;
  if (!(rise > 1e-9)) return null;
  const half = start + rise / 2;
  for (let m = 1; m < curve.length; m++) {
    if (curve[m] >= half) {
      const before = curve[m - 1];
      return before >= half ? m - 1 : m - 1 + (half - before) / (curve[m] - before);
    }
  }
  return null;
}

/** Mean of A, P, F month by month (on the 1–5 scale; the half-rise does not depend on the scale). */
export function readinessCurve(c: PathwayCurves): number[] {
  return c.aim.map((a, m) => (a + c.iam[m] + c.fim[m]) / 3);
}

/** Half-rise months of the five steps, in PATHWAY_STEPS order. */
export function pathwayHalfRises(c: PathwayCurves): (number | null)[] {
  return [halfRiseMonth(c.trust), halfRiseMonth(readinessCurve(c)), halfRiseMonth(c.knowledge), halfRiseMonth(c.adoption), halfRiseMonth(c.sustained)];
}

/** Pattern 1 holds: every step rises, each strictly after the one before. */
export function orderHolds(halves: readonly (number | null)[]): boolean {
  return halves.every((v, k) => v !== null && (k === 0 || v > (halves[k - 1] as number)));
}

/** Limited engagements are 6–12 months, high ones 12+ (Metz et al. 2024): ≤ 12 vs > 12. */
export const LIMITED_MAX_MONTHS = 12;

/** Whether an engagement length is "limited" in the study's sense (pattern 2 compares across this line). */
export function isLimited(lengthMonths: number): boolean {
  return lengthMonths <= LIMITED_MAX_MONTHS;
}

/** One limited-vs-high comparison as pattern 2 reads it: a report Comparison or a validation TOST result. */
export interface Pattern2Test {
  /** 'equivalent' | 'differs' | 'inconclusive' (or the report's 'not-assessed') */
  readonly verdict: string;
  /** the whole 95 % CI lies beyond the margin */
  readonly beyondMargin: boolean;
  /** high − limited (or length − reference) */
  readonly estimate: number;
  readonly margin: number;
}

/**
 * How pattern 2 is judged. 'equivalence' (the report, and validate at full scale): it holds when
 * every limited-vs-high comparison is TOST-equivalent within the margin, fails when one differs
 * materially (its 95 % CI wholly beyond the margin), otherwise is undetermined. 'point-estimate'
 * (validate's fast smoke scale only, where 40 seeds cannot show equivalence for a 3–4 pp
 * difference): it holds when no point estimate reaches the margin.
 */
export type Pattern2Rule = 'equivalence' | 'point-estimate';

/** A difference that breaks pattern 2: real (95 % CI excludes 0) and beyond the margin. */
export function isMaterialDifference(test: Pattern2Test): boolean {
  return test.verdict === 'differs' && test.beyondMargin;
}

/** Pattern 2's verdict over the comparisons that cross the limited/high line (at least one). */
export function pattern2Verdict(tests: readonly Pattern2Test[], rule: Pattern2Rule = 'equivalence'): 'holds' | 'does-not-hold' | 'undetermined' {
  if (rule === 'point-estimate') return tests.every((t) => Math.abs(t.estimate) < t.margin) ? 'holds' : 'does-not-hold';
  if (tests.some(isMaterialDifference)) return 'does-not-hold';
  if (tests.every((t) => t.verdict === 'equivalent')) return 'holds';
  return 'undetermined';
}

/** Month-by-month mean of curves of one length (shorter curves end early). */
export function meanCurve(curves: readonly (readonly number[])[]): number[] {
  const months = Math.max(...curves.map((c) => c.length));
  const out: number[] = [];
  for (let m = 0; m < months; m++) {
    let sum = 0;
    let n = 0;
    for (const c of curves) {
      if (m < c.length) {
        sum += c[m];
        n++;
      }
    }
    out.push(sum / n);
  }
  return out;
}

/** Mean pathway curves of runs. */
export function meanPathway(runs: readonly { readonly series: PathwayCurves }[]): PathwayCurves {
  const of = (key: keyof PathwayCurves) => meanCurve(runs.map((r) => r.series[key]));
  return { trust: of('trust'), aim: of('aim'), iam: of('iam'), fim: of('fim'), knowledge: of('knowledge'), adoption: of('adoption'), sustained: of('sustained') };
}

// ── Pattern 3, widening circles, against the degree-preserving null (MODEL-GROUNDING Revisions 6) ──

/** The ring statistics of a run's summary. */
export interface RingSummary {
  readonly ringCorrelation: number | null;
  readonly ringCorrelationBeyond0?: number | null;
  readonly ringCorrelationUnengaged?: number | null;
}

export const RING_STATISTICS = ['ringCorrelation', 'ringCorrelationBeyond0', 'ringCorrelationUnengaged'] as const;
export type RingStatistic = (typeof RING_STATISTICS)[number];

export const RING_LABELS: Record<RingStatistic, string> = {
  ringCorrelation: 'ρ(ring, adoption week), all adopters',
  ringCorrelationBeyond0: 'ρ outside ring 0',
  ringCorrelationUnengaged: 'ρ among staff of never-engaged units',
};

export interface RingAgainstNull {
  readonly statistic: RingStatistic;
  /** runs (seeds) where both the model and the null have the statistic */
  readonly n: number;
  readonly model: number;
  readonly null: number;
  /** model − null, paired by seed, with its 95 % bootstrap-t interval */
  readonly difference: number;
  readonly ci95: Interval;
  /** the interval lies wholly above 0 */
  readonly beatsNull: boolean;
  /** "spreads through colleagues" or "follows the rollout order" */
  readonly reading: string;
}

/**
 * Each ring statistic in runs of the model against the same seeds on the null network
 * (organization.nullTies: same units and degrees, ties rewired). Only a statistic that beats the
 * null says adoption spreads through colleagues; otherwise the rings follow the rollout order.
 */
export function ringsAgainstNull(model: readonly RingSummary[], nullRuns: readonly RingSummary[], seed: string): RingAgainstNull[] {
  return RING_STATISTICS.map((statistic) => {
    const x: number[] = [];
    const y: number[] = [];
    model.forEach((run, k) => {
      const a = run[statistic];
      const b = nullRuns[k]?.[statistic];
      if (typeof a === 'number' && typeof b === 'number') {
        x.push(a);
        y.push(b);
      }
    });
    if (x.length < 3) {
      return { statistic, n: x.length, model: NaN, null: NaN, difference: NaN, ci95: { low: NaN, high: NaN }, beatsNull: false, reading: 'not assessed (too few runs with the statistic)' };
    }
    const result = pairedBootstrap(x, y, { seed: `rings:${seed}:${statistic}`, resamples: 2000 });
    const ci95 = confidenceInterval(result, 0.95);
    const beatsNull = ci95.low > 0;
    // No finite interval (a few runs whose resamples have no spread): not a reading either way.
    const reading = Number.isNaN(ci95.low) ? 'not assessed (too few runs to say)' : beatsNull ? 'spreads through colleagues' : 'follows the rollout order';
    return { statistic, n: x.length, model: mean(x), null: mean(y), difference: result.estimate, ci95, beatsNull, reading };
  });
}

/**
 * Pattern 3 holds ("adoption spreads through colleagues beyond the first-engaged units") when the
 * ring correlation outside ring 0 beats the null network; false when that statistic is missing.
 */
export function pattern3Holds(statistics: readonly RingAgainstNull[]): boolean {
  return statistics.find((r) => r.statistic === 'ringCorrelationBeyond0')?.beatsNull ?? false;
}
