/**
 * ABC-SMC: approximate Bayesian computation by sequential Monte Carlo (Del Moral, Doucet & Jasra
 * 2012; Beaumont, Cornuet, Marin & Robert 2009; Toni et al. 2009), in the form of pyabc
 * (Klinger, Rickert & Hasenauer 2018):
 *
 *   generation 0   particles from the prior, all kept (ε = ∞)
 *   generation t   ancestors drawn by weight, moved by a multivariate normal kernel with half
 *                  the weighted covariance of generation t − 1, one move in ten with twice it
 *                  (a defensive mixture; NARROW_SCALE below says why); a particle is
 *                  kept when its simulated statistics are within ε_t of the data; its weight is
 *                  prior(θ) / Σ_j w_j K(θ | θ_j)
 *   distance       re-fitted to the last generation's considered candidates (distance.ts):
 *                  `regression` (default) measures on each parameter's linear regression on the
 *                  statistics; `adaptive` on every statistic over its median absolute deviation
 *   ε_{t+1}        the weighted median of generation t's distances under the new distance
 *
 * Pure and generic: the model is a `simulate` callback over typed arrays; the prior is uniform
 * on a box. Deterministic whatever the order simulations finish in: candidate k of generation t
 * draws its proposal from its own stream and its runs get hashed seeds; candidates are taken in
 * index order, in rounds whose size depends only on earlier results. Everything a generation
 * needs from the last one is in `Generation` (the next distance and ε included), so a run resumed
 * from a saved generation continues exactly as it would have.
 */
import { hashSeed, RandomStream, standardNormal } from '../sim/index.js';
import { fitDistance, initialDistance, measureOf, type DistanceKind, type DistanceSpec, type Measure } from './distance.js';
import { cholesky, mahalanobis2, weightedCovariance } from './linalg.js';
import { effectiveSampleSize, weightedQuantile } from './weighted.js';

export interface AbcProblem {
  /** lower and upper bounds of the uniform prior, one per parameter */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** the data's summary statistics */
  readonly observed: Float64Array;
  /**
   * Simulate rows of `params` (n × d, row-major) with the given seeds (one per row); resolve to
   * their statistics (n × s, row-major). Must be a pure function of (row, seed).
   */
  simulate(params: Float64Array, seeds: Uint32Array): Promise<Float64Array>;
}

export interface AbcOptions {
  readonly particles: number;
  /** generations in all, generation 0 (the prior) included */
  readonly generations: number;
  readonly repsPerParticle: number;
  readonly seed: number;
  /** stop when a generation would need more than particles / minAcceptance candidates */
  readonly minAcceptance: number;
  /** how distances are measured (distance.ts) */
  readonly distance: DistanceKind;
}

export const ABC_DEFAULTS: Omit<AbcOptions, 'seed'> = { particles: 500, generations: 10, repsPerParticle: 1, minAcceptance: 0.01, distance: 'regression' };

export interface Generation {
  readonly index: number;
  /** particles × d, row-major */
  readonly particles: Float64Array;
  /** normalized importance weights */
  readonly weights: Float64Array;
  /** each particle's distance, under `distance` */
  readonly distances: Float64Array;
  /** each particle's simulated statistics (mean over reps), particles × s */
  readonly stats: Float64Array;
  readonly epsilon: number;
  /** the distance this generation was measured with */
  readonly distance: DistanceSpec;
  /** particles kept / candidates considered */
  readonly acceptanceRate: number;
  readonly ess: number;
  /** model runs this generation (candidates simulated × reps) */
  readonly simulations: number;
  /** what the next generation starts from: the distance fitted to this generation's simulations, and ε */
  readonly next: { readonly distance: DistanceSpec; readonly epsilon: number };
}

export interface AbcProgress {
  readonly generation: number;
  readonly epsilon: number;
  readonly accepted: number;
  readonly candidates: number;
  readonly simulations: number;
}

export interface AbcHooks {
  /** the last finished generation of an earlier session (resume) */
  readonly resumeFrom?: Generation;
  readonly onGeneration?: (generation: Generation) => void;
  readonly onProgress?: (progress: AbcProgress) => void;
  readonly signal?: AbortSignal;
}

export interface AbcOutcome {
  /** the generations finished in this call (after `resumeFrom`) */
  readonly generations: readonly Generation[];
  /** the final population: the last finished generation */
  readonly final: Generation;
  readonly stopped: 'generations' | 'acceptance' | 'signal';
}

/** The seed of a candidate's run: hashed, so any run can be recomputed alone on any thread. */
export function candidateSeed(master: number, generation: number, candidate: number, rep: number): number {
  return hashSeed(master, 'abc', generation, candidate, rep);
}

/** A standard normal from the stream's next two draws (src/sim's Box–Muller; left to right). */
function normal(rng: RandomStream): number {
  return standardNormal(rng.next(), rng.next());
}

/** Proposes candidates of one generation from the last population. */
interface Proposer {
  propose(candidate: number, into: Float64Array, at: number): void;
  /** log of the importance weight prior(θ) / Σ w_j K(θ | θ_j), up to a constant */
  logWeight(params: Float64Array, at: number): number;
}

function priorProposer(problem: AbcProblem, master: number): Proposer {
  const d = problem.low.length;
  return {
    propose(candidate, into, at) {
      const rng = new RandomStream(`abc/${master >>> 0}/0/${candidate}`);
      for (let a = 0; a < d; a++) into[at + a] = problem.low[a] + (problem.high[a] - problem.low[a]) * rng.next();
    },
    logWeight: () => 0,
  };
}

/**
 * The moves: a multivariate normal around the ancestor with NARROW_SCALE times the weighted
 * particle covariance, and one move in DEFENSIVE_SHARE with WIDE_SCALE times it (Beaumont et al.
 * 2009's kernel) — a defensive mixture (Hesterberg 1995): the weight's denominator Σ w K never
 * falls below this share of the wide kernel's, so a candidate far from the particles cannot take
 * most of the weight. Chosen by measurement (docs/CALIBRATE.md, "Kernel"): twice the covariance
 * alone wastes most late candidates (74,049 simulations on the bench where this mixture needs
 * about 43,000); Silverman's bandwidth (pyabc's default, 0.07–0.13 times the covariance here) needs
 * fewer still but left clumpy populations — on the binomial check the posterior SD over 8 seeds
 * ranged 0.075–0.089 against 0.081–0.086 with this kernel, and alone one seed fell to an ESS of
 * 15 of 1,000 particles.
 */
export const NARROW_SCALE = 0.5;
export const WIDE_SCALE = 2;
export const DEFENSIVE_SHARE = 0.1;

/** A multivariate normal kernel: its Cholesky factor and log of its density's normalizer (up to (2π)^(d/2)). */
interface Kernel {
  readonly l: Float64Array;
  readonly logNormalizer: number;
}

function kernelOf(cov: Float64Array, scale: number, d: number, floor: Float64Array): Kernel {
  const l = cholesky(cov.map((v) => v * scale), d, floor);
  let logDet = 0;
  for (let a = 0; a < d; a++) logDet += Math.log(l[a * d + a]);
  return { l, logNormalizer: -logDet };
}

function kernelProposer(problem: AbcProblem, master: number, generation: number, last: Generation): Proposer {
  const { low, high } = problem;
  const d = low.length;
  const n = last.weights.length;
  const { cov } = weightedCovariance(last.particles, last.weights, d);
  const floor = new Float64Array(d).map((_, a) => (high[a] - low[a]) ** 2);
  const narrow = kernelOf(cov, NARROW_SCALE, d, floor);
  const wide = kernelOf(cov, WIDE_SCALE, d, floor);
  const components = [
    { kernel: narrow, logShare: Math.log(1 - DEFENSIVE_SHARE) },
    { kernel: wide, logShare: Math.log(DEFENSIVE_SHARE) },
  ];
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let j = 0; j < n; j++) cumulative[j] = running += last.weights[j];
  const z = new Float64Array(d);
  const scratch = new Float64Array(d);
  const logW = new Float64Array(n).map((_, j) => Math.log(last.weights[j]));
  const q = new Float64Array(2 * n);
  return {
    propose(candidate, into, at) {
      const rng = new RandomStream(`abc/${master >>> 0}/${generation}/${candidate}`);
      // Redraw (kernel, ancestor and move) until inside the prior's box: outside it the prior is
      // 0. The box's share of the mixture is one constant, so the weights need no correction.
      for (let attempt = 0; attempt < 10_000; attempt++) {
        const { l } = rng.next() < DEFENSIVE_SHARE ? wide : narrow;
        const u = rng.next() * running;
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        for (let a = 0; a < d; a++) z[a] = normal(rng);
        let inside = true;
        for (let a = 0; a < d; a++) {
          let move = 0;
          for (let b = 0; b <= a; b++) move += l[a * d + b] * z[b];
          const value = last.particles[lo * d + a] + move;
          into[at + a] = value;
          if (value < low[a] || value > high[a]) inside = false;
        }
        if (inside) return;
      }
      throw new RangeError('could not propose a particle inside the prior in 10,000 tries');
    },
    logWeight(params, at) {
      // log Σ_j w_j Σ_k share_k N_k(θ | θ_j), by the max trick so far-off particles do not underflow.
      let top = -Infinity;
      components.forEach(({ kernel, logShare }, k) => {
        for (let j = 0; j < n; j++) {
          const term = logW[j] + logShare + kernel.logNormalizer - 0.5 * mahalanobis2(kernel.l, d, params, at, last.particles, j * d, scratch);
          q[k * n + j] = term;
          if (term > top) top = term;
        }
      });
      let sum = 0;
      for (let i = 0; i < 2 * n; i++) sum += Math.exp(q[i] - top);
      return -(top + Math.log(sum));
    },
  };
}

/** Stopped (the signal) before generation 0 finished: nothing to keep. */
export class AbcStoppedError extends Error {
  constructor() {
    super('stopped before the first generation finished');
    this.name = 'AbcStoppedError';
  }
}

/** One generation's candidates, in index order: those considered (simulated and measured) and which were kept. */
interface Sampled {
  /** considered candidates × d, and their statistics (mean over reps) × s */
  readonly params: Float64Array;
  readonly stats: Float64Array;
  readonly candidates: number;
  /** indices of the kept candidates, and their distances */
  readonly accepted: readonly number[];
  readonly acceptedDistances: readonly number[];
  readonly simulations: number;
}

/** The first `rows` rows of blocks of `width` columns, concatenated. */
function firstRows(blocks: readonly Float64Array[], rows: number, width: number): Float64Array {
  const out = new Float64Array(rows * width);
  let at = 0;
  for (const block of blocks) {
    if (at >= out.length) break;
    const part = block.subarray(0, Math.min(block.length, out.length - at));
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/**
 * Propose, simulate and measure candidates in index order, in rounds sized from the acceptance so
 * far, until `n` are kept within ε or `maxCandidates` are used (or the signal stops it).
 */
async function sampleGeneration(
  problem: AbcProblem,
  options: AbcOptions,
  t: number,
  proposer: Proposer,
  accept: { readonly measure: Measure; readonly epsilon: number; readonly maxCandidates: number; readonly startRate: number },
  hooks: AbcHooks,
): Promise<Sampled> {
  const d = problem.low.length;
  const s = problem.observed.length;
  const n = options.particles;
  const reps = options.repsPerParticle;
  const { measure, epsilon, maxCandidates } = accept;
  const paramBlocks: Float64Array[] = [];
  const statBlocks: Float64Array[] = [];
  const accepted: number[] = [];
  const acceptedDistances: number[] = [];
  let candidates = 0;
  let simulations = 0;
  let rate = accept.startRate;
  while (accepted.length < n && candidates < maxCandidates) {
    if (hooks.signal?.aborted) break;
    const need = n - accepted.length;
    const size = Math.min(maxCandidates - candidates, Math.max(Math.min(n, 32), Math.ceil((need / rate) * 1.1)));
    const params = new Float64Array(size * d);
    for (let k = 0; k < size; k++) proposer.propose(candidates + k, params, k * d);
    const rows = new Float64Array(size * reps * d);
    const seeds = new Uint32Array(size * reps);
    for (let k = 0; k < size; k++) {
      for (let r = 0; r < reps; r++) {
        rows.set(params.subarray(k * d, (k + 1) * d), (k * reps + r) * d);
        seeds[k * reps + r] = candidateSeed(options.seed, t, candidates + k, r);
      }
    }
    let raw: Float64Array;
    try {
      raw = await problem.simulate(rows, seeds);
    } catch (error) {
      // Stopped mid-round: this round's candidates are dropped; the generation is unfinished.
      if (hooks.signal?.aborted) break;
      throw error;
    }
    simulations += size * reps;
    const stats = new Float64Array(size * s);
    for (let k = 0; k < size; k++) {
      for (let r = 0; r < reps; r++) for (let j = 0; j < s; j++) stats[k * s + j] += raw[(k * reps + r) * s + j] / reps;
    }
    paramBlocks.push(params);
    statBlocks.push(stats);
    let considered = 0;
    for (let k = 0; k < size && accepted.length < n; k++) {
      considered = k + 1;
      const dist = t === 0 ? 0 : measure(stats, k * s);
      if (dist <= epsilon) {
        accepted.push(candidates + k);
        acceptedDistances.push(dist);
      }
    }
    candidates += considered;
    rate = Math.max(accepted.length / candidates, 1 / maxCandidates);
    hooks.onProgress?.({ generation: t, epsilon, accepted: accepted.length, candidates, simulations });
  }
  return { params: firstRows(paramBlocks, candidates, d), stats: firstRows(statBlocks, candidates, s), candidates, accepted, acceptedDistances, simulations };
}

/** The kept particles, their statistics and normalized importance weights prior / Σ w K. */
function weighParticles(sampled: Sampled, proposer: Proposer, d: number, s: number): { particles: Float64Array; stats: Float64Array; weights: Float64Array } {
  const n = sampled.accepted.length;
  const particles = new Float64Array(n * d);
  const stats = new Float64Array(n * s);
  const logWeights = new Float64Array(n);
  sampled.accepted.forEach((index, i) => {
    particles.set(sampled.params.subarray(index * d, (index + 1) * d), i * d);
    stats.set(sampled.stats.subarray(index * s, (index + 1) * s), i * s);
    logWeights[i] = proposer.logWeight(particles, i * d);
  });
  const top = logWeights.reduce((a, b) => Math.max(a, b), -Infinity);
  const weights = logWeights.map((w) => Math.exp(w - top));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) weights[i] /= total;
  return { particles, stats, weights };
}

/** Run ABC-SMC to `options.generations` generations (or fewer: acceptance too low, or stopped). */
export async function abcSmc(problem: AbcProblem, options: AbcOptions, hooks: AbcHooks = {}): Promise<AbcOutcome> {
  const d = problem.low.length;
  const s = problem.observed.length;
  const n = options.particles;
  const done: Generation[] = [];
  let last = hooks.resumeFrom;
  let stopped: AbcOutcome['stopped'] = 'generations';
  for (let t = last ? last.index + 1 : 0; t < options.generations; t++) {
    if (hooks.signal?.aborted) {
      stopped = 'signal';
      break;
    }
    const proposer = last ? kernelProposer(problem, options.seed, t, last) : priorProposer(problem, options.seed);
    const epsilon = last ? last.next.epsilon : Infinity;
    const distanceSpec = last ? last.next.distance : initialDistance(s);
    const sampled = await sampleGeneration(
      problem,
      options,
      t,
      proposer,
      {
        measure: measureOf(distanceSpec, problem.observed),
        epsilon,
        maxCandidates: t === 0 ? n : Math.ceil(n / options.minAcceptance),
        startRate: last ? Math.max(last.acceptanceRate, 0.02) : 1,
      },
      hooks,
    );
    if (sampled.accepted.length < n) {
      stopped = hooks.signal?.aborted ? 'signal' : 'acceptance';
      break;
    }
    const { particles, stats, weights } = weighParticles(sampled, proposer, d, s);

    // The next generation's distance (fitted to every candidate considered; the last round's
    // candidates past the n-th kept one were simulated but are not used) and ε (this
    // population's weighted median distance under it).
    const nextDistance = fitDistance(options.distance, sampled.params, sampled.stats, sampled.candidates, d, s);
    const nextMeasure = measureOf(nextDistance, problem.observed);
    const nextDistances = new Float64Array(n).map((_, i) => nextMeasure(stats, i * s));
    const generation: Generation = {
      index: t,
      particles,
      weights,
      // Generation 0 kept everything (ε = ∞): its distances are told under the distance it fitted.
      distances: t === 0 ? nextDistances : Float64Array.from(sampled.acceptedDistances),
      stats,
      epsilon,
      distance: distanceSpec,
      acceptanceRate: n / sampled.candidates,
      ess: effectiveSampleSize(weights),
      simulations: sampled.simulations,
      next: { distance: nextDistance, epsilon: weightedQuantile(nextDistances, weights, 0.5) },
    };
    done.push(generation);
    hooks.onGeneration?.(generation);
    last = generation;
  }
  if (!last) {
    if (stopped === 'signal') throw new AbcStoppedError();
    throw new RangeError('ABC-SMC stopped before its first generation finished');
  }
  return { generations: done, final: last, stopped };
}
