/**
 * A calibration from start to finish, in a directory:
 *
 *   data file ──► wave means (statistics) ─┐
 *   --params, --prior ──► uniform priors ──┼─► abcSmc (simulations on the sweep's worker pool)
 *   scenario ───────────────────────────────┘        │ each generation, when done:
 *                                                    ├─► generations/NN.csv  (params, weight, distance)
 *                                                    └─► calibration.json    (ε, acceptance, ESS, …)
 *   final generation ──► posterior.csv, marginals, posterior predictive (fresh runs) ──► report
 *
 * `--resume` reads calibration.json and the last generation's CSV back (numbers written in full,
 * so they read back exactly) and continues with the same hashed seeds: the same posterior as a
 * run never interrupted. Files are written to a temporary name and renamed, so a kill -9 leaves
 * the last finished generation whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readInputFile, type Scenario } from '../scenarios/index.js';
import { ENGINE_VERSION, hashSeed, RandomStream, type WaveMeasure } from '../sim/index.js';
import { WavePool, writeFileAtomic, type WaveTarget } from '../sweep/index.js';
import { abcSmc, type AbcOptions, type AbcProgress, type Generation } from './abc.js';
import { regressionFits, ROWS_PER_COEFFICIENT } from './distance.js';
import type { SurveyData } from './data.js';
import { samplingBox, valueAsRun, type ParameterPrior } from './params.js';
import { marginals, missWords, predictiveBands, predictiveFails, type Marginal, type PredictiveBand } from './posterior.js';

export const CALIBRATION_FILE = 'calibration.json';
export const POSTERIOR_FILE = 'posterior.csv';
/** Posterior draws simulated for the predictive check. */
export const PREDICTIVE_DRAWS = 200;

export interface CalibrationInput {
  readonly scenario: Scenario;
  /** the scenario as the user named it, for provenance */
  readonly scenarioRef: string;
  readonly data: SurveyData;
  readonly priors: readonly ParameterPrior[];
  readonly options: AbcOptions;
  readonly threads: number;
  readonly out: string;
  readonly resume: boolean;
  readonly version: string;
  /** posterior draws simulated for the predictive check (default PREDICTIVE_DRAWS) */
  readonly predictiveDraws?: number;
  /**
   * The simulation month at which the survey's month 0 was taken (`--start-month`, default 0):
   * the simulation's month 0 is the first engagement's start, so a survey that began k months
   * into the support has start month k (docs/CALIBRATE.md, "Month 0").
   */
  readonly startMonth?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AbcProgress) => void;
  readonly onGeneration?: (generation: GenerationRecord) => void;
}

export interface GenerationRecord {
  readonly index: number;
  readonly epsilon: number;
  readonly acceptanceRate: number;
  readonly ess: number;
  readonly simulations: number;
  readonly seconds: number;
  /** the next generation's distance (scales, and the regression projection) and ε (what --resume needs) */
  readonly next: { readonly epsilon: number; readonly scales: readonly number[]; readonly projection?: readonly number[] };
}

export interface CalibrationRecord {
  readonly tool: 'concentric';
  readonly version: string;
  readonly engineVersion: number;
  readonly command: 'calibrate';
  /** hash of everything that determines the posterior (not the number of generations) */
  readonly settingsHash: string;
  readonly scenario: string;
  readonly data: { readonly file: string; readonly format: string; readonly sha256: string };
  readonly parameters: readonly ParameterPrior[];
  readonly statistics: readonly WaveMeasure[];
  /** the simulation month of the survey's month 0 */
  readonly startMonth: number;
  readonly options: AbcOptions;
  readonly generations: readonly GenerationRecord[];
  readonly status: 'running' | 'done' | 'stopped';
  readonly stopped?: string;
  readonly simulationsUsed: number;
  readonly wallSeconds: number;
  readonly posterior?: readonly Marginal[];
  /** the generation posterior.csv holds and its sha256: written with every finished generation */
  readonly posteriorFile?: { readonly generation: number; readonly sha256: string };
  readonly predictive?: readonly PredictiveBand[];
  readonly warnings: readonly string[];
}

export interface CalibrationOutcome {
  readonly record: CalibrationRecord;
  readonly final: Generation;
  /** the final particles as the runs used them (whole-number fields rounded), particles × parameters */
  readonly posteriorValues: Float64Array;
  readonly marginals: readonly Marginal[];
  readonly predictive: readonly PredictiveBand[];
  readonly warnings: readonly string[];
  /** generations found on disk at the start (resume) */
  readonly resumed: number;
}

/** Temp file, fsync, rename: the one atomic writer (src/sweep/files.ts). */
const writeAtomic = writeFileAtomic;

/** sha256 of a text, to tie posterior.csv to the record that describes it. */
function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The statistics: every (wave, measure) of the data, and what the simulated survey must ask. */
export function waveTarget(scenario: Scenario, data: SurveyData, priors: readonly ParameterPrior[], startMonth = 0): WaveTarget {
  const months = [...new Set(data.waves.map((w) => w.month))].sort((a, b) => a - b);
  const staff = scenario.organization.staff;
  // Each wave surveys as many as the data had answer (at most everyone): the simulated means then
  // carry the data's sampling noise.
  const sample = months.map((month) => Math.min(1, Math.max(...data.waves.filter((w) => w.month === month).map((w) => w.n)) / staff));
  return {
    scenario,
    fields: priors.map((p) => p.field),
    integer: priors.map((p) => p.integer),
    months: months.map((month) => month + startMonth),
    sample,
    statistics: data.waves.map((w) => ({ wave: months.indexOf(w.month), measure: w.measure })),
  };
}

function settingsHash(input: CalibrationInput, dataHash: string): string {
  const { particles, repsPerParticle, seed, minAcceptance, distance } = input.options;
  // startMonth only when given, so calibrations from before it keep their hash.
  const start = input.startMonth ? { startMonth: input.startMonth } : {};
  const material = JSON.stringify({ version: input.version, engineVersion: ENGINE_VERSION, scenario: input.scenario, dataHash, priors: input.priors, particles, repsPerParticle, seed, minAcceptance, distance, ...start });
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

function generationCsv(priors: readonly ParameterPrior[], g: Generation): string {
  const d = priors.length;
  const lines = [[...priors.map((p) => p.field), 'weight', 'distance'].join(',')];
  for (let i = 0; i < g.weights.length; i++) {
    const row: string[] = [];
    for (let a = 0; a < d; a++) row.push(String(g.particles[i * d + a]));
    row.push(String(g.weights[i]), String(g.distances[i]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** posterior.csv of a generation: the particles as the runs used them (whole-number fields rounded) and their weights. */
function posteriorText(priors: readonly ParameterPrior[], g: Generation): string {
  const d = priors.length;
  const lines = [[...priors.map((p) => p.field), 'weight'].join(',')];
  for (let i = 0; i < g.weights.length; i++) {
    const row: string[] = [];
    for (let a = 0; a < d; a++) row.push(String(valueAsRun(priors[a], g.particles[i * d + a])));
    row.push(String(g.weights[i]));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

function generationPath(out: string, index: number): string {
  return join(out, 'generations', `${String(index).padStart(2, '0')}.csv`);
}

/** The last finished generation, read back from its CSV and record (for --resume). */
function readGeneration(out: string, record: GenerationRecord, d: number, n: number): Generation {
  const path = generationPath(out, record.index);
  const damaged = 'the calibration directory is damaged: restore it, or start afresh in another --out';
  const lines = readInputFile(path, `--resume: ${path}`).trim().split('\n').slice(1);
  if (lines.length !== n) throw new InputError(`${path}: expected ${n} particles, got ${lines.length}: ${damaged}`);
  const particles = new Float64Array(n * d);
  const weights = new Float64Array(n);
  const distances = new Float64Array(n);
  lines.forEach((line, i) => {
    const cells = line.split(',').map(Number);
    if (cells.length !== d + 2 || cells.some((value) => Number.isNaN(value))) throw new InputError(`${path}:${i + 2}: expected ${d + 2} numbers, got ${JSON.stringify(line.slice(0, 80))}: ${damaged}`);
    for (let a = 0; a < d; a++) particles[i * d + a] = cells[a];
    weights[i] = cells[d];
    distances[i] = cells[d + 1];
  });
  return {
    index: record.index,
    particles,
    weights,
    distances,
    stats: new Float64Array(0),
    epsilon: record.epsilon,
    distance: { scales: new Float64Array(0) },
    acceptanceRate: record.acceptanceRate,
    ess: record.ess,
    simulations: record.simulations,
    next: {
      epsilon: record.next.epsilon,
      distance: { scales: Float64Array.from(record.next.scales), ...(record.next.projection ? { projection: Float64Array.from(record.next.projection) } : {}) },
    },
  };
}

function numberOrString(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function recordOf(g: Generation, seconds: number): GenerationRecord {
  return {
    index: g.index,
    epsilon: g.epsilon,
    acceptanceRate: g.acceptanceRate,
    ess: g.ess,
    simulations: g.simulations,
    seconds,
    next: {
      epsilon: g.next.epsilon,
      scales: Array.from(g.next.distance.scales),
      ...(g.next.distance.projection ? { projection: Array.from(g.next.distance.projection) } : {}),
    },
  };
}

/** JSON with ∞ written as "Infinity" (generation 0's ε) and read back. */
function toJson(record: CalibrationRecord): string {
  return JSON.stringify(record, (_, value: unknown) => (typeof value === 'number' ? numberOrString(value) : value), 2) + '\n';
}

function fromJson(text: string): CalibrationRecord {
  return JSON.parse(text, (_, value: unknown) => (value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value === 'NaN' ? NaN : value)) as CalibrationRecord;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';

/**
 * calibration.json read back for --resume, checked before it is trusted: a file cut short, edited
 * or from something else is bad input with its path (exit 2), not an internal error mid-run.
 */
function readRecord(path: string): CalibrationRecord {
  const damaged = 'the calibration directory is damaged: restore it, or start afresh in another --out';
  let record: CalibrationRecord;
  try {
    record = fromJson(readInputFile(path, `--resume: ${path}`));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${path}: expected a calibration record (JSON), got unreadable JSON (${error instanceof Error ? error.message : String(error)}): ${damaged}`);
  }
  const generations = (record as { generations?: unknown }).generations;
  if (typeof record !== 'object' || record === null || typeof record.settingsHash !== 'string' || !Array.isArray(generations)) {
    throw new InputError(`${path}: expected a calibration record with settingsHash and generations, got something else: ${damaged}`);
  }
  generations.forEach((g: Partial<GenerationRecord> | null, k) => {
    const next = g?.next;
    const ok = g !== null && typeof g === 'object' && g.index === k && isNumber(g.epsilon) && isNumber(g.acceptanceRate) && isNumber(g.ess) && isNumber(g.simulations) && isNumber(g.seconds) &&
      next !== undefined && isNumber(next.epsilon) && Array.isArray(next.scales) && next.scales.every(isNumber) && (next.projection === undefined || (Array.isArray(next.projection) && next.projection.every(isNumber)));
    if (!ok) throw new InputError(`${path}: generations[${k}]: expected generation ${k}'s record (index, epsilon, acceptanceRate, ess, simulations, next), got a damaged one: ${damaged}`);
  });
  if (!isNumber(record.wallSeconds)) throw new InputError(`${path}: wallSeconds: expected a number, got ${JSON.stringify(record.wallSeconds)}: ${damaged}`);
  return record;
}

/**
 * Posterior predictive: fresh runs from particles drawn by weight (seeded), not the accepted runs
 * themselves, which were chosen for being close to the data. Rows × statistics.
 */
async function predictiveRuns(pool: WavePool, target: WaveTarget, final: Generation, seed: number, draws: number, signal?: AbortSignal): Promise<Float64Array> {
  const d = target.fields.length;
  const n = final.weights.length;
  const rng = new RandomStream(`abc/${seed >>> 0}/predictive`);
  const cumulative = new Float64Array(n);
  let running = 0;
  for (let i = 0; i < n; i++) cumulative[i] = running += final.weights[i];
  const params = new Float64Array(draws * d);
  const seeds = new Uint32Array(draws);
  for (let k = 0; k < draws; k++) {
    const u = rng.next() * running;
    let i = 0;
    while (i < n - 1 && cumulative[i] <= u) i++;
    params.set(final.particles.subarray(i * d, (i + 1) * d), k * d);
    seeds[k] = hashSeed(seed, 'predictive', k);
  }
  return pool.run(target, params, seeds, signal);
}

/** Which of the settings behind the hash differ from an earlier calibration's record, in words. */
function changedSettings(previous: CalibrationRecord, input: CalibrationInput, dataHash: string): string {
  const was = previous.options;
  const now = input.options;
  const changed = [
    previous.version !== input.version ? `tool version (${previous.version} → ${input.version})` : '',
    previous.engineVersion !== ENGINE_VERSION ? `engine version (${previous.engineVersion} → ${ENGINE_VERSION})` : '',
    previous.data.sha256 !== dataHash ? 'data file (its contents changed)' : '',
    JSON.stringify(previous.parameters) !== JSON.stringify(input.priors) ? '--params or --prior' : '',
    was.particles !== now.particles ? `--particles (${was.particles} → ${now.particles})` : '',
    was.repsPerParticle !== now.repsPerParticle ? `--reps-per-particle (${was.repsPerParticle} → ${now.repsPerParticle})` : '',
    was.seed !== now.seed ? `--seed (${was.seed} → ${now.seed})` : '',
    was.distance !== now.distance ? `--distance (${String(was.distance ?? 'adaptive')} → ${now.distance})` : '',
    was.minAcceptance !== now.minAcceptance ? 'minimum acceptance' : '',
    (previous.startMonth ?? 0) !== (input.startMonth ?? 0) ? `--start-month (${previous.startMonth ?? 0} → ${input.startMonth ?? 0})` : '',
  ].filter((words) => words !== '');
  return changed.length > 0 ? changed.join(', ') : 'scenario (the file, or its --set overrides)';
}

export async function calibrate(input: CalibrationInput): Promise<CalibrationOutcome> {
  const started = performance.now();
  const { out, priors, options, data } = input;
  const dataHash = createHash('sha256').update(readInputFile(data.file, data.file)).digest('hex');
  const hash = settingsHash(input, dataHash);
  const recordPath = join(out, CALIBRATION_FILE);
  let previous: CalibrationRecord | undefined;
  if (existsSync(recordPath)) {
    if (!input.resume) throw new InputError(`--out ${out}: a calibration is already there: expected --resume to continue it, or another --out`);
    previous = readRecord(recordPath);
    if (previous.settingsHash !== hash) {
      throw new InputError(`--resume: ${recordPath}: expected the same settings as the calibration there, got a different ${changedSettings(previous, input, dataHash)}`);
    }
  }
  mkdirSync(join(out, 'generations'), { recursive: true });

  const d = priors.length;
  const n = options.particles;
  const finished: GenerationRecord[] = [...(previous?.generations ?? [])];
  const resumeFrom = finished.length > 0 ? readGeneration(out, finished[finished.length - 1], d, n) : undefined;
  const resumed = finished.length;
  const priorSeconds = previous?.wallSeconds ?? 0;
  const target = waveTarget(input.scenario, data, priors, input.startMonth ?? 0);
  const observed = Float64Array.from(data.waves.map((w) => w.mean));
  const base = {
    tool: 'concentric' as const,
    version: input.version,
    engineVersion: ENGINE_VERSION,
    command: 'calibrate' as const,
    settingsHash: hash,
    scenario: input.scenarioRef,
    data: { file: data.file, format: data.format, sha256: dataHash },
    parameters: priors,
    statistics: data.waves,
    startMonth: input.startMonth ?? 0,
    options,
  };
  const record = (status: CalibrationRecord['status'], extra: Partial<CalibrationRecord> = {}): CalibrationRecord => ({
    ...base,
    generations: finished,
    status,
    simulationsUsed: finished.reduce((sum, g) => sum + g.simulations, 0),
    wallSeconds: priorSeconds + (performance.now() - started) / 1000,
    warnings: [],
    ...extra,
  });

  const pool = new WavePool(input.threads);
  try {
    let generationStarted = performance.now();
    const outcome = await abcSmc(
      { low: Float64Array.from(priors.map((p) => samplingBox(p).low)), high: Float64Array.from(priors.map((p) => samplingBox(p).high)), observed, simulate: (params, seeds) => pool.run(target, params, seeds, input.signal) },
      options,
      {
        resumeFrom,
        signal: input.signal,
        onProgress: input.onProgress,
        onGeneration: (g) => {
          const entry = recordOf(g, (performance.now() - generationStarted) / 1000);
          generationStarted = performance.now();
          writeAtomic(generationPath(out, g.index), generationCsv(priors, g));
          // posterior.csv follows every finished generation, then the record naming it (by hash):
          // a stop at any moment leaves the two agreeing, or the record one generation behind,
          // which compare --posterior detects and --resume repairs.
          const text = posteriorText(priors, g);
          writeAtomic(join(out, POSTERIOR_FILE), text);
          finished.push(entry);
          writeAtomic(recordPath, toJson(record('running', { posteriorFile: { generation: g.index, sha256: sha256(text) } })));
          input.onGeneration?.(entry);
        },
      },
    );
    const final = outcome.final;
    // What the runs used: whole-number fields rounded (the particles themselves stay continuous).
    const asRun = final.particles.map((value, k) => valueAsRun(priors[k % d], value));
    const posterior = marginals(priors, asRun, final.weights);

    const draws = input.predictiveDraws ?? PREDICTIVE_DRAWS;
    // Ctrl-C during the predictive runs still keeps the last finished generation, unchecked.
    let stoppedInPredictive = false;
    let predictive: PredictiveBand[] = [];
    try {
      predictive = predictiveBands(data.waves, await predictiveRuns(pool, target, final, options.seed, draws, input.signal), draws);
    } catch (error) {
      if (!input.signal?.aborted) throw error;
      stoppedInPredictive = true;
    }

    const warnings: string[] = [];
    if (stoppedInPredictive) warnings.push('stopped before the posterior predictive check was made: these waves were not checked against the data (rerun with --resume to make it)');
    const misses = predictive.filter((band) => band.miss);
    if (predictiveFails(predictive)) warnings.push(missWords(misses));
    if (final.index === 0) warnings.push('only generation 0 ran: these are draws from the prior, not a posterior (use --generations 2 or more)');
    if (outcome.stopped === 'acceptance') warnings.push(`stopped after generation ${final.index}: fewer than ${(options.minAcceptance * 100).toFixed(1)} % of candidates came within ε`);
    if (options.distance === 'regression' && !regressionFits(n, observed.length)) {
      const needed = ROWS_PER_COEFFICIENT * (observed.length + 1);
      warnings.push(`${n} particles are fewer than the regression distance needs for ${observed.length} statistics (${needed}): generations after too few simulations used the adaptive distance`);
    }
    if (final.ess < n / 10) warnings.push(`effective sample size ${final.ess.toFixed(0)} of ${n} particles: the posterior rests on few particles`);

    const status = outcome.stopped === 'signal' || stoppedInPredictive ? 'stopped' : 'done';
    const text = posteriorText(priors, final);
    const last = record(status, { stopped: stoppedInPredictive ? 'signal' : outcome.stopped, posterior, posteriorFile: { generation: final.index, sha256: sha256(text) }, predictive, warnings });
    writeAtomic(join(out, POSTERIOR_FILE), text);
    writeAtomic(recordPath, toJson(last));
    return { record: last, final, posteriorValues: asRun, marginals: posterior, predictive, warnings, resumed };
  } finally {
    await pool.close();
  }
}
