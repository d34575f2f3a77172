/**
 * Survey waves from many runs, for calibration: each row of parameter values is applied to a base
 * scenario (like a design point), the run is surveyed at the wave months, and the chosen wave
 * means come back as one row of numbers. The same `runWaveBatch` serves this thread and the
 * piscina workers (waves-worker.ts), so 1 thread and N threads give the same numbers; rows go to
 * the workers in fixed chunks and come back in order.
 */
import { Piscina } from 'piscina';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureOrganization, type Scenario } from '../scenarios/index.js';
import { INSTRUMENTS, simulateSurvey, waveMeasures, type Instrument } from '../sim/index.js';
import { withValues } from '../scenarios/index.js';

/** What the simulated waves are asked: fields varied, survey months and response rates, statistics wanted. */
export interface WaveTarget {
  readonly scenario: Scenario;
  /** scenario field paths, one per parameter column */
  readonly fields: readonly string[];
  /** whole-number fields take the nearest whole number */
  readonly integer: readonly boolean[];
  readonly months: readonly number[];
  /** share of staff answering, per wave month */
  readonly sample: readonly number[];
  /** the statistics, in order: wave index (into months) and measure */
  readonly statistics: readonly { readonly wave: number; readonly measure: Instrument }[];
}

export interface WaveTask {
  readonly target: WaveTarget;
  /** rows × fields parameter values */
  readonly params: Float64Array;
  readonly seeds: Uint32Array;
}

/** Run each row and return rows × statistics wave means (NaN where a wave has no respondents). */
export function runWaveBatch(task: WaveTask): Float64Array {
  const { target } = task;
  const d = target.fields.length;
  const s = target.statistics.length;
  const out = new Float64Array(task.seeds.length * s);
  // A real organization: read once per thread (a worker's first batch), the same for every row.
  const organization = ensureOrganization(target.scenario);
  for (let row = 0; row < task.seeds.length; row++) {
    const values: Record<string, number> = {};
    for (let a = 0; a < d; a++) {
      const value = task.params[row * d + a];
      values[target.fields[a]] = target.integer[a] ? Math.round(value) : value;
    }
    // Not revalidated (zod costs about as much as a small run): the values are numbers inside
    // priors that were checked against each field's valid range (src/calibrate/params.ts).
    const scenario = withValues(target.scenario, values) as unknown as Scenario;
    const survey = simulateSurvey(scenario, task.seeds[row], { months: target.months, sample: target.sample }, { organization });
    const means = survey.waves.map((wave) => waveMeasures(wave));
    for (let j = 0; j < s; j++) {
      const { wave, measure } = target.statistics[j];
      out[row * s + j] = means[wave][INSTRUMENTS.indexOf(measure)].mean;
    }
  }
  return out;
}

function waveWorkerFile(): string {
  const sibling = new URL('./waves-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(sibling))) return sibling.href;
  return new URL('../../dist/sweep/waves-worker.js', import.meta.url).href;
}

/** Rows per worker task: small enough to share the work between threads, big enough to be cheap. */
const CHUNK = 16;

/** A pool that runs wave batches on `threads` worker threads (in this thread for 1). */
export class WavePool {
  private readonly pool: Piscina<WaveTask, Float64Array> | null;

  constructor(threads: number) {
    this.pool =
      threads > 1
        ? new Piscina<WaveTask, Float64Array>({
            filename: waveWorkerFile(),
            minThreads: threads,
            maxThreads: threads,
            idleTimeout: 60_000,
            // As the sweep pool (execute.ts): runs leave short-lived garbage only.
            resourceLimits: { maxYoungGenerationSizeMb: 16 },
          })
        : null;
  }

  /**
   * Statistics of every (params, seed) row. `signal` stops the batch: it rejects with an
   * AbortError, and the caller keeps only what finished before. In this thread (threads 1) the
   * rows run in chunks with a turn of the event loop between them, so Ctrl-C is heard mid-batch;
   * each row is a run of its own, so chunking changes no result.
   */
  async run(target: WaveTarget, params: Float64Array, seeds: Uint32Array, signal?: AbortSignal): Promise<Float64Array> {
    const d = target.fields.length;
    const s = target.statistics.length;
    const out = new Float64Array(seeds.length * s);
    if (!this.pool) {
      for (let start = 0; start < seeds.length; start += CHUNK) {
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
        const end = Math.min(seeds.length, start + CHUNK);
        out.set(runWaveBatch({ target, params: params.subarray(start * d, end * d), seeds: seeds.subarray(start, end) }), start * s);
      }
      return out;
    }
    const chunks: Promise<Float64Array>[] = [];
    for (let start = 0; start < seeds.length; start += CHUNK) {
      const end = Math.min(seeds.length, start + CHUNK);
      chunks.push(this.pool.run({ target, params: params.slice(start * d, end * d), seeds: seeds.slice(start, end) }, signal ? { signal } : {}));
    }
    const parts = await Promise.all(chunks);
    parts.forEach((part, k) => out.set(part, k * CHUNK * s));
    return out;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
