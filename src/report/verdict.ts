/**
 * A verdict as data: what the analysis decided about one comparison of engagement lengths —
 * which outcome, which lengths, the estimate and its interval, the effect size, the margin, the
 * verdict and whether a difference inside the margin is still notable. Decided here, once; the
 * words layers (verdict-words.ts: research register; plain-words.ts: plain language) only turn a
 * verdict into a sentence.
 */
import type { Interval } from '../stats/index.js';
import type { Comparison, ComparisonVerdict } from './model.js';
import type { OutcomeKey } from './outcomes.js';

/** A difference the interval says is real (or |g| ≥ this) is named even when it lies within the margin. */
export const NOTABLE_EFFECT_SIZE = 0.3;

/**
 * Why a difference inside the margin is worth naming: its 95 % interval excludes zero
 * ('reliable'), or Hedges' |g| ≥ NOTABLE_EFFECT_SIZE ('effect-size'); null when it is not (or
 * when the lengths are not equivalent: a difference beyond that is the verdict itself).
 */
export type Notable = 'reliable' | 'effect-size' | null;

export interface LengthVerdict {
  /** equivalent, differs, inconclusive or not assessed */
  readonly kind: ComparisonVerdict;
  readonly outcome: OutcomeKey;
  /** the length compared and the reference it is compared with, in months */
  readonly length: number;
  readonly reference: number;
  /** mean difference length − reference, native units (shares 0–1, months, scale points) */
  readonly estimate: number;
  readonly ci95: Interval;
  /** Hedges' g */
  readonly effectSize: number | null;
  /** the equivalence margin, native units */
  readonly margin: number;
  /** a difference whose estimate lies beyond the margin */
  readonly beyondMargin: boolean;
  /** replicates per length the test suggests to decide an inconclusive comparison */
  readonly replicatesNeeded: number | null;
  readonly notable: Notable;
}

/** The 95 % interval excludes zero: the sign of the difference is settled. */
export function excludesZero(ci: Interval): boolean {
  return ci.low > 0 || ci.high < 0;
}

/** Whether a comparison judged equivalent still shows a difference worth naming (see Notable). */
export function notabilityOf(c: Pick<Comparison, 'verdict' | 'ci95' | 'effectSize'>): Notable {
  if (c.verdict !== 'equivalent') return null;
  if (excludesZero(c.ci95)) return 'reliable';
  return c.effectSize !== null && Math.abs(c.effectSize) >= NOTABLE_EFFECT_SIZE ? 'effect-size' : null;
}

/** A comparison's verdict as data (the comparison keeps its research-register words beside it). */
export function verdictOf(c: Comparison): LengthVerdict {
  return {
    kind: c.verdict,
    outcome: c.outcome,
    length: c.length,
    reference: c.reference,
    estimate: c.estimate,
    ci95: c.ci95,
    effectSize: c.effectSize,
    margin: c.margin,
    beyondMargin: c.beyondMargin,
    replicatesNeeded: c.replicatesNeeded,
    notable: notabilityOf(c),
  };
}

/** A real difference (interval excludes zero) not shown to lie within or beyond the margin. */
export function realButUnplaced(c: Pick<Comparison, 'verdict' | 'beyondMargin'>): boolean {
  return c.verdict === 'differs' && !c.beyondMargin;
}
