/**
 * The results-directory contract (DESIGN.md): what a sweep writes and a report reads.
 *   <dir>/manifest.json — Manifest below
 *   <dir>/runs.jsonl    — one RunRecord per line, canonical order = ascending run id
 */
import type { Scenario } from '../scenarios/index.js';
import type { MonthlySeries, RunSummary, UnitOutcome } from '../sim/index.js';

/** A factor value: numbers for continuous/discrete fields, strings/booleans for choices/flags. */
export type FactorValue = number | string | boolean;

export type Design =
  | { readonly type: 'grid' }
  | { readonly type: 'lhs'; readonly n: number }
  | { readonly type: 'sobol'; readonly n: number }
  | { readonly type: 'morris'; readonly r: number; readonly levels: number };

/** Common random numbers (seed = hash(master, replicate)) or independent (hash(master, point, replicate)). */
export type SeedScheme = 'common' | 'independent';

/** A resolved sweep definition (from a sweep file or a preset such as `compare`). */
export interface SweepSpec {
  readonly kind: 'sweep' | 'compare' | 'within' | 'staffing' | 'sensitivity';
  readonly name: string;
  /** the base scenario reference (built-in name or file) as the user gave it */
  readonly base: string;
  /** `path=value` overrides applied to the base before the factors */
  readonly overrides: readonly string[];
  /** field path → values (grid) or [low, high] range (lhs/sobol/morris) */
  readonly factors: Readonly<Record<string, readonly FactorValue[]>>;
  readonly design: Design;
  readonly replicates: number;
  readonly seed: number;
  readonly seeds: SeedScheme;
  /** summary fields of interest (keys of RunSummary) */
  readonly metrics: readonly string[];
  /**
   * Parameter values per replicate, the same at every design point (`compare --posterior`):
   * replicate r runs with `rows[r]` for `fields`, so comparisons carry parameter uncertainty and
   * stay paired. Absent: every replicate runs the scenario's values.
   */
  readonly replicateValues?: ReplicateValues;
}

export interface ReplicateValues {
  /** where the draws come from (a calibration directory) */
  readonly source: string;
  readonly fields: readonly string[];
  /** one row per replicate, one value per field */
  readonly rows: readonly (readonly number[])[];
  /** the calibration's posterior predictive check failed: what it missed (absent when it passed) */
  readonly fitWarning?: string;
}

export interface DesignPoint {
  /** 0-based index of the design point */
  readonly point: number;
  /** field path → value at this point */
  readonly values: Readonly<Record<string, FactorValue>>;
}

export interface Manifest {
  readonly tool: 'concentric';
  readonly version: string;
  /** the engine that computes the runs (src/sim/version.ts); part of sweepHash */
  readonly engineVersion: number;
  readonly sweep: SweepSpec;
  /** the base scenario, fully resolved (every default), before factor values */
  readonly scenario: Scenario;
  readonly points: readonly DesignPoint[];
  /** total runs in the whole sweep = points × replicates */
  readonly totalRuns: number;
  /** hash of everything that determines the runs (sweep, scenario, points, version); shards of one sweep share it */
  readonly sweepHash: string;
  /** this directory's shard (index 0-based), or null for a whole sweep / a merged result */
  readonly shard: { readonly index: number; readonly count: number } | null;
  readonly createdAt: string;
}

export interface RunRecordBase {
  /** run id = point × replicates + replicate: the canonical sort key */
  readonly id: number;
  readonly point: number;
  readonly replicate: number;
  readonly seed: number;
  readonly params: Readonly<Record<string, FactorValue>>;
}

export interface FinishedRun extends RunRecordBase {
  readonly status: 'ok';
  readonly summary: RunSummary;
  readonly series: MonthlySeries;
  /** per-unit outcomes: only runs of the within-organization design (engagement.lengthAssignment = within) */
  readonly units?: readonly UnitOutcome[];
}

export interface FailedRun extends RunRecordBase {
  readonly status: 'failed';
  readonly error: string;
}

export type RunRecord = FinishedRun | FailedRun;
