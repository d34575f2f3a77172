/**
 * ABC-SMC against a posterior known in closed form: k successes in m Bernoulli trials with a
 * uniform (Beta(1, 1)) prior give a Beta(1 + k, 1 + m − k) posterior.
 */
import { describe, expect, it } from 'vitest';
import { abcSmc, AbcStoppedError, type AbcOptions, type AbcProblem } from '../../src/calibrate/abc.js';
import { weightedQuantile } from '../../src/calibrate/weighted.js';
import { RandomStream } from '../../src/sim/index.js';

const TRIALS = 30;
const SUCCESSES = 9;

function binomialProblem(): AbcProblem {
  return {
    low: Float64Array.of(0),
    high: Float64Array.of(1),
    observed: Float64Array.of(SUCCESSES / TRIALS),
    simulate: async (params, seeds) => {
      const out = new Float64Array(seeds.length);
      for (let i = 0; i < seeds.length; i++) {
        const rng = new RandomStream(`binomial/${seeds[i]}`);
        let k = 0;
        for (let trial = 0; trial < TRIALS; trial++) if (rng.next() < params[i]) k++;
        out[i] = k / TRIALS;
      }
      return out;
    },
  };
}

/** `problem`'s statistics followed by `noise` statistics of pure uniform noise (observed at 0.5), from stream `name`. */
function withNoise(problem: AbcProblem, noise: number, name: string): AbcProblem {
  const s = problem.observed.length;
  return {
    ...problem,
    observed: Float64Array.from([...problem.observed, ...new Array<number>(noise).fill(0.5)]),
    simulate: async (params, seeds) => {
      const own = await problem.simulate(params, seeds);
      const out = new Float64Array(seeds.length * (s + noise));
      for (let i = 0; i < seeds.length; i++) {
        const rng = new RandomStream(`${name}/${seeds[i]}`);
        for (let j = 0; j < s; j++) out[i * (s + noise) + j] = own[i * s + j];
        for (let j = s; j < s + noise; j++) out[i * (s + noise) + j] = rng.next();
      }
      return out;
    },
  };
}

/** Quantiles of Beta(a, b) by integrating its density on a fine grid. */
function betaQuantiles(a: number, b: number, ps: readonly number[]): number[] {
  const steps = 100_000;
  const density = (x: number) => x ** (a - 1) * (1 - x) ** (b - 1);
  const cumulative = new Float64Array(steps + 1);
  for (let i = 1; i <= steps; i++) cumulative[i] = cumulative[i - 1] + density((i - 0.5) / steps);
  return ps.map((p) => {
    const target = p * cumulative[steps];
    let i = 0;
    while (cumulative[i] < target) i++;
    return i / steps;
  });
}

describe('ABC-SMC', () => {
  it('recovers the beta posterior of binomial data: mean and 90 % interval', async () => {
    const outcome = await abcSmc(binomialProblem(), { particles: 1000, generations: 9, repsPerParticle: 1, seed: 7, minAcceptance: 0.01, distance: 'adaptive' });
    const { particles, weights, epsilon } = outcome.final;
    const mean = particles.reduce((sum, value, i) => sum + value * weights[i], 0);
    const sd = Math.sqrt(particles.reduce((sum, value, i) => sum + weights[i] * (value - mean) ** 2, 0));
    // The exact posterior, Beta(1 + k, 1 + m − k): mean and 90 % interval.
    const [low, high] = betaQuantiles(1 + SUCCESSES, 1 + TRIALS - SUCCESSES, [0.05, 0.95]);
    expect(Math.abs(mean - (1 + SUCCESSES) / (2 + TRIALS))).toBeLessThan(0.01);
    expect(Math.abs(weightedQuantile(particles, weights, 0.05) - low)).toBeLessThan(0.02);
    expect(Math.abs(weightedQuantile(particles, weights, 0.95) - high)).toBeLessThan(0.02);
    // Tighter: the exact ABC posterior at the final ε (uniform prior × P(|k/m − 9/30| ≤ ε)) is an
    // equal mixture of Beta(1 + k, 1 + m − k) over the admissible k; its SD tells whether the
    // importance weights are right (without them the particles pile up: SD ≈ 0.072, not 0.085).
    const admissible = Array.from({ length: TRIALS + 1 }, (_, k) => k).filter((k) => Math.abs(k / TRIALS - SUCCESSES / TRIALS) <= epsilon + 1e-12);
    const means = admissible.map((k) => (1 + k) / (2 + TRIALS));
    const variances = admissible.map((k) => ((1 + k) * (1 + TRIALS - k)) / ((2 + TRIALS) ** 2 * (3 + TRIALS)));
    const mixMean = means.reduce((a, b) => a + b) / means.length;
    const mixSd = Math.sqrt(variances.reduce((a, b) => a + b) / means.length + means.reduce((a, m) => a + (m - mixMean) ** 2, 0) / means.length);
    expect(Math.abs(sd - mixSd)).toBeLessThan(0.005);
    // ε shrinks generation by generation, and the ESS is reported.
    const epsilons = outcome.generations.map((g) => g.epsilon);
    expect(epsilons[0]).toBe(Infinity);
    expect(epsilons[epsilons.length - 1]).toBeLessThan(epsilons[1]);
    expect(outcome.final.ess).toBeGreaterThan(100);
  });

  it('resumed from a saved generation, continues exactly as an uninterrupted run', async () => {
    const options = { particles: 200, generations: 4, repsPerParticle: 2, seed: 3, minAcceptance: 0.01, distance: 'regression' } as const;
    const whole = await abcSmc(binomialProblem(), options);
    const firstTwo = await abcSmc(binomialProblem(), { ...options, generations: 2 });
    const rest = await abcSmc(binomialProblem(), options, { resumeFrom: firstTwo.final });
    expect(Array.from(rest.final.particles)).toEqual(Array.from(whole.final.particles));
    expect(Array.from(rest.final.weights)).toEqual(Array.from(whole.final.weights));
  });

  it('with the regression distance, recovers the same beta posterior (mean and 90 % interval)', async () => {
    const outcome = await abcSmc(binomialProblem(), { particles: 1000, generations: 9, repsPerParticle: 1, seed: 7, minAcceptance: 0.01, distance: 'regression' });
    const { particles, weights } = outcome.final;
    const mean = particles.reduce((sum, value, i) => sum + value * weights[i], 0);
    const [low, high] = betaQuantiles(1 + SUCCESSES, 1 + TRIALS - SUCCESSES, [0.05, 0.95]);
    expect(Math.abs(mean - (1 + SUCCESSES) / (2 + TRIALS))).toBeLessThan(0.01);
    expect(Math.abs(weightedQuantile(particles, weights, 0.05) - low)).toBeLessThan(0.02);
    expect(Math.abs(weightedQuantile(particles, weights, 0.95) - high)).toBeLessThan(0.02);
  });

  it('the regression distance discounts statistics the parameter does not move; the adaptive one does not', async () => {
    // The binomial share plus eight statistics of pure noise: every statistic counts the same
    // under the adaptive distance, so the noise blurs the posterior; the regression finds that
    // only the share carries the parameter.
    const problem = withNoise(binomialProblem(), 8, 'noise');
    const width = async (distance: AbcOptions['distance']): Promise<number> => {
      const { particles, weights } = (await abcSmc(problem, { particles: 400, generations: 6, repsPerParticle: 1, seed: 11, minAcceptance: 0.01, distance })).final;
      return weightedQuantile(particles, weights, 0.95) - weightedQuantile(particles, weights, 0.05);
    };
    const [exactLow, exactHigh] = betaQuantiles(1 + SUCCESSES, 1 + TRIALS - SUCCESSES, [0.05, 0.95]);
    const regression = await width('regression');
    const adaptive = await width('adaptive');
    expect(regression).toBeLessThan(0.8 * adaptive);
    expect(regression).toBeLessThan(1.25 * (exactHigh - exactLow));
  });

  it('stopped before generation 0 finishes, says so with its own error (the CLI exits 130, not as a crash)', async () => {
    const controller = new AbortController();
    controller.abort();
    const options = { particles: 50, generations: 3, repsPerParticle: 1, seed: 1, minAcceptance: 0.01, distance: 'regression' } as const;
    await expect(abcSmc(binomialProblem(), options, { signal: controller.signal })).rejects.toBeInstanceOf(AbcStoppedError);
  });

  it('parameters the data say nothing about do not blur the one they inform (regression distance)', async () => {
    // θ1 sets a binomial share; θ2 and θ3 act on nothing; four statistics are pure noise. Each
    // regression summary counts in units of its parameter's spread, so the inert ones, which the
    // statistics barely predict, count little.
    const NOISE = 4;
    const problem = (d: number): AbcProblem => ({
      low: new Float64Array(d),
      high: new Float64Array(d).fill(1),
      observed: Float64Array.from([SUCCESSES / TRIALS, ...new Array<number>(NOISE).fill(0.5)]),
      simulate: async (params, seeds) => {
        const s = 1 + NOISE;
        const out = new Float64Array(seeds.length * s);
        for (let i = 0; i < seeds.length; i++) {
          const rng = new RandomStream(`inert/${seeds[i]}`);
          let k = 0;
          for (let trial = 0; trial < TRIALS; trial++) if (rng.next() < params[i * d]) k++;
          out[i * s] = k / TRIALS;
          for (let j = 1; j < s; j++) out[i * s + j] = rng.next();
        }
        return out;
      },
    });
    const sd = async (distance: AbcOptions['distance']): Promise<number> => {
      const { particles, weights } = (await abcSmc(problem(3), { particles: 400, generations: 6, repsPerParticle: 1, seed: 5, minAcceptance: 0.01, distance })).final;
      let mean = 0;
      for (let i = 0; i < weights.length; i++) mean += weights[i] * particles[i * 3];
      let variance = 0;
      for (let i = 0; i < weights.length; i++) variance += weights[i] * (particles[i * 3] - mean) ** 2;
      return Math.sqrt(variance);
    };
    const exact = Math.sqrt(((1 + SUCCESSES) * (1 + TRIALS - SUCCESSES)) / ((2 + TRIALS) ** 2 * (3 + TRIALS)));
    const regression = await sd('regression');
    expect(Math.abs(regression - exact)).toBeLessThan(0.015);
    expect(regression).toBeLessThan(await sd('adaptive'));
  });

  it('keeps the effective sample size up: the defensive kernel bounds any one particle\'s weight', async () => {
    // Seed 4 of the binomial problem: with Silverman's narrow kernel alone, its last generation
    // had an ESS of 15 of 1,000 particles and a posterior SD of 0.129 (exact 0.081).
    const outcome = await abcSmc(binomialProblem(), { particles: 1000, generations: 8, repsPerParticle: 1, seed: 4, minAcceptance: 0.005, distance: 'regression' });
    for (const g of outcome.generations.slice(1)) expect(g.ess).toBeGreaterThan(150);
    const { particles, weights } = outcome.final;
    const mean = particles.reduce((sum, value, i) => sum + value * weights[i], 0);
    const sd = Math.sqrt(particles.reduce((sum, value, i) => sum + weights[i] * (value - mean) ** 2, 0));
    expect(Math.abs(sd - 0.0807)).toBeLessThan(0.015);
  });

  it('with fewer simulations than the regression needs, measures with the adaptive distance (never all-zero)', async () => {
    // 10 particles against 9 statistics: too few rows to fit 10 coefficients twice over.
    const problem = withNoise(binomialProblem(), 8, 'few');
    const outcome = await abcSmc(problem, { particles: 10, generations: 3, repsPerParticle: 1, seed: 2, minAcceptance: 0.01, distance: 'regression' });
    // Generation 1 is measured with what generation 0's 10 runs allow: the adaptive distance.
    expect(outcome.generations[1].distance.projection).toBeUndefined();
    for (const g of outcome.generations.slice(1)) {
      expect(g.epsilon).toBeGreaterThan(0);
      expect(g.acceptanceRate).toBeLessThan(1);
    }
  });
});
