/**
 * A model choice from start to finish, in a directory (`concentric calibrate --models a,b,c`):
 *
 *   data file ──► wave means ─────────────────┐
 *   --models ──► one scenario per model ──────┼─► abcModelChoice (models.ts; runs on the sweep's pool)
 *   --params (shared by every model) ─────────┘        │ each generation, when done:
 *                                                      ├─► generations/NN.csv (model, params, weight, distance)
 *                                                      └─► models.json        (ε, acceptance, P(model), …)
 *   final generation ──► models.csv (posterior model probabilities, Bayes factors),
 *                        posterior.csv (model, params, weight), each model's parameter posterior
 *                        and posterior predictive, the parameters averaged over models, summary.md
 *
 * `--resume` reads models.json and the last generation's CSV back (numbers written in full) and
 * continues with the same hashed seeds, as `calibrate` does (run.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, type Scenario } from '../scenarios/index.js';
import { ENGINE_VERSION, hashSeed, RandomStream, type WaveMeasure } from '../sim/index.js';
import { WavePool } from '../sweep/index.js';
import type { SurveyData } from './data.js';
import { abcModelChoice, bayesFactor, bayesFactorWords, populationOf, type ModelChoiceOptions, type ModelChoiceProblem, type ModelChoiceProgress, type ModelGeneration } from './models.js';
import { samplingBox, valueAsRun, type ParameterPrior } from './params.js';
import { marginals, marginalWords, plain, predictiveBands, predictiveFails, type Marginal, type PredictiveBand } from './posterior.js';
import { waveTarget } from './run.js';

export const MODELS_FILE = 'models.json';
export const MODEL_POSTERIOR_FILE = 'models.csv';
/** Posterior draws per model for its predictive check. */
export const MODEL_PREDICTIVE_DRAWS = 100;

export interface ModelChoiceModel {
  /** the scenario as the user named it */
  readonly ref: string;
  readonly scenario: Scenario;
}

export interface ModelChoiceInput {
  readonly models: readonly ModelChoiceModel[];
  readonly data: SurveyData;
  /** parameters every model shares (e.g. the bridge engagement.pushDecay); may be empty */
  readonly priors: readonly ParameterPrior[];
  readonly options: ModelChoiceOptions;
  readonly threads: number;
  readonly out: string;
  readonly resume: boolean;
  readonly version: string;
  readonly startMonth?: number;
  readonly predictiveDraws?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ModelChoiceProgress) => void;
  readonly onGeneration?: (generation: ModelGenerationRecord) => void;
}

export interface ModelGenerationRecord {
  readonly index: number;
  readonly epsilon: number;
  readonly acceptanceRate: number;
  readonly ess: number;
  readonly simulations: number;
  readonly seconds: number;
  /** P(model) after this generation, in --models order */
  readonly probabilities: readonly number[];
  readonly next: { readonly epsilon: number; readonly scales: readonly number[] };
}

export interface ModelSummary {
  readonly ref: string;
  readonly name: string;
  readonly prior: number;
  readonly posterior: number;
  /** Bayes factor against the most probable model (1 for it) */
  readonly bayesFactorVsBest: number;
  readonly particles: number;
  /** the shared parameters' posterior within this model (absent: no particles left) */
  readonly parameters?: readonly Marginal[];
  /** the model's posterior predictive against the data (absent: no particles left) */
  readonly predictive?: readonly PredictiveBand[];
  readonly predictiveMisses?: number;
}

export interface ModelChoiceRecord {
  readonly tool: 'concentric';
  readonly version: string;
  readonly engineVersion: number;
  readonly command: 'calibrate --models';
  readonly settingsHash: string;
  readonly models: readonly string[];
  readonly data: { readonly file: string; readonly format: string; readonly sha256: string };
  readonly parameters: readonly ParameterPrior[];
  readonly statistics: readonly WaveMeasure[];
  readonly startMonth: number;
  readonly options: ModelChoiceOptions;
  readonly generations: readonly ModelGenerationRecord[];
  readonly status: 'running' | 'done' | 'stopped';
  readonly stopped?: string;
  readonly simulationsUsed: number;
  readonly wallSeconds: number;
  readonly summary?: readonly ModelSummary[];
  /** the shared parameters' posterior averaged over the models (Bayesian model averaging) */
  readonly averaged?: readonly Marginal[];
  readonly warnings: readonly string[];
}

export interface ModelChoiceRunOutcome {
  readonly record: ModelChoiceRecord;
  readonly final: ModelGeneration;
  readonly summary: readonly ModelSummary[];
  readonly averaged: readonly Marginal[];
  readonly warnings: readonly string[];
  readonly resumed: number;
}

function writeAtomic(path: string, text: string): void {
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function toJson(record: ModelChoiceRecord): string {
  return JSON.stringify(record, (_, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value), 2) + '\n';
}

function fromJson(text: string): ModelChoiceRecord {
  return JSON.parse(text, (_, value: unknown) => (value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value === 'NaN' ? NaN : value)) as ModelChoiceRecord;
}

function settingsHash(input: ModelChoiceInput, dataHash: string): string {
  const material = JSON.stringify({
    version: input.version,
    engineVersion: ENGINE_VERSION,
    models: input.models.map((m) => m.scenario),
    dataHash,
    priors: input.priors,
    startMonth: input.startMonth ?? 0,
    options: { ...input.options, generations: undefined },
  });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

function generationPath(out: string, index: number): string {
  return join(out, 'generations', `${String(index).padStart(2, '0')}.csv`);
}

function generationCsv(priors: readonly ParameterPrior[], g: ModelGeneration): string {
  const lines = [['model', ...priors.map((p) => p.field), 'weight', 'distance'].join(',')];
  for (let i = 0; i < g.model.length; i++) lines.push([String(g.model[i]), ...Array.from(g.params[i], String), String(g.weight[i]), String(g.distances[i])].join(','));
  return lines.join('\n') + '\n';
}

function readGeneration(problem: ModelChoiceProblem, out: string, record: ModelGenerationRecord, d: number, n: number): ModelGeneration {
  const path = generationPath(out, record.index);
  const lines = readFileSync(path, 'utf8').trim().split('\n').slice(1);
  if (lines.length !== n) throw new InputError(`${path}: expected ${n} particles, got ${lines.length}: the model-choice directory is damaged`);
  const model = new Uint16Array(n);
  const weight = new Float64Array(n);
  const distances = new Float64Array(n);
  const params: Float64Array[] = [];
  lines.forEach((line, i) => {
    const cells = line.split(',').map(Number);
    model[i] = cells[0];
    params.push(Float64Array.from(cells.slice(1, 1 + d)));
    weight[i] = cells[1 + d];
    distances[i] = cells[2 + d];
  });
  const { populations, probabilities } = populationOf(problem, model, weight, params);
  return {
    index: record.index,
    model,
    weight,
    distances,
    params,
    probabilities,
    populations,
    epsilon: record.epsilon,
    acceptanceRate: record.acceptanceRate,
    ess: record.ess,
    simulations: record.simulations,
    next: { epsilon: record.next.epsilon, distance: { scales: Float64Array.from(record.next.scales) } },
  };
}

/** Draw `draws` particles of one model by weight (seeded) and simulate them: rows × statistics. */
async function modelPredictive(problem: ModelChoiceProblem, final: ModelGeneration, m: number, seed: number, draws: number): Promise<Float64Array> {
  const population = final.populations[m];
  const d = problem.models[m].low.length;
  const rng = new RandomStream(`abc-models/${seed >>> 0}/predictive/${m}`);
  const params = new Float64Array(draws * d);
  const seeds = new Uint32Array(draws);
  for (let k = 0; k < draws; k++) {
    const u = rng.next();
    let running = 0;
    let i = 0;
    for (; i < population.count - 1; i++) {
      running += population.weights[i];
      if (u < running) break;
    }
    params.set(population.particles.subarray(i * d, (i + 1) * d), k * d);
    seeds[k] = hashSeed(seed, 'models-predictive', m, k);
  }
  return problem.simulate(m, params, seeds);
}

/** Posterior model probabilities in words, most probable first. */
export function modelChoiceWords(summary: readonly ModelSummary[]): string[] {
  const ordered = [...summary].sort((a, b) => b.posterior - a.posterior);
  const best = ordered[0];
  return ordered.map((m) => {
    const head = `${m.name}: posterior ${plain(m.posterior)} (prior ${plain(m.prior)})`;
    if (m === best) return `${head}, the most probable`;
    const factor = 1 / m.bayesFactorVsBest;
    return `${head}; Bayes factor ${best.name} : ${m.name} = ${Number.isFinite(factor) ? plain(factor) : '∞'} (${Number.isFinite(factor) ? bayesFactorWords(factor) : 'no particle left'})`;
  });
}

export async function chooseModel(input: ModelChoiceInput): Promise<ModelChoiceRunOutcome> {
  const started = performance.now();
  const { out, priors, options, data, models } = input;
  if (models.length < 2) throw new InputError(`--models: expected at least two scenarios to choose between, got ${models.length}`);
  const dataHash = createHash('sha256').update(readFileSync(data.file)).digest('hex');
  const hash = settingsHash(input, dataHash);
  const recordPath = join(out, MODELS_FILE);
  let previous: ModelChoiceRecord | undefined;
  if (existsSync(recordPath)) {
    if (!input.resume) throw new InputError(`--out ${out}: a model choice is already there: expected --resume to continue it, or another --out`);
    previous = fromJson(readFileSync(recordPath, 'utf8'));
    if (previous.settingsHash !== hash) throw new InputError(`--resume: ${recordPath}: expected the same models, data, parameters and settings as the model choice there, got different ones`);
  }
  mkdirSync(join(out, 'generations'), { recursive: true });

  const d = priors.length;
  const n = options.particles;
  const startMonth = input.startMonth ?? 0;
  const targets = models.map((m) => waveTarget(m.scenario, data, priors, startMonth));
  const observed = Float64Array.from(data.waves.map((w) => w.mean));
  const low = Float64Array.from(priors.map((p) => samplingBox(p).low));
  const high = Float64Array.from(priors.map((p) => samplingBox(p).high));
  const pool = new WavePool(input.threads);
  const problem: ModelChoiceProblem = {
    models: models.map(() => ({ low, high })),
    observed,
    simulate: (m, params, seeds) => pool.run(targets[m], params, seeds),
  };
  const finished: ModelGenerationRecord[] = [...(previous?.generations ?? [])];
  const resumed = finished.length;
  const priorSeconds = previous?.wallSeconds ?? 0;
  const base = {
    tool: 'concentric' as const,
    version: input.version,
    engineVersion: ENGINE_VERSION,
    command: 'calibrate --models' as const,
    settingsHash: hash,
    models: models.map((m) => m.ref),
    data: { file: data.file, format: data.format, sha256: dataHash },
    parameters: priors,
    statistics: data.waves,
    startMonth,
    options,
  };
  const record = (status: ModelChoiceRecord['status'], extra: Partial<ModelChoiceRecord> = {}): ModelChoiceRecord => ({
    ...base,
    generations: finished,
    status,
    simulationsUsed: finished.reduce((sum, g) => sum + g.simulations, 0),
    wallSeconds: priorSeconds + (performance.now() - started) / 1000,
    warnings: [],
    ...extra,
  });

  try {
    const resumeFrom = finished.length > 0 ? readGeneration(problem, out, finished[finished.length - 1], d, n) : undefined;
    let generationStarted = performance.now();
    const outcome = await abcModelChoice(problem, options, {
      resumeFrom,
      signal: input.signal,
      onProgress: input.onProgress,
      onGeneration: (g) => {
        const entry: ModelGenerationRecord = {
          index: g.index,
          epsilon: g.epsilon,
          acceptanceRate: g.acceptanceRate,
          ess: g.ess,
          simulations: g.simulations,
          seconds: (performance.now() - generationStarted) / 1000,
          probabilities: Array.from(g.probabilities),
          next: { epsilon: g.next.epsilon, scales: Array.from(g.next.distance.scales) },
        };
        generationStarted = performance.now();
        writeAtomic(generationPath(out, g.index), generationCsv(priors, g));
        finished.push(entry);
        writeAtomic(recordPath, toJson(record('running')));
        input.onGeneration?.(entry);
      },
    });
    const final = outcome.final;
    const best = final.probabilities.reduce((top, p, m) => (p > final.probabilities[top] ? m : top), 0);
    const draws = input.predictiveDraws ?? MODEL_PREDICTIVE_DRAWS;
    const summary: ModelSummary[] = [];
    for (let m = 0; m < models.length; m++) {
      const population = final.populations[m];
      const entry = {
        ref: models[m].ref,
        name: models[m].scenario.name,
        prior: 1 / models.length,
        posterior: final.probabilities[m],
        bayesFactorVsBest: bayesFactor(final.probabilities, m, best),
        particles: population.count,
      };
      if (population.count === 0) {
        summary.push(entry);
        continue;
      }
      const asRun = population.particles.map((value, k) => valueAsRun(priors[k % Math.max(1, d)], value));
      const simulated = await modelPredictive(problem, final, m, options.seed, draws);
      const predictive = predictiveBands(data.waves, simulated, draws);
      summary.push({ ...entry, parameters: d > 0 ? marginals(priors, asRun, population.weights) : [], predictive, predictiveMisses: predictive.filter((b) => b.miss).length });
    }
    const allParams = new Float64Array(n * d);
    final.params.forEach((theta, i) => allParams.set(theta.map((v, a) => valueAsRun(priors[a], v)), i * d));
    const averaged = d > 0 ? marginals(priors, allParams, final.weight) : [];

    const warnings: string[] = [];
    if (final.index === 0) warnings.push('only generation 0 ran: the model probabilities are the prior’s (use --generations 2 or more)');
    if (outcome.stopped === 'acceptance') warnings.push(`stopped after generation ${final.index}: fewer than ${(options.minAcceptance * 100).toFixed(1)} % of candidates came within ε`);
    for (const m of summary) {
      if (m.predictive && predictiveFails(m.predictive)) warnings.push(`${m.name}: its posterior predictive misses ${m.predictiveMisses} of ${m.predictive.length} data points: even this model's best settings do not reproduce the data`);
    }
    if (final.ess < n / 10) warnings.push(`effective sample size ${final.ess.toFixed(0)} of ${n} particles: the probabilities rest on few particles`);

    const status = outcome.stopped === 'signal' ? 'stopped' : 'done';
    const last = record(status, { stopped: outcome.stopped, summary, averaged, warnings });
    if (status === 'done') {
      const rows = ['model,scenario,prior,posterior,bayes_factor_vs_best,particles'];
      summary.forEach((m, k) => rows.push([k, JSON.stringify(m.ref), m.prior, m.posterior, m.bayesFactorVsBest, m.particles].join(',')));
      writeAtomic(join(out, MODEL_POSTERIOR_FILE), rows.join('\n') + '\n');
      const posterior = [['model', ...priors.map((p) => p.field), 'weight'].join(',')];
      for (let i = 0; i < n; i++) posterior.push([String(final.model[i]), ...Array.from(allParams.subarray(i * d, (i + 1) * d), String), String(final.weight[i])].join(','));
      writeAtomic(join(out, 'posterior.csv'), posterior.join('\n') + '\n');
      writeAtomic(join(out, 'summary.md'), summaryMarkdown(last, summary, averaged, warnings));
    }
    writeAtomic(recordPath, toJson(last));
    return { record: last, final, summary, averaged, warnings, resumed };
  } finally {
    await pool.close();
  }
}

function summaryMarkdown(record: ModelChoiceRecord, summary: readonly ModelSummary[], averaged: readonly Marginal[], warnings: readonly string[]): string {
  const lines = [
    '# Model choice',
    '',
    `ABC-SMC model selection (Toni et al. 2009) between ${summary.length} models on ${record.statistics.length} wave means of ${record.data.file}; ${record.options.particles} particles, ${record.generations.length} generations, ${record.simulationsUsed} simulations, master seed ${record.options.seed}, engine ${record.engineVersion}.`,
    '',
    ...modelChoiceWords(summary).map((line) => `- ${line}`),
    '',
    '| model | prior | posterior | Bayes factor vs best | particles | predictive misses |',
    '|---|---|---|---|---|---|',
    ...summary.map((m) => `| ${m.name} | ${plain(m.prior)} | ${plain(m.posterior)} | ${Number.isFinite(m.bayesFactorVsBest) ? plain(m.bayesFactorVsBest) : '∞'} | ${m.particles} | ${m.predictive ? `${m.predictiveMisses} of ${m.predictive.length}` : '—'} |`),
    '',
  ];
  if (averaged.length > 0) {
    lines.push('## Parameters', '', 'Averaged over the models by their posterior probabilities (Bayesian model averaging):', '', ...averaged.map((m) => `- ${marginalWords(m)}`), '');
    for (const m of summary) if (m.parameters && m.parameters.length > 0) lines.push(`Within ${m.name}:`, '', ...m.parameters.map((p) => `- ${marginalWords(p)}`), '');
  }
  lines.push(
    '## Caveat',
    '',
    'An ABC Bayes factor is only as good as the statistics: when they are not sufficient across the models it can be inconsistent (Robert, Cornuet, Marin & Pillai 2011, PNAS 108:15112). Read it beside a recovery test (data simulated from each model select it; docs/CALIBRATE.md) and each model’s posterior predictive above. A posterior close to the prior means the data cannot tell the models apart.',
    '',
  );
  if (warnings.length > 0) lines.push('## Warnings', '', ...warnings.map((w) => `- ${w}`), '');
  return lines.join('\n');
}
