/**
 * TOST equivalence (Schuirmann 1987; Lakens 2017) on a bootstrap-t distribution, and the
 * three-way verdict the report states:
 *   equivalent   — the 90 % interval lies inside (−margin, +margin) ⇔ both one-sided tests reject at α = 0.05
 *   differs      — otherwise, when the 95 % interval excludes 0
 *   inconclusive — neither: more replicates are needed to decide
 */
import { confidenceInterval, tailShare, type BootstrapDifference, type Interval } from './bootstrap.js';

export const ALPHA = 0.05;

export const Verdict = { equivalent: 'equivalent', differs: 'differs', inconclusive: 'inconclusive' } as const;
export type Verdict = keyof typeof Verdict;

export interface Equivalence {
  readonly verdict: Verdict;
  readonly estimate: number;
  readonly margin: number;
  readonly ci95: Interval;
  readonly ci90: Interval;
  /** one-sided p-values against Δ ≤ −margin and Δ ≥ +margin; the TOST p is the larger */
  readonly pLower: number;
  readonly pUpper: number;
  readonly p: number;
  /** a difference whose whole 95 % interval lies beyond the margin */
  readonly beyondMargin: boolean;
  /**
   * For an inconclusive result: a rough replicate count per length that would decide it, from the
   * observed spread (80 % power), or null.
   */
  readonly replicatesNeeded: number | null;
}

const Z_95_ONE_SIDED = 1.6448536269514722;
const Z_975 = 1.959963984540054;
const Z_80 = 0.8416212335729143;

/** Below this many runs (or pairs) the observed spread is too rough to suggest a replicate count. */
const MIN_N_FOR_SUGGESTION = 5;

function replicatesNeeded(result: BootstrapDifference, margin: number): number | null {
  const { estimate, se, n } = result;
  if (se === 0 || n < MIN_N_FOR_SUGGESTION) return null;
  const spread = se * Math.sqrt(n); // SD of one difference (paired) or √(var x + var y) (unpaired, equal n)
  const distance = Math.abs(estimate) < margin ? margin - Math.abs(estimate) : Math.abs(estimate);
  const z = Math.abs(estimate) < margin ? Z_95_ONE_SIDED : Z_975;
  if (distance <= 0) return null;
  return Math.min(100_000, Math.max(n + 1, Math.ceil(((z + Z_80) * spread / distance) ** 2)));
}

export function equivalenceTest(result: BootstrapDifference, margin: number): Equivalence {
  if (!(margin > 0)) throw new RangeError(`margin must be positive, got ${margin}`);
  const { estimate, se, tStar } = result;
  const ci95 = confidenceInterval(result, 1 - ALPHA);
  const ci90 = confidenceInterval(result, 1 - 2 * ALPHA);
  let pLower: number;
  let pUpper: number;
  if (Number.isNaN(ci95.low) || Number.isNaN(ci90.low)) {
    // No interval to state (too few pairs, no finite bound): no test either — not a tiny p.
    pLower = Number.NaN;
    pUpper = Number.NaN;
  } else if (se === 0) {
    pLower = estimate > -margin ? 0 : 1;
    pUpper = estimate < margin ? 0 : 1;
  } else {
    pLower = tailShare(tStar, (estimate + margin) / se, 'upper');
    pUpper = tailShare(tStar, (estimate - margin) / se, 'lower');
  }
  const equivalent = !Number.isNaN(pLower) && ci90.low > -margin && ci90.high < margin;
  const differs = !equivalent && (ci95.low > 0 || ci95.high < 0);
  const verdict: Verdict = equivalent ? 'equivalent' : differs ? 'differs' : 'inconclusive';
  return {
    verdict,
    estimate,
    margin,
    ci95,
    ci90,
    pLower,
    pUpper,
    p: Math.max(pLower, pUpper),
    beyondMargin: ci95.low >= margin || ci95.high <= -margin,
    replicatesNeeded: verdict === 'inconclusive' && !Number.isNaN(pLower) ? replicatesNeeded(result, margin) : null,
  };
}
