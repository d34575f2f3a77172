/**
 * What study would tell two explanations apart (issue 23 item "what study would tell them
 * apart"; MODEL-GROUNDING Revisions 7): by simulation, the number of recipients at which a
 * within-organization study — recipients of limited and of high engagements, `perUnit` per
 * engaged unit — tells model A from model B with a given probability.
 *
 *   within runs of each model ──► engaged units: (length, share applying at the measure)
 *   a simulated study of N recipients: N/2 per length, from ⌈N/(2·perUnit)⌉ units of that length
 *     drawn at random from the pooled units, each recipient applying with its unit's share
 *   its statistic: difference in the share applying, high − limited
 *   separation: the threshold on that difference that maximizes the smaller chance of naming
 *     the true model (A below, B above, or the reverse); "separates at 80 %" when that chance ≥ 0.8
 *   power: a two-sided two-proportion z test at α = 0.05 detects a difference, under each model
 *
 * Pure: the unit pools come in, the draws come from a seeded stream.
 */
import { RandomStream } from '../sim/index.js';

/** One engaged unit of a within run: its length and the share of its staff with the outcome at the measure. */
export interface UnitDraw {
  readonly high: boolean;
  readonly share: number;
}

export interface SeparationRow {
  readonly recipients: number;
  readonly unitsPerLength: number;
  /** the mean difference (high − limited, share) under each model */
  readonly meanDifference: readonly [number, number];
  /** the chance the best threshold names the true model, under A and under B */
  readonly correct: readonly [number, number];
  readonly threshold: number;
  /** chance a two-proportion z test at α = 0.05 finds a difference, under A and under B */
  readonly power: readonly [number, number];
}

/** One simulated study: the shares applying among high and limited recipients. */
function study(pool: readonly UnitDraw[], recipients: number, perUnit: number, rng: RandomStream): [number, number] {
  const high = pool.filter((u) => u.high);
  const limited = pool.filter((u) => !u.high);
  const perLength = Math.max(1, Math.floor(recipients / 2));
  const arm = (units: readonly UnitDraw[]) => {
    let applying = 0;
    let people = 0;
    while (people < perLength) {
      const unit = units[Math.min(units.length - 1, Math.floor(rng.next() * units.length))];
      for (let r = 0; r < perUnit && people < perLength; r++, people++) if (rng.next() < unit.share) applying++;
    }
    return applying / people;
  };
  const a = arm(high);
  const b = arm(limited);
  return [a, b];
}

/** Two-sided two-proportion z test at α = 0.05 on shares p1, p2 of n each. */
function zTestRejects(p1: number, p2: number, n: number): boolean {
  const pooled = (p1 + p2) / 2;
  const se = Math.sqrt(pooled * (1 - pooled) * (2 / n));
  if (se === 0) return p1 !== p2;
  return Math.abs(p1 - p2) / se > 1.959964;
}

/**
 * Separation of model A (pools[0]) from B (pools[1]) at each number of recipients, from
 * `studies` simulated studies per model and size.
 */
export function separation(pools: readonly [readonly UnitDraw[], readonly UnitDraw[]], sizes: readonly number[], perUnit: number, studies: number, seed: number): SeparationRow[] {
  for (const pool of pools) {
    if (!pool.some((u) => u.high) || !pool.some((u) => !u.high)) throw new RangeError('each model needs engaged units of both lengths');
  }
  return sizes.map((recipients) => {
    const perLength = Math.max(1, Math.floor(recipients / 2));
    const differences = pools.map((pool, m) => {
      const rng = new RandomStream(`separation/${seed >>> 0}/${recipients}/${m}`);
      const out = new Float64Array(studies);
      let rejects = 0;
      for (let k = 0; k < studies; k++) {
        const [high, limited] = study(pool, recipients, perUnit, rng);
        out[k] = high - limited;
        if (zTestRejects(high, limited, perLength)) rejects++;
      }
      return { out, power: rejects / studies };
    });
    const meanOf = (values: Float64Array) => values.reduce((s, v) => s + v, 0) / values.length;
    const meanDifference: [number, number] = [meanOf(differences[0].out), meanOf(differences[1].out)];
    const aBelow = meanDifference[0] <= meanDifference[1];
    // The threshold maximizing min(P(correct | A), P(correct | B)) over every observed value.
    const candidates = Float64Array.from([...differences[0].out, ...differences[1].out]).sort();
    let best = { threshold: 0, correct: [0, 0] as [number, number], worst: -1 };
    const sortedA = Float64Array.from(differences[0].out).sort();
    const sortedB = Float64Array.from(differences[1].out).sort();
    const countBelowOrAt = (sorted: Float64Array, x: number) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] <= x) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    for (const c of candidates) {
      const aAt = countBelowOrAt(sortedA, c) / studies;
      const bAt = countBelowOrAt(sortedB, c) / studies;
      const correct: [number, number] = aBelow ? [aAt, 1 - bAt] : [1 - aAt, bAt];
      const worst = Math.min(correct[0], correct[1]);
      if (worst > best.worst) best = { threshold: c, correct, worst };
    }
    const power: [number, number] = [differences[0].power, differences[1].power];
    return { recipients, unitsPerLength: Math.ceil(recipients / 2 / perUnit), meanDifference, correct: best.correct, threshold: best.threshold, power };
  });
}

/** The smallest number of recipients at which both models are named correctly with at least `target` chance, or null. */
export function recipientsToSeparate(rows: readonly SeparationRow[], target = 0.8): number | null {
  const row = rows.find((r) => Math.min(r.correct[0], r.correct[1]) >= target);
  return row ? row.recipients : null;
}
