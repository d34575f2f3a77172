/**
 * Advice under each explanation (MODEL-GROUNDING Revisions 9; Bayesian model averaging, Hoeting,
 * Madigan, Raftery & Volinsky 1999, Stat Sci 14:382): a policy contrast (e.g. 24 − 12 months,
 * final adoption) estimated under each explanation, stated with that explanation's posterior
 * weight, the model-averaged contrast (a mixture of the explanations' estimates), and whether the
 * explanations disagree — in which case the headline must say so instead of choosing one.
 *
 * Pure: estimates and weights in, `structural[]` entries and sentences out. The weights come from
 * `calibrate --models` (models.csv) or, without data, the prior (equal).
 */

export interface ExplanationEstimate {
  /** the explanation's name (its scenario) and plain label, e.g. "early interactions" */
  readonly name: string;
  readonly label: string;
  /** posterior weight (normalized here) */
  readonly weight: number;
  /** the contrast, percentage points, and its 95 % interval */
  readonly difference: number;
  readonly low: number;
  readonly high: number;
}

export type StructuralVerdict = 'gain' | 'loss' | 'no-material-difference' | 'inconclusive';

export interface StructuralEntry extends ExplanationEstimate {
  readonly verdict: StructuralVerdict;
  readonly sentence: string;
}

export interface StructuralAdvice {
  readonly entries: readonly StructuralEntry[];
  /** the mixture over explanations: weighted mean and 95 % interval (normal mixture) */
  readonly averaged: { readonly difference: number; readonly low: number; readonly high: number; readonly verdict: StructuralVerdict };
  /** explanations with at least MIN_WEIGHT disagree on the verdict */
  readonly disagree: boolean;
  readonly headline: string;
}

/** Below this posterior weight an explanation is listed but does not make the headline "disagree". */
export const MIN_WEIGHT = 0.05;

/** The verdict of a contrast against an equivalence margin: the 95 % interval within ±margin, or the mean beyond it. */
export function verdictOf(difference: number, low: number, high: number, marginPp: number): StructuralVerdict {
  if (low > -marginPp && high < marginPp) return 'no-material-difference';
  if (difference >= marginPp && low > 0) return 'gain';
  if (difference <= -marginPp && high < 0) return 'loss';
  return 'inconclusive';
}

function pp(value: number): string {
  return `${Math.abs(value).toFixed(1)} pp`;
}

function verdictWords(verdict: StructuralVerdict, difference: number, low: number, high: number, marginPp: number, contrast: string): string {
  const ci = `95 % CI ${low >= 0 ? '+' : ''}${low.toFixed(1)} to ${high >= 0 ? '+' : ''}${high.toFixed(1)}`;
  switch (verdict) {
    case 'gain':
      return `${contrast} gains ${pp(difference)} (${ci})`;
    case 'loss':
      return `${contrast} loses ${pp(difference)} (${ci})`;
    case 'no-material-difference':
      return `no material difference (within ±${marginPp} pp; ${ci})`;
    default:
      return `${difference >= 0 ? '+' : '−'}${pp(difference)}, not shown to be within ±${marginPp} pp (${ci})`;
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 through erf; error < 1.5e-7). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Quantile p of a mixture of normals (each estimate's interval read as mean ± 1.96 SD), by bisection. */
function mixtureQuantile(entries: readonly ExplanationEstimate[], weights: readonly number[], p: number): number {
  const sd = entries.map((e) => Math.max((e.high - e.low) / (2 * 1.959964), 1e-9));
  const cdf = (x: number) => entries.reduce((sum, e, k) => sum + weights[k] * normalCdf((x - e.difference) / sd[k]), 0);
  let lo = Math.min(...entries.map((e, k) => e.difference - 10 * sd[k]));
  let hi = Math.max(...entries.map((e, k) => e.difference + 10 * sd[k]));
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The advice under each explanation for one contrast (`contrast`, e.g. "24 months (vs 12)"), its
 * model average, and the headline: one sentence when the explanations agree, each verdict with
 * its weight when they disagree.
 */
export function structuralAdvice(estimates: readonly ExplanationEstimate[], marginPp: number, contrast: string): StructuralAdvice {
  if (estimates.length === 0) throw new RangeError('structural advice needs at least one explanation');
  const total = estimates.reduce((sum, e) => sum + e.weight, 0);
  const weights = estimates.map((e) => (total > 0 ? e.weight / total : 1 / estimates.length));
  const entries: StructuralEntry[] = estimates.map((e, k) => {
    const verdict = verdictOf(e.difference, e.low, e.high, marginPp);
    return { ...e, weight: weights[k], verdict, sentence: `Under ${e.label} (posterior ${weights[k].toFixed(2)}): ${verdictWords(verdict, e.difference, e.low, e.high, marginPp, contrast)}.` };
  });
  const difference = entries.reduce((sum, e) => sum + e.weight * e.difference, 0);
  const low = mixtureQuantile(entries, weights, 0.025);
  const high = mixtureQuantile(entries, weights, 0.975);
  const averaged = { difference, low, high, verdict: verdictOf(difference, low, high, marginPp) };
  const counted = entries.filter((e) => e.weight >= MIN_WEIGHT);
  const disagree = new Set(counted.map((e) => e.verdict)).size > 1;
  const headline = disagree
    ? `The explanations disagree: ${counted.map((e) => e.sentence.replace(/\.$/, '')).join('; ')}.`
    : `Every explanation with weight agrees: ${verdictWords(counted[0].verdict, difference, low, high, marginPp, contrast)} averaged over them.`;
  return { entries, averaged, disagree, headline };
}
