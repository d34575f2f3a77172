/**
 * Verdicts as data (src/report/verdict.ts) and the two words layers over them: the research
 * register (verdict-words.ts) and plain language (plain-words.ts).
 */
import { describe, expect, it } from 'vitest';
import { pattern2Undetermined } from '../../src/report/verdict-words.js';
import { plainSentence, plainVerdict } from '../../src/report/plain-words.js';
import { notabilityOf, verdictOf, type LengthVerdict } from '../../src/report/verdict.js';
import type { Comparison } from '../../src/report/model.js';

function comparison(overrides: Partial<Comparison>): Comparison {
  return {
    outcome: 'finalAdoption',
    length: 18,
    reference: 12,
    paired: true,
    n: 200,
    nReference: 200,
    meanLength: 0.5,
    meanReference: 0.53,
    estimate: -0.031,
    ci95: { low: -0.04, high: -0.022 },
    ci90: { low: -0.038, high: -0.024 },
    margin: 0.05,
    p: 0.001,
    verdict: 'equivalent',
    beyondMargin: false,
    replicatesNeeded: null,
    effectSize: -0.44,
    censoredLength: 0,
    censoredReference: 0,
    words: 'equivalent within ±5 pp',
    ...overrides,
  };
}

describe('a verdict as data', () => {
  it('carries kind, outcome, lengths, estimate, interval, effect size, margin and what is notable', () => {
    expect(verdictOf(comparison({}))).toEqual({
      kind: 'equivalent',
      outcome: 'finalAdoption',
      length: 18,
      reference: 12,
      estimate: -0.031,
      ci95: { low: -0.04, high: -0.022 },
      effectSize: -0.44,
      margin: 0.05,
      beyondMargin: false,
      replicatesNeeded: null,
      notable: 'reliable',
    });
  });

  it('decides what is notable inside the margin: a settled sign, else a large g; never outside equivalence', () => {
    expect(notabilityOf(comparison({}))).toBe('reliable');
    expect(notabilityOf(comparison({ ci95: { low: -0.01, high: 0.002 }, effectSize: -0.31 }))).toBe('effect-size');
    expect(notabilityOf(comparison({ ci95: { low: -0.01, high: 0.002 }, effectSize: 0.05 }))).toBeNull();
    expect(notabilityOf(comparison({ ci95: { low: -0.01, high: 0.002 }, effectSize: null }))).toBeNull();
    expect(notabilityOf(comparison({ verdict: 'differs' }))).toBeNull();
  });
});

describe('pattern 2, undetermined', () => {
  it('marks a real difference not placed within or beyond the margin, from the verdict (not by re-reading words)', () => {
    const real = comparison({ length: 18, verdict: 'differs', words: 'differs by −3.1 pp (95 % CI −4.0 to −2.2)' });
    const beyond = comparison({ length: 24, verdict: 'differs', beyondMargin: true, words: 'differs by −7.0 pp (95 % CI −8.0 to −6.0), beyond the ±5 pp margin' });
    const open = comparison({ length: 6, verdict: 'inconclusive', words: 'inconclusive — more replicates needed (about 40 per length to decide at ±5 pp)' });
    expect(pattern2Undetermined([real, beyond, open])).toBe(
      'Pattern 2 is not confirmed: 18 vs 12 months differs by −3.1 pp (95 % CI −4.0 to −2.2) — a real difference, not shown to lie ' +
        'within or beyond ±5 pp; 24 vs 12 months differs by −7.0 pp (95 % CI −8.0 to −6.0), beyond the ±5 pp margin; ' +
        '6 vs 12 months inconclusive — more replicates needed (about 40 per length to decide at ±5 pp).',
    );
  });
});

describe('plain language', () => {
  const verdict = (overrides: Partial<Comparison>): LengthVerdict => verdictOf(comparison(overrides));
  const all: LengthVerdict[] = [
    verdict({ verdict: 'differs', estimate: -0.031 }),
    verdict({ verdict: 'differs', estimate: 0.072, beyondMargin: true }),
    verdict({}),
    verdict({ ci95: { low: -0.01, high: 0.002 }, effectSize: 0.05, estimate: -0.004 }),
    verdict({ ci95: { low: -0.01, high: 0.002 }, effectSize: -0.35, estimate: -0.004 }),
    verdict({ verdict: 'inconclusive', estimate: -0.02, ci95: { low: -0.07, high: 0.03 } }),
    verdict({ verdict: 'not-assessed' }),
    verdict({ outcome: 'timeTo50', verdict: 'differs', estimate: 2.4, margin: 1.8 }),
    verdict({ outcome: 'timeTo50', estimate: -0.3, margin: 1.8, ci95: { low: -1, high: 0.4 }, effectSize: 0.1 }),
    verdict({ outcome: 'finalFim', verdict: 'differs', estimate: -0.23, margin: 0.2 }),
  ];

  it('says the example of the issue in its words', () => {
    expect(plainVerdict(all[0])).toBe('about 3 in 100 staff fewer, and we are fairly sure of it');
    expect(plainSentence(all[0])).toBe('Staff applying the practices, 18 months of support against 12: about 3 in 100 staff fewer, and we are fairly sure of it.');
  });

  it('has words for every kind of verdict and outcome', () => {
    expect(all.map(plainVerdict)).toEqual([
      'about 3 in 100 staff fewer, and we are fairly sure of it',
      'about 7 in 100 staff more, and we are fairly sure of it',
      'no difference that matters (less than 5 in 100 staff either way), though a small one is real: about 3 in 100 staff fewer',
      'no difference that matters (less than 5 in 100 staff either way), and we are fairly sure of it',
      'no difference that matters (less than 5 in 100 staff either way), though it may be less than 1 in 100 staff fewer',
      'we cannot tell yet (about 2 in 100 staff fewer on average, but the runs disagree too much); more runs would settle it',
      'not compared: too few runs to tell',
      'about 2 months later, and we are fairly sure of it',
      'no difference that matters (less than 2 months either way), and we are fairly sure of it',
      'about 0.2 points lower, and we are fairly sure of it',
    ]);
  });

  it('uses none of the research register: no TOST, g, ρ, CI, pp, ± or field paths', () => {
    for (const v of all) {
      const text = plainSentence(v);
      expect(text).not.toMatch(/TOST|\bg\b|ρ|\bCI\b|\bpp\b|±|[a-z]+\.[a-z]+[A-Z]|Hedges|bootstrap|equivalen/);
    }
  });
});
