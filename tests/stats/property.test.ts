/**
 * Statistics are always finite and honest: random small samples (n = 0–5, ties, constant values,
 * NaN, all missing) through src/stats and the report's verdict paths. Every interval that is
 * printed as numbers must be finite and hold its estimate; otherwise the words say "too few runs
 * to say" or "not assessed" — never NaN, Infinity, or a tiny p from nothing.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/report/comparison.js';
import { interval, verdictWords } from '../../src/report/messages.js';
import { OUTCOMES, OUTCOME_KEYS } from '../../src/report/outcomes.js';
import { ringsAgainstNull } from '../../src/report/patterns.js';
import {
  confidenceInterval,
  equivalenceTest,
  estimate,
  hedgesG,
  isDetermined,
  normalMeanInterval,
  pairedBootstrap,
  seededUniform,
  unpairedBootstrap,
  wilson,
} from '../../src/stats/index.js';
import type { FinishedRun } from '../../src/sweep/types.js';

const CASES = 400;
const uniform = seededUniform('stats-property');
const below = (n: number) => Math.floor(uniform() * n);

/** A small sample of one of the awkward kinds. */
function sample(): number[] {
  const n = below(6);
  switch (below(6)) {
    case 0:
      return Array.from({ length: n }, () => 0.3); // constant
    case 1:
      return Array.from({ length: n }, () => [0.1, 0.5][below(2)]); // ties
    case 2:
      return Array.from({ length: n }, () => (below(3) === 0 ? Number.NaN : uniform())); // some missing
    case 3:
      return Array.from({ length: n }, () => Number.NaN); // all missing
    case 4:
      return Array.from({ length: n }, () => (below(2) === 0 ? 0 : 1e-9 * uniform())); // almost no spread
    default:
      return Array.from({ length: n }, () => uniform());
  }
}

const NUMBERS_ONLY = /NaN|Infinity|undefined/;

function expectHonest(low: number, high: number, centre: number, what: string): void {
  if (Number.isNaN(low) && Number.isNaN(high)) return; // undetermined: shown as words
  expect(Number.isFinite(low) && Number.isFinite(high), `${what}: ${low} to ${high}`).toBe(true);
  expect(low <= centre && centre <= high, `${what}: ${low} ≤ ${centre} ≤ ${high}`).toBe(true);
}

function run(replicate: number, length: number, value: number): FinishedRun {
  const missing = Number.isNaN(value);
  return {
    id: replicate,
    point: length,
    replicate,
    seed: 1000 + replicate,
    params: { 'engagement.lengthMonths': length },
    status: 'ok',
    summary: {
      finalAdoption: missing ? 0 : value,
      sustainedCapacity: missing ? 0 : value,
      timeTo50: missing ? null : 12 * value,
      finalAim: 1 + 4 * (missing ? 0 : value),
      finalIam: 1 + 4 * (missing ? 0 : value),
      finalFim: 1 + 4 * (missing ? 0 : value),
    },
    series: { month: [0, 24] },
  } as unknown as FinishedRun;
}

describe('statistics on small and awkward samples', () => {
  it('estimate, normalMeanInterval, wilson and hedgesG: every interval finite and holding its estimate, or none', () => {
    for (let k = 0; k < CASES; k++) {
      const values = sample();
      const e = estimate(values);
      const kept = values.filter((v) => !Number.isNaN(v));
      if (kept.length === 0) expect(e).toBeNull();
      else {
        expect(e!.n).toBe(kept.length);
        expectHonest(e!.ciLow, e!.ciHigh, e!.mean, `estimate ${JSON.stringify(values)}`);
      }
      if (kept.length > 0) {
        const m = normalMeanInterval(kept);
        expectHonest(m.low, m.high, m.mean, `normal ${JSON.stringify(kept)}`);
      }
      const n = below(6);
      const successes = below(n + 1);
      const w = wilson(successes, n);
      if (n > 0) expectHonest(w.low, w.high, w.share, `wilson ${successes}/${n}`);
      const g = hedgesG(kept, sample().filter((v) => !Number.isNaN(v)));
      expect(g === null || Number.isFinite(g)).toBe(true);
    }
  });

  it('bootstrap differences and TOST: a determined interval or none, and no p without an interval', () => {
    for (let k = 0; k < CASES; k++) {
      const x = sample().filter((v) => !Number.isNaN(v));
      const y = sample().filter((v) => !Number.isNaN(v));
      if (x.length === 0 || y.length === 0) continue;
      const pairs = Math.min(x.length, y.length);
      const results = [unpairedBootstrap(x, y, { seed: `u${k}`, resamples: 200 })];
      if (pairs > 0) results.push(pairedBootstrap(x.slice(0, pairs), y.slice(0, pairs), { seed: `p${k}`, resamples: 200 }));
      for (const result of results) {
        for (const level of [0.9, 0.95]) {
          const ci = confidenceInterval(result, level);
          expectHonest(ci.low, ci.high, result.estimate, `${result.paired ? 'paired' : 'unpaired'} ${JSON.stringify([x, y])}`);
          expect(Number.isNaN(ci.low) || isDetermined(ci, result.estimate)).toBe(true);
        }
        const test = equivalenceTest(result, 0.05);
        if (Number.isNaN(test.ci95.low) || Number.isNaN(test.ci90.low)) {
          expect(test.p).toBeNaN();
          expect(test.verdict).toBe('inconclusive');
        } else {
          expect(test.p).toBeGreaterThanOrEqual(0);
          expect(test.p).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('the report: every comparison and ring reading prints numbers only when they are finite and honest', () => {
    for (let k = 0; k < CASES / 4; k++) {
      const a = sample();
      const b = sample();
      const group = { length: 18, runs: a.map((v, r) => run(r, 18, v)) };
      const reference = { length: 6, runs: b.map((v, r) => run(r, 6, v)) };
      if (group.runs.length === 0 || reference.runs.length === 0) continue;
      for (const key of OUTCOME_KEYS) {
        const outcome = OUTCOMES[key];
        const c = compare({ outcome, group, reference, paired: k % 2 === 0, marginFraction: 0.05, marginPp: 5, months: 24, seed: `c${k}`, resamples: 200 });
        expect(c.words, JSON.stringify([a, b])).not.toMatch(NUMBERS_ONLY);
        expect(interval(outcome, c.ci95)).not.toMatch(NUMBERS_ONLY);
        expectHonest(c.ci95.low, c.ci95.high, c.estimate, `${key} ${JSON.stringify([a, b])}`);
        if (c.verdict !== 'not-assessed' && !Number.isNaN(c.ci95.low)) expect(Number.isFinite(c.p)).toBe(true);
        expect(verdictWords(outcome, c, 5, null)).not.toMatch(NUMBERS_ONLY);
      }
      const rings = ringsAgainstNull(
        a.map((v) => ({ ringCorrelation: v, ringCorrelationBeyond0: v, ringCorrelationUnengaged: v }) as never),
        b.map((v) => ({ ringCorrelation: v, ringCorrelationBeyond0: v, ringCorrelationUnengaged: v }) as never),
        `r${k}`,
      );
      for (const r of rings) {
        if (!Number.isNaN(r.difference)) expectHonest(r.ci95.low, r.ci95.high, r.difference, `ring ${r.statistic}`);
        if (Number.isNaN(r.ci95.low)) expect(r.reading).toMatch(/not assessed/);
      }
    }
  });

  it('the cases of issue 25: constant pairs with a shift, and time to 50 % that no run reached', () => {
    // Two pairs, each shifted by a constant: resamples without spread put ±∞ among t*.
    const shifted = pairedBootstrap([0.4, 0.6], [0.1, 0.2], { seed: 's', resamples: 500 });
    const ci = confidenceInterval(shifted, 0.95);
    expectHonest(ci.low, ci.high, shifted.estimate, 'shifted pairs');
    const never = { length: 18, runs: [0, 1, 2, 3].map((r) => run(r, 18, Number.NaN)) };
    const neverRef = { length: 6, runs: [0, 1, 2, 3].map((r) => run(r, 6, Number.NaN)) };
    const c = compare({ outcome: OUTCOMES.timeTo50, group: never, reference: neverRef, paired: true, marginFraction: 0.05, marginPp: 5, months: 24, seed: 't', resamples: 200 });
    expect(c.verdict).toBe('not-assessed');
    expect(c.words).toMatch(/^not assessed — /);
  });
});
