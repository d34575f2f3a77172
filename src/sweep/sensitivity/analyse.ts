/**
 * From the results directories of a sensitivity analysis to its indices: per design point, the
 * mean of each output over replicates (the limited-vs-high difference paired replicate by
 * replicate), then the Morris or Sobol estimator, plus how much of the spread is replicate noise.
 *
 *   runs.jsonl (one per length) ──► outputs[point][replicate] ──► per-point means ──► estimators
 */
import { join } from 'node:path';
import { InputError } from '../../scenarios/index.js';
import { morrisTrajectories } from '../designs/index.js';
import { readManifest, RUNS_FILE } from '../manifest.js';
import { readRuns } from '../runs-file.js';
import type { Manifest } from '../types.js';
import { morrisEffects, type MorrisEffects } from './morris.js';
import type { OutputKey, SensitivityFactor, SensitivityPlan } from './plan.js';
import { DEFAULT_RESAMPLES } from './resample.js';
import { sobolIndices, type SobolIndices } from './sobol.js';

export interface OutputNoise {
  /** mean over points of the variance of a point's mean from replicate noise (Var/reps); null with 1 replicate */
  readonly pointVariance: number | null;
  /**
   * What a factor with no effect would score from replicate noise alone, estimated from the
   * replicate-by-replicate differences the estimator uses (paired: common random numbers):
   * Morris — the expected μ* (√(2/π)·rms standard error of an elementary effect);
   * Sobol' — the expected ST (mean over factors and base samples of Var(f(A) − f(AB_i))/reps/2V).
   * Null with 1 replicate. Scores below twice this are called "within replicate noise".
   */
  readonly floor: number | null;
}

export interface OutputAnalysis {
  readonly output: OutputKey;
  /** mean of the output over all design points (the sample's centre) */
  readonly mean: number;
  readonly sd: number;
  readonly noise: OutputNoise;
  readonly sobol?: SobolIndices;
  readonly morris?: MorrisEffects;
}

export interface SensitivityAnalysis {
  readonly method: SensitivityPlan['options']['method'];
  readonly scenario: string;
  readonly factors: readonly SensitivityFactor[];
  readonly leftOut: SensitivityPlan['leftOut'];
  readonly n: number;
  readonly levels: number | null;
  readonly replicates: number;
  readonly seed: number;
  readonly lengthMonths: number;
  readonly difference: SensitivityPlan['options']['difference'];
  readonly points: number;
  readonly runs: number;
  readonly failedRuns: number;
  readonly outputs: readonly OutputAnalysis[];
  readonly resamples: number;
}

/** outputs[point · replicates + replicate]; NaN where the run failed or is missing. */
interface RunTable {
  readonly manifest: Manifest;
  readonly values: Record<'finalAdoption' | 'sustainedCapacity', Float64Array>;
  readonly failed: number;
}

async function readTable(dir: string): Promise<RunTable> {
  const manifest = readManifest(dir);
  const size = manifest.totalRuns;
  const values = { finalAdoption: new Float64Array(size).fill(Number.NaN), sustainedCapacity: new Float64Array(size).fill(Number.NaN) };
  let failed = 0;
  for await (const record of readRuns(join(dir, RUNS_FILE))) {
    if (record.status !== 'ok') {
      failed++;
      continue;
    }
    values.finalAdoption[record.id] = record.summary.finalAdoption;
    values.sustainedCapacity[record.id] = record.summary.sustainedCapacity;
  }
  return { manifest, values, failed };
}

interface PointSeries {
  readonly means: Float64Array;
  /** mean over points of Var(point mean) from replicates; null with one replicate */
  readonly pointVariance: number | null;
}

/** Per-point means of per-run values (NaN = missing), and the replicate noise of those means. */
function pointMeans(values: Float64Array, points: number, replicates: number, what: string): PointSeries {
  const means = new Float64Array(points);
  let noise = 0;
  let noisePoints = 0;
  const missing: number[] = [];
  for (let p = 0; p < points; p++) {
    let sum = 0;
    let count = 0;
    for (let r = 0; r < replicates; r++) {
      const value = values[p * replicates + r];
      if (Number.isFinite(value)) {
        sum += value;
        count++;
      }
    }
    if (count === 0) {
      missing.push(p);
      continue;
    }
    const mean = sum / count;
    means[p] = mean;
    if (count > 1) {
      let squares = 0;
      for (let r = 0; r < replicates; r++) {
        const value = values[p * replicates + r];
        if (Number.isFinite(value)) squares += (value - mean) ** 2;
      }
      noise += squares / (count - 1) / count;
      noisePoints++;
    }
  }
  if (missing.length > 0) {
    throw new InputError(
      `${what}: ${missing.length} design point${missing.length === 1 ? ' has' : 's have'} no finished run (first: point ${missing[0]}); expected every point to have one — rerun with --resume to retry failed or missing runs`,
    );
  }
  return { means, pointVariance: replicates > 1 && noisePoints > 0 ? noise / noisePoints : null };
}

/**
 * Mean over pairs (p0, p1) of the variance of mean_r[v(p1, r) − v(p0, r)], i.e. Var_r(d)/count,
 * over pairs with at least two replicates finished at both points; null when there are none.
 */
function pairedNoise(values: Float64Array, replicates: number, pairs: Iterable<readonly [number, number]>): number | null {
  if (replicates < 2) return null;
  let total = 0;
  let count = 0;
  const d = new Float64Array(replicates);
  for (const [p0, p1] of pairs) {
    let m = 0;
    for (let r = 0; r < replicates; r++) {
      const difference = values[p1 * replicates + r] - values[p0 * replicates + r];
      if (Number.isFinite(difference)) d[m++] = difference;
    }
    if (m < 2) continue;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += d[i];
    const mean = sum / m;
    let squares = 0;
    for (let i = 0; i < m; i++) squares += (d[i] - mean) ** 2;
    total += squares / (m - 1) / m;
    count++;
  }
  return count > 0 ? total / count : null;
}

/** The point pairs an estimator differences: Morris steps, or Sobol' (A_j, AB_ij). */
function* morrisPairs(r: number, k: number): Generator<readonly [number, number]> {
  for (let t = 0; t < r; t++) for (let s = 0; s < k; s++) yield [t * (k + 1) + s, t * (k + 1) + s + 1];
}
function* sobolPairs(n: number, k: number): Generator<readonly [number, number]> {
  for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) yield [j * (k + 2), j * (k + 2) + 1 + i];
}

function spread(values: Float64Array): { mean: number; sd: number } {
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / values.length;
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  return { mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0 };
}

/** Analyse the finished sweeps of a plan; `dirOf(label)` is where each sweep's results are. */
export async function analyseSensitivity(
  plan: SensitivityPlan,
  dirOf: (label: string) => string,
  options: { readonly resamples?: number } = {},
): Promise<SensitivityAnalysis> {
  const { options: planned } = plan;
  const tables = new Map<number, RunTable>();
  for (const sweep of plan.sweeps) tables.set(sweep.lengthMonths, await readTable(dirOf(sweep.label)));
  const own = tables.get(plan.scenario.engagement.lengthMonths)!;
  const spec = own.manifest.sweep;
  const k = plan.factors.length;
  const points = own.manifest.points.length;
  const replicates = spec.replicates;
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const layout = spec.design.type === 'morris' ? morrisTrajectories(spec.design.r, k, spec.design.levels, spec.seed) : null;

  const perRun = (output: OutputKey): Float64Array => {
    if (output !== 'lengthDifference') return own.values[output];
    const limited = tables.get(planned.difference!.limited)!.values.finalAdoption;
    const high = tables.get(planned.difference!.high)!.values.finalAdoption;
    // Paired by run id: same design point, same replicate, same seed (common random numbers).
    return limited.map((value, id) => value - high[id]);
  };

  const outputs = plan.outputs.map((output): OutputAnalysis => {
    const values = perRun(output);
    const { means, pointVariance } = pointMeans(values, points, replicates, `${output}`);
    const { mean, sd } = spread(means);
    const seed = `${spec.seed}/${output}`;
    if (layout) {
      const v = pairedNoise(values, replicates, morrisPairs(layout.order.length, k));
      const floor = v === null ? null : (Math.sqrt(2 / Math.PI) * Math.sqrt(v)) / layout.delta;
      return { output, mean, sd, noise: { pointVariance, floor }, morris: morrisEffects(means, layout, { resamples, seed }) };
    }
    const sobol = sobolIndices(means, k, { resamples, seed });
    const v = sobol.variance > 0 ? pairedNoise(values, replicates, sobolPairs(sobol.n, k)) : null;
    return { output, mean, sd, noise: { pointVariance, floor: v === null ? null : v / (2 * sobol.variance) }, sobol };
  });

  let failedRuns = 0;
  for (const table of tables.values()) failedRuns += table.failed;
  return {
    method: planned.method,
    scenario: plan.scenario.name,
    factors: plan.factors,
    leftOut: plan.leftOut,
    n: planned.n,
    levels: spec.design.type === 'morris' ? spec.design.levels : null,
    replicates,
    seed: spec.seed,
    lengthMonths: plan.scenario.engagement.lengthMonths,
    difference: planned.difference,
    points,
    runs: plan.totalRuns,
    failedRuns,
    outputs,
    resamples,
  };
}
