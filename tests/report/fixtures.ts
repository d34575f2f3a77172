/**
 * Results directories for report tests, written per the contract in src/sweep/types.ts by calling
 * simulate() directly (no sweep runner needed): a grid over engagement lengths (and optionally
 * other factors) × replicates, seeds hashed like src/sweep (common: hash(master, replicate)).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenarios/index.js';
import { hashSeed, simulate } from '../../src/sim/index.js';
import type { DesignPoint, FactorValue, FinishedRun, Manifest, RunRecord, SeedScheme } from '../../src/sweep/types.js';

export interface FixtureOptions {
  readonly scenario?: string;
  readonly lengths?: readonly number[];
  /** further grid factors (field path → values), crossed with the lengths */
  readonly factors?: Readonly<Record<string, readonly FactorValue[]>>;
  readonly replicates?: number;
  readonly seed?: number;
  readonly seeds?: SeedScheme;
  readonly overrides?: readonly string[];
  readonly kind?: 'compare' | 'sweep';
}

export function temporaryDir(prefix = 'concentric-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function grid(factors: Readonly<Record<string, readonly FactorValue[]>>): Record<string, FactorValue>[] {
  let points: Record<string, FactorValue>[] = [{}];
  for (const [name, values] of Object.entries(factors)) {
    points = points.flatMap((point) => values.map((value) => ({ ...point, [name]: value })));
  }
  return points;
}

/** Simulate the design and write manifest.json + runs.jsonl into `dir` (created). */
export function writeResults(dir: string, options: FixtureOptions = {}): Manifest {
  const scenarioRef = options.scenario ?? 'foundation';
  const lengths = options.lengths ?? [6, 12, 18];
  const replicates = options.replicates ?? 4;
  const master = options.seed ?? 2024;
  const seeds = options.seeds ?? 'common';
  const overrides = [...(options.overrides ?? [])];
  const factors: Record<string, readonly FactorValue[]> = { 'engagement.lengthMonths': lengths, ...(options.factors ?? {}) };
  const { scenario } = loadScenario(scenarioRef, { overrides });
  const points: DesignPoint[] = grid(factors).map((values, point) => ({ point, values }));
  const lines: string[] = [];
  for (const { point, values } of points) {
    const pointOverrides = [...overrides, ...Object.entries(values).map(([name, value]) => `${name}=${String(value)}`)];
    const { scenario: resolved } = loadScenario(scenarioRef, { overrides: pointOverrides });
    for (let replicate = 0; replicate < replicates; replicate++) {
      const seed = seeds === 'independent' ? hashSeed(master, point, replicate) : hashSeed(master, replicate);
      const result = simulate(resolved, seed);
      const record: FinishedRun = {
        id: point * replicates + replicate,
        point,
        replicate,
        seed,
        params: values,
        status: 'ok',
        summary: result.summary,
        series: result.series,
        ...(result.units ? { units: result.units } : {}),
      };
      lines.push(JSON.stringify(record));
    }
  }
  const manifest: Manifest = {
    tool: 'concentric',
    version: '0.1.0',
    sweep: {
      kind: options.kind ?? 'compare',
      name: `${scenarioRef} fixture`,
      base: scenarioRef,
      overrides,
      factors,
      design: { type: 'grid' },
      replicates,
      seed: master,
      seeds,
      metrics: ['finalAdoption', 'sustainedCapacity', 'timeTo50', 'finalAim', 'finalIam', 'finalFim'],
    },
    scenario,
    points,
    totalRuns: points.length * replicates,
    sweepHash: `fixture-${master}-${points.length}-${replicates}`,
    shard: null,
    createdAt: '2025-01-01T00:00:00.000Z',
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(dir, 'runs.jsonl'), lines.join('\n') + '\n');
  return manifest;
}

export function readRuns(dir: string): RunRecord[] {
  return readFileSync(join(dir, 'runs.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RunRecord);
}

export function writeRuns(dir: string, runs: readonly RunRecord[]): void {
  writeFileSync(join(dir, 'runs.jsonl'), runs.map((run) => JSON.stringify(run)).join('\n') + '\n');
}

/** Copy a results directory with the runs of one engagement length changed by `edit`. */
export function alterLength(from: string, to: string, length: number, edit: (run: FinishedRun) => FinishedRun): void {
  mkdirSync(to, { recursive: true });
  writeFileSync(join(to, 'manifest.json'), readFileSync(join(from, 'manifest.json')));
  const runs = readRuns(from).map((run) =>
    run.status === 'ok' && run.params['engagement.lengthMonths'] === length ? edit(run) : run,
  );
  writeRuns(to, runs);
}
