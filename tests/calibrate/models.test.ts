/**
 * ABC-SMC model selection against a model posterior known in closed form: k successes in 20
 * trials under M0 (p ~ Uniform(0, 1): every k has marginal chance 1/21) or M1 (p = 0.5 fixed:
 * C(20, k)/2^20). The count is sufficient for both, so exact-match ABC gives the exact posterior
 * P(M0 | k) = (1/21) / (1/21 + C(20, k)/2^20) (Toni et al. 2009's kind of check).
 */
import { describe, expect, it } from 'vitest';
import { abcModelChoice, bayesFactor, type ModelChoiceOptions, type ModelChoiceProblem } from '../../src/calibrate/models.js';
import { RandomStream } from '../../src/sim/index.js';

const TRIALS = 20;

function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** P(M0 | |k' − k| ≤ ε): the ABC posterior at tolerance ε (ε = 0: the exact posterior). */
function exactM0(k: number, epsilon = 0): number {
  let m0 = 0;
  let m1 = 0;
  for (let j = Math.max(0, k - epsilon); j <= Math.min(TRIALS, k + epsilon); j++) {
    m0 += 1 / (TRIALS + 1);
    m1 += choose(TRIALS, j) / 2 ** TRIALS;
  }
  return m0 / (m0 + m1);
}

function problem(k: number, models: 'both' | 'free-and-free' = 'both'): ModelChoiceProblem {
  const count = (p: number, seed: number) => {
    const rng = new RandomStream(`binomial/${seed}`);
    let hits = 0;
    for (let trial = 0; trial < TRIALS; trial++) if (rng.next() < p) hits++;
    return hits;
  };
  return {
    models:
      models === 'both'
        ? [
            { low: Float64Array.of(0), high: Float64Array.of(1) },
            { low: new Float64Array(0), high: new Float64Array(0) },
          ]
        : [
            { low: Float64Array.of(0), high: Float64Array.of(1) },
            { low: Float64Array.of(0.4), high: Float64Array.of(0.6) },
          ],
    observed: Float64Array.of(k),
    simulate: async (model, params, seeds) => {
      const out = new Float64Array(seeds.length);
      for (let i = 0; i < seeds.length; i++) out[i] = count(models === 'both' && model === 1 ? 0.5 : params[i], seeds[i]);
      return out;
    },
  };
}

const options: ModelChoiceOptions = { particles: 1000, generations: 6, seed: 3, minAcceptance: 0.01, stay: 0.7 };

describe('ABC-SMC model choice', () => {
  for (const k of [10, 15]) {
    it(`recovers the model posterior at its tolerance for k = ${k} (exact P(M0) = ${exactM0(k).toFixed(3)})`, async () => {
      const outcome = await abcModelChoice(problem(k), options);
      // The count is discrete: ε falls to 1 (within one success) and stays there while a third
      // of the particles match exactly (the weighted median stays 1).
      const epsilon = outcome.final.epsilon;
      expect(epsilon).toBeLessThanOrEqual(1);
      const p0 = outcome.final.probabilities[0];
      // 1,000 weighted particles: a standard error of about 0.02–0.03 on the probability.
      expect(Math.abs(p0 - exactM0(k, epsilon))).toBeLessThan(0.07);
      expect(outcome.final.probabilities[0] + outcome.final.probabilities[1]).toBeCloseTo(1, 12);
      expect(bayesFactor(outcome.final.probabilities, 0, 1)).toBeCloseTo(p0 / (1 - p0), 9);
    });
  }

  it('keeps the parameter posterior of the selected model (Beta(1 + k, 1 + n − k) under M0)', async () => {
    const outcome = await abcModelChoice(problem(17), options);
    const m0 = outcome.final.populations[0];
    let mean = 0;
    for (let i = 0; i < m0.count; i++) mean += m0.weights[i] * m0.particles[i];
    expect(mean).toBeGreaterThan(18 / 22 - 0.04);
    expect(mean).toBeLessThan(18 / 22 + 0.04);
    expect(outcome.final.probabilities[0]).toBeGreaterThan(0.9); // exact: 0.99
  });

  it('is deterministic: the same seed gives the same particles and probabilities', async () => {
    const small = { ...options, particles: 200, generations: 3 };
    const a = await abcModelChoice(problem(12, 'free-and-free'), small);
    const b = await abcModelChoice(problem(12, 'free-and-free'), small);
    expect(Array.from(b.final.weight)).toEqual(Array.from(a.final.weight));
    expect(Array.from(b.final.model)).toEqual(Array.from(a.final.model));
    expect(Array.from(b.final.probabilities)).toEqual(Array.from(a.final.probabilities));
  });

  it('continues a saved generation exactly (resume)', async () => {
    const small = { ...options, particles: 200, generations: 3 };
    const whole = await abcModelChoice(problem(12, 'free-and-free'), small);
    const first = await abcModelChoice(problem(12, 'free-and-free'), { ...small, generations: 2 });
    const rest = await abcModelChoice(problem(12, 'free-and-free'), small, { resumeFrom: first.final });
    expect(Array.from(rest.final.weight)).toEqual(Array.from(whole.final.weight));
  });
});
