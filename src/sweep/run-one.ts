/**
 * One run of a sweep, and a batch of them: the single code path shared by the in-process runner
 * and the worker threads, so 1 thread and N threads write the same bytes.
 */
import { ensureOrganization, type OrganizationFile, type Scenario } from '../scenarios/index.js';
import { simulate } from '../sim/index.js';
import { scenarioAt } from './factors.js';
import { runJob, type RunJob } from './seeds.js';
import type { FactorValue, RunRecord, SeedScheme } from './types.js';

export interface PlannedRun extends RunJob {
  readonly params: Readonly<Record<string, FactorValue>>;
}

/** What a worker is sent: the base scenario, the runs to do (usually a few consecutive ids) and
 *  the values of their design points. Seeds are derived in the worker (hashing is not free). */
export interface BatchTask {
  readonly scenario: Scenario;
  readonly replicates: number;
  readonly seed: number;
  readonly seeds: SeedScheme;
  readonly ids: readonly number[];
  /** design point → factor values, for the points these ids belong to */
  readonly points: Readonly<Record<number, Readonly<Record<string, FactorValue>>>>;
  /** replicate → its own parameter values (SweepSpec.replicateValues), for these ids' replicates */
  readonly replicateValues?: Readonly<Record<number, Readonly<Record<string, FactorValue>>>>;
}

/** The runs of a batch: ids resolved to point, replicate, seed and factor values. */
export function plannedRuns(task: BatchTask): PlannedRun[] {
  return task.ids.map((id) => {
    const job = runJob(id, task.replicates, task.seed, task.seeds);
    const own = task.replicateValues?.[job.replicate];
    return { ...job, params: own ? { ...own, ...task.points[job.point] } : task.points[job.point] };
  });
}

export interface BatchResult {
  /** the batch's runs.jsonl lines, each ending in a newline */
  readonly text: string;
  readonly ids: readonly number[];
  readonly failedIds: readonly number[];
}

/** The record as one JSON line. Key order is fixed: runs-file.ts reads the head of each line. */
export function encodeRecord(record: RunRecord): string {
  const head = { id: record.id, point: record.point, replicate: record.replicate, seed: record.seed, status: record.status };
  const body =
    record.status === 'ok'
      ? { ...head, params: record.params, summary: record.summary, series: record.series, ...(record.units ? { units: record.units } : {}) }
      : { ...head, params: record.params, error: record.error };
  return JSON.stringify(body) + '\n';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0];
  return String(error);
}

export function failedRecord(run: PlannedRun, error: unknown): RunRecord {
  const { id, point, replicate, seed, params } = run;
  return { id, point, replicate, seed, status: 'failed', params, error: describeError(error) };
}

/**
 * Simulate one run at its design point; an exception becomes a failed record, never a crash.
 * `organization`: the sweep's loaded organization, for `network: file` (ensureOrganization).
 */
export function runOne(scenarioForPoint: (run: PlannedRun) => Scenario, run: PlannedRun, organization?: OrganizationFile): RunRecord {
  const { id, point, replicate, seed, params } = run;
  try {
    const result = simulate(scenarioForPoint(run), seed, { organization });
    return { id, point, replicate, seed, status: 'ok', params, summary: result.summary, series: result.series, ...(result.units ? { units: result.units } : {}) };
  } catch (error) {
    return failedRecord(run, error);
  }
}

export function runBatch(task: BatchTask): BatchResult {
  // A real organization is read once per thread (cached by content hash); a changed file fails
  // every run of the batch rather than running on other data. Design points never change which
  // files (relations and directed cannot vary), so one organization serves the batch.
  let organization: OrganizationFile | undefined;
  try {
    organization = ensureOrganization(task.scenario);
  } catch (error) {
    const runs = plannedRuns(task);
    return { text: runs.map((run) => encodeRecord(failedRecord(run, error))).join(''), ids: task.ids, failedIds: runs.map((run) => run.id) };
  }
  // Runs of one batch mostly share a design point: validate its scenario once.
  const scenarios = new Map<number, Scenario>();
  const scenarioForPoint = (run: PlannedRun): Scenario => {
    // With values per replicate, each run has a scenario of its own.
    if (task.replicateValues) return scenarioAt(task.scenario, run.params, `design point ${run.point}, replicate ${run.replicate}`);
    let scenario = scenarios.get(run.point);
    if (!scenario) {
      scenario = scenarioAt(task.scenario, run.params, `design point ${run.point}`);
      scenarios.set(run.point, scenario);
    }
    return scenario;
  };
  const lines: string[] = [];
  const failedIds: number[] = [];
  for (const run of plannedRuns(task)) {
    const record = runOne(scenarioForPoint, run, organization);
    if (record.status === 'failed') failedIds.push(run.id);
    lines.push(encodeRecord(record));
  }
  return { text: lines.join(''), ids: task.ids, failedIds };
}
