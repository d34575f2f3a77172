/**
 * ABC-SMC model selection: which of a few candidate models (each with its own parameters and
 * uniform prior box) explains the data, and its parameters' posterior — Toni, Welch, Strelkowa,
 * Ipsen & Stumpf 2009 (J R Soc Interface 6:187), in the form pyabc implements (Klinger, Rickert &
 * Hasenauer 2018; its ModelPerturbationKernel):
 *
 *   generation 0   (m, θ) from the priors: m uniform (or the model prior), θ from model m's box
 *   generation t   m* drawn from the last generation's model probabilities, perturbed: kept with
 *                  probability `stay`, else one of the other models uniformly; θ moved from an
 *                  ancestor of model m by abc.ts's kernel (half the model's weighted covariance,
 *                  one move in ten with twice it); a model with too few particles to fit a
 *                  kernel proposes θ from its prior, so a model can come back
 *   weight         π(m) π(θ | m) / [ Σ_m' P_{t−1}(m') K_M(m | m') · q_m(θ) ],
 *                  q_m(θ) = Σ_j w_j^(m) K(θ | θ_j) over model m's particles (weights within m
 *                  summing to 1), or π(θ | m) for a model proposing from its prior
 *   model posterior  P_t(m) = Σ of the weights of model m's particles
 *   distance       every statistic over its median absolute deviation among the last
 *                  generation's candidates, all models together (pyabc's adaptive distance);
 *                  ε_{t+1} the weighted median of generation t's distances under it
 *
 * Candidates proposed outside their model's box have prior 0: they count as considered but are
 * never simulated (rejecting them is exact, where redrawing would bias the model weights by each
 * model's share of its kernel inside its box).
 *
 * Pure and deterministic as abc.ts: candidate k of generation t proposes from its own stream and
 * its runs get hashed seeds; candidates are taken in index order. Everything the next generation
 * needs is in `ModelGeneration`, rebuilt the same way from a saved CSV (`populationOf`), so a
 * resumed run continues exactly. Statistics are pluggable: the problem's `simulate(model, …)`.
 *
 * Caveat (Robert, Cornuet, Marin & Pillai 2011, PNAS 108:15112): an ABC Bayes factor is only as
 * good as the statistics' sufficiency across models; it can be inconsistent. Recovery tests and
 * posterior predictive checks are what make a selection credible (docs/CALIBRATE.md).
 */
import { hashSeed, RandomStream, standardNormal } from '../sim/index.js';
import { fitDistance, initialDistance, measureOf, type DistanceSpec } from './distance.js';
import { cholesky, mahalanobis2, weightedCovariance } from './linalg.js';
import { DEFENSIVE_SHARE, NARROW_SCALE, WIDE_SCALE, AbcStoppedError } from './abc.js';
import { effectiveSampleSize, weightedQuantile } from './weighted.js';

export interface CandidateModel {
  /** uniform prior box of the model's parameters (may be empty: a model with no free parameter) */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

export interface ModelChoiceProblem {
  readonly models: readonly CandidateModel[];
  readonly observed: Float64Array;
  /** rows of model `model`'s parameters (n × d_m) with one seed per row → statistics (n × s) */
  simulate(model: number, params: Float64Array, seeds: Uint32Array): Promise<Float64Array>;
}

export interface ModelChoiceOptions {
  readonly particles: number;
  /** generations in all, generation 0 included */
  readonly generations: number;
  readonly seed: number;
  /** stop when a generation would need more than particles / minAcceptance candidates */
  readonly minAcceptance: number;
  /** chance the model perturbation keeps the drawn model (pyabc's default 0.7) */
  readonly stay: number;
}

export const MODEL_CHOICE_DEFAULTS: Omit<ModelChoiceOptions, 'seed'> = { particles: 500, generations: 8, minAcceptance: 0.01, stay: 0.7 };

/** One model's particles in a generation. */
export interface ModelPopulation {
  /** count × d_m, row-major */
  readonly particles: Float64Array;
  /** weights within the model, summing to 1 (empty when the model has no particles) */
  readonly weights: Float64Array;
  readonly count: number;
}

export interface ModelGeneration {
  readonly index: number;
  /** per particle (in acceptance order): its model, its overall weight (all sum to 1), its distance */
  readonly model: Uint16Array;
  readonly weight: Float64Array;
  readonly distances: Float64Array;
  /** per particle its parameters, each of its own model's width */
  readonly params: readonly Float64Array[];
  /** P_t(m): the model posterior */
  readonly probabilities: Float64Array;
  readonly populations: readonly ModelPopulation[];
  readonly epsilon: number;
  readonly acceptanceRate: number;
  readonly ess: number;
  readonly simulations: number;
  readonly next: { readonly distance: DistanceSpec; readonly epsilon: number };
}

export interface ModelChoiceProgress {
  readonly generation: number;
  readonly epsilon: number;
  readonly accepted: number;
  readonly candidates: number;
  readonly simulations: number;
}

export interface ModelChoiceHooks {
  readonly resumeFrom?: ModelGeneration;
  readonly onGeneration?: (generation: ModelGeneration) => void;
  readonly onProgress?: (progress: ModelChoiceProgress) => void;
  readonly signal?: AbortSignal;
}

export interface ModelChoiceOutcome {
  readonly generations: readonly ModelGeneration[];
  readonly final: ModelGeneration;
  readonly stopped: 'generations' | 'acceptance' | 'signal';
}

/** Per model, its particles and their weights within it, from the particles' models and overall weights. */
export function populationOf(problem: ModelChoiceProblem, model: Uint16Array, weight: Float64Array, params: readonly Float64Array[]): { populations: ModelPopulation[]; probabilities: Float64Array } {
  const k = problem.models.length;
  const probabilities = new Float64Array(k);
  for (let i = 0; i < model.length; i++) probabilities[model[i]] += weight[i];
  const populations = problem.models.map((candidate, m) => {
    const d = candidate.low.length;
    const members: number[] = [];
    for (let i = 0; i < model.length; i++) if (model[i] === m) members.push(i);
    const particles = new Float64Array(members.length * d);
    const weights = new Float64Array(members.length);
    members.forEach((i, r) => {
      particles.set(params[i], r * d);
      weights[r] = probabilities[m] > 0 ? weight[i] / probabilities[m] : 0;
    });
    return { particles, weights, count: members.length };
  });
  return { populations, probabilities };
}

/** log of the uniform prior density of a model's box (0 for a model with no parameters). */
function logPriorDensity(model: CandidateModel): number {
  let log = 0;
  for (let a = 0; a < model.low.length; a++) log -= Math.log(model.high[a] - model.low[a]);
  return log;
}

/** A standard normal from the stream's next two draws (src/sim's Box–Muller; left to right). */
function normal(rng: RandomStream): number {
  return standardNormal(rng.next(), rng.next());
}

/** Draw an index from weights summing to `total` (a linear scan: few models, or few particles per call). */
function drawIndex(weights: ArrayLike<number>, total: number, u: number): number {
  let running = 0;
  const target = u * total;
  for (let i = 0; i < weights.length; i++) {
    running += weights[i];
    if (target < running) return i;
  }
  // Rounding: the last index with positive weight.
  for (let i = weights.length - 1; i > 0; i--) if (weights[i] > 0) return i;
  return 0;
}

interface ThetaKernel {
  /** propose θ into `into` from this model's population; false: none (a model with no parameters) */
  propose(rng: RandomStream, into: Float64Array): void;
  /** log q_m(θ) */
  logDensity(theta: Float64Array): number;
}

/** Proposal of θ for a model from its prior (generation 0, or a model with too few particles for a kernel). */
function priorKernel(model: CandidateModel): ThetaKernel {
  const log = logPriorDensity(model);
  return {
    propose(rng, into) {
      for (let a = 0; a < model.low.length; a++) into[a] = model.low[a] + (model.high[a] - model.low[a]) * rng.next();
    },
    logDensity: () => log,
  };
}

/** abc.ts's defensive mixture over one model's weighted particles. */
function populationKernel(model: CandidateModel, population: ModelPopulation): ThetaKernel {
  const d = model.low.length;
  const n = population.count;
  const { cov } = weightedCovariance(population.particles, population.weights, d);
  const floor = new Float64Array(d).map((_, a) => (model.high[a] - model.low[a]) ** 2);
  const components = [
    { scale: NARROW_SCALE, share: 1 - DEFENSIVE_SHARE },
    { scale: WIDE_SCALE, share: DEFENSIVE_SHARE },
  ].map(({ scale, share }) => {
    const l = cholesky(cov.map((v) => v * scale), d, floor);
    let logDet = 0;
    for (let a = 0; a < d; a++) logDet += Math.log(l[a * d + a]);
    return { l, logShare: Math.log(share), logNormalizer: -logDet };
  });
  const logW = population.weights.map((w) => Math.log(w));
  const z = new Float64Array(d);
  const scratch = new Float64Array(d);
  const terms = new Float64Array(2 * n);
  return {
    propose(rng, into) {
      const { l } = rng.next() < DEFENSIVE_SHARE ? components[1] : components[0];
      const j = drawIndex(population.weights, 1, rng.next());
      for (let a = 0; a < d; a++) z[a] = normal(rng);
      for (let a = 0; a < d; a++) {
        let move = 0;
        for (let b = 0; b <= a; b++) move += l[a * d + b] * z[b];
        into[a] = population.particles[j * d + a] + move;
      }
    },
    logDensity(theta) {
      // The (2π)^(d/2) both kernels share cancels across candidates of this model only; across
      // models d may differ, so it is kept.
      const logTwoPi = -0.5 * d * Math.log(2 * Math.PI);
      let top = -Infinity;
      components.forEach(({ l, logShare, logNormalizer }, c) => {
        for (let j = 0; j < n; j++) {
          const term = logW[j] + logShare + logNormalizer + logTwoPi - 0.5 * mahalanobis2(l, d, theta, 0, population.particles, j * d, scratch);
          terms[c * n + j] = term;
          if (term > top) top = term;
        }
      });
      let sum = 0;
      for (let i = 0; i < 2 * n; i++) sum += Math.exp(terms[i] - top);
      return top + Math.log(sum);
    },
  };
}

/** A model can fit a kernel when it has more particles than parameters plus one. */
function kernelFits(model: CandidateModel, population: ModelPopulation): boolean {
  return model.low.length > 0 && population.count >= model.low.length + 2;
}

interface Proposal {
  readonly model: number;
  readonly theta: Float64Array;
  /** log importance weight; −∞: outside the model's box (prior 0, not simulated) */
  readonly logWeight: number;
}

interface Proposer {
  propose(candidate: number): Proposal;
}

function priorProposer(problem: ModelChoiceProblem, seed: number): Proposer {
  const kernels = problem.models.map(priorKernel);
  const k = problem.models.length;
  return {
    propose(candidate) {
      const rng = new RandomStream(`abc-models/${seed >>> 0}/0/${candidate}`);
      const model = Math.min(k - 1, Math.floor(rng.next() * k));
      const theta = new Float64Array(problem.models[model].low.length);
      kernels[model].propose(rng, theta);
      return { model, theta, logWeight: 0 };
    },
  };
}

function perturbationProposer(problem: ModelChoiceProblem, options: ModelChoiceOptions, t: number, last: ModelGeneration): Proposer {
  const k = problem.models.length;
  const stay = k === 1 ? 1 : options.stay;
  const move = k === 1 ? 0 : (1 - stay) / (k - 1);
  // Σ_m' P(m') K_M(m | m'): the chance the perturbed draw lands on m.
  const landing = new Float64Array(k).map((_, m) => {
    let sum = 0;
    for (let from = 0; from < k; from++) sum += last.probabilities[from] * (from === m ? stay : move);
    return sum;
  });
  const kernels = problem.models.map((model, m) => (kernelFits(model, last.populations[m]) ? populationKernel(model, last.populations[m]) : priorKernel(model)));
  const logPriors = problem.models.map(logPriorDensity);
  const logModelPrior = -Math.log(k);
  return {
    propose(candidate) {
      const rng = new RandomStream(`abc-models/${options.seed >>> 0}/${t}/${candidate}`);
      const drawn = drawIndex(last.probabilities, 1, rng.next());
      let model = drawn;
      if (rng.next() >= stay) {
        // One of the other models, uniformly.
        const other = Math.min(k - 2, Math.floor(rng.next() * (k - 1)));
        model = other >= drawn ? other + 1 : other;
      }
      const candidateModel = problem.models[model];
      const theta = new Float64Array(candidateModel.low.length);
      kernels[model].propose(rng, theta);
      for (let a = 0; a < theta.length; a++) {
        if (theta[a] < candidateModel.low[a] || theta[a] > candidateModel.high[a]) return { model, theta, logWeight: -Infinity };
      }
      const logWeight = logModelPrior + logPriors[model] - Math.log(landing[model]) - kernels[model].logDensity(theta);
      return { model, theta, logWeight };
    },
  };
}

/** The seed of a candidate's run (hashed: any run can be recomputed alone). */
export function modelCandidateSeed(master: number, generation: number, candidate: number): number {
  return hashSeed(master, 'abc-models', generation, candidate);
}

interface Sampled {
  /** considered candidates in index order: their proposals, statistics (NaN rows for those not simulated) */
  readonly proposals: readonly Proposal[];
  readonly stats: Float64Array;
  readonly simulated: Uint8Array;
  readonly accepted: readonly number[];
  readonly acceptedDistances: readonly number[];
  readonly simulations: number;
}

async function sampleGeneration(
  problem: ModelChoiceProblem,
  options: ModelChoiceOptions,
  t: number,
  proposer: Proposer,
  accept: { readonly epsilon: number; readonly distance: DistanceSpec; readonly maxCandidates: number; readonly startRate: number },
  hooks: ModelChoiceHooks,
): Promise<Sampled> {
  const s = problem.observed.length;
  const n = options.particles;
  const measure = measureOf(accept.distance, problem.observed);
  const proposals: Proposal[] = [];
  const statRows: Float64Array[] = [];
  const simulatedRows: number[] = [];
  const accepted: number[] = [];
  const acceptedDistances: number[] = [];
  let simulations = 0;
  let rate = accept.startRate;
  while (accepted.length < n && proposals.length < accept.maxCandidates) {
    if (hooks.signal?.aborted) break;
    const start = proposals.length;
    const size = Math.min(accept.maxCandidates - start, Math.max(Math.min(n, 32), Math.ceil(((n - accepted.length) / rate) * 1.1)));
    const round = Array.from({ length: size }, (_, c) => proposer.propose(start + c));
    // Simulate the candidates inside their boxes, model by model (all models at once on the pool).
    const rows = new Float64Array(size * s).fill(NaN);
    const ran = new Uint8Array(size);
    await Promise.all(
      problem.models.map(async (candidateModel, m) => {
        const members = round.flatMap((p, c) => (p.model === m && p.logWeight > -Infinity ? [c] : []));
        if (members.length === 0) return;
        const d = candidateModel.low.length;
        const params = new Float64Array(members.length * d);
        const seeds = new Uint32Array(members.length);
        members.forEach((c, r) => {
          params.set(round[c].theta, r * d);
          seeds[r] = modelCandidateSeed(options.seed, t, start + c);
        });
        const out = await problem.simulate(m, params, seeds);
        members.forEach((c, r) => {
          rows.set(out.subarray(r * s, (r + 1) * s), c * s);
          ran[c] = 1;
        });
      }),
    );
    let considered = 0;
    for (let c = 0; c < size && accepted.length < n; c++) {
      considered = c + 1;
      if (!ran[c]) continue;
      simulations++;
      const dist = t === 0 ? 0 : measure(rows, c * s);
      if (dist <= accept.epsilon) {
        accepted.push(start + c);
        acceptedDistances.push(dist);
      }
    }
    for (let c = 0; c < considered; c++) {
      proposals.push(round[c]);
      statRows.push(rows.subarray(c * s, (c + 1) * s));
      if (ran[c]) simulatedRows.push(start + c);
    }
    rate = Math.max(accepted.length / proposals.length, 1 / accept.maxCandidates);
    hooks.onProgress?.({ generation: t, epsilon: accept.epsilon, accepted: accepted.length, candidates: proposals.length, simulations });
  }
  const stats = new Float64Array(proposals.length * s);
  statRows.forEach((row, c) => stats.set(row, c * s));
  const simulated = new Uint8Array(proposals.length);
  for (const c of simulatedRows) simulated[c] = 1;
  return { proposals, stats, simulated, accepted, acceptedDistances, simulations };
}

/** Run ABC-SMC model selection to `options.generations` generations (or fewer). */
export async function abcModelChoice(problem: ModelChoiceProblem, options: ModelChoiceOptions, hooks: ModelChoiceHooks = {}): Promise<ModelChoiceOutcome> {
  if (problem.models.length < 1) throw new RangeError('model choice needs at least one model');
  const s = problem.observed.length;
  const n = options.particles;
  const done: ModelGeneration[] = [];
  let last = hooks.resumeFrom;
  let stopped: ModelChoiceOutcome['stopped'] = 'generations';
  for (let t = last ? last.index + 1 : 0; t < options.generations; t++) {
    if (hooks.signal?.aborted) {
      stopped = 'signal';
      break;
    }
    const proposer = last ? perturbationProposer(problem, options, t, last) : priorProposer(problem, options.seed);
    const epsilon = last ? last.next.epsilon : Infinity;
    const sampled = await sampleGeneration(
      problem,
      options,
      t,
      proposer,
      {
        epsilon,
        distance: last ? last.next.distance : initialDistance(s),
        maxCandidates: t === 0 ? Math.ceil(n / options.minAcceptance) : Math.ceil(n / options.minAcceptance),
        startRate: last ? Math.max(last.acceptanceRate, 0.02) : 1,
      },
      hooks,
    );
    if (sampled.accepted.length < n) {
      stopped = hooks.signal?.aborted ? 'signal' : 'acceptance';
      break;
    }
    const model = Uint16Array.from(sampled.accepted.map((c) => sampled.proposals[c].model));
    const params = sampled.accepted.map((c) => sampled.proposals[c].theta);
    const logWeights = sampled.accepted.map((c) => sampled.proposals[c].logWeight);
    const top = logWeights.reduce((a, b) => Math.max(a, b), -Infinity);
    const weight = Float64Array.from(logWeights, (w) => Math.exp(w - top));
    const total = weight.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) weight[i] /= total;
    const { populations, probabilities } = populationOf(problem, model, weight, params);

    // The next distance: every statistic's spread over the simulated candidates of every model.
    const simulatedIndex: number[] = [];
    for (let c = 0; c < sampled.proposals.length; c++) if (sampled.simulated[c]) simulatedIndex.push(c);
    const simulatedStats = new Float64Array(simulatedIndex.length * s);
    simulatedIndex.forEach((c, r) => simulatedStats.set(sampled.stats.subarray(c * s, (c + 1) * s), r * s));
    const nextDistance = fitDistance('adaptive', new Float64Array(0), simulatedStats, simulatedIndex.length, 0, s);
    const nextMeasure = measureOf(nextDistance, problem.observed);
    const nextDistances = Float64Array.from(sampled.accepted, (c) => nextMeasure(sampled.stats, c * s));
    const generation: ModelGeneration = {
      index: t,
      model,
      weight,
      distances: t === 0 ? nextDistances : Float64Array.from(sampled.acceptedDistances),
      params,
      probabilities,
      populations,
      epsilon,
      acceptanceRate: n / sampled.proposals.length,
      ess: effectiveSampleSize(weight),
      simulations: sampled.simulations,
      next: { distance: nextDistance, epsilon: weightedQuantile(nextDistances, weight, 0.5) },
    };
    done.push(generation);
    hooks.onGeneration?.(generation);
    last = generation;
  }
  if (!last) {
    if (stopped === 'signal') throw new AbcStoppedError();
    throw new RangeError('ABC-SMC model choice stopped before its first generation finished');
  }
  return { generations: done, final: last, stopped };
}

/**
 * Bayes factor of model a against model b from posterior probabilities and a uniform model prior
 * (the prior odds are 1): P(a | D) / P(b | D). Infinity when b has no posterior mass.
 */
export function bayesFactor(probabilities: ArrayLike<number>, a: number, b: number): number {
  return probabilities[b] > 0 ? probabilities[a] / probabilities[b] : Infinity;
}

/** Kass & Raftery (1995)'s words for a Bayes factor's strength (≥ 1; for < 1 read 1/BF for the other model). */
export function bayesFactorWords(factor: number): string {
  if (factor < 3) return 'barely worth mentioning';
  if (factor < 20) return 'positive';
  if (factor < 150) return 'strong';
  return 'very strong';
}
