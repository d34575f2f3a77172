/**
 * The two designs `compare` runs besides its main sweep: `--within` (the study's own comparison:
 * lengths assigned to units inside one organization, recipients compared by their unit's length)
 * and the "Does it hold?" grid (the policy comparison again across ISP headcount, units and
 * horizon, into <out>/robustness/<field>/, skipped with --no-robustness).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CALIBRATION_FILE, posteriorDraws, posteriorOrigin, readPosterior } from '../calibrate/index.js';
import { ENGINE_VERSION } from '../sim/index.js';
import { DEFAULT_SCENARIO, affectsConsistency, cannotVaryReason, checkConsistency, InputError, LENGTH_FIELD, withValues, type Scenario } from '../scenarios/index.js';
import { compareSweep, robustnessSweeps, scenarioAt, type CompareOptions, type Manifest, type SweepSpec } from '../sweep/index.js';
import { estimate, mean as meanOf } from '../stats/index.js';
import type { FinishedRun } from '../sweep/types.js';
import { loadResults } from '../report/load.js';
import { HYPOTHESES_DIR, HYPOTHESIS_WEIGHTS_FILE, hypothesisFolder, parseWeights } from '../report/hypotheses.js';
import { ROBUSTNESS_DIR } from '../report/robustness.js';
import { recipientsValue, snapshotsOf, WITHIN_OUTCOMES } from '../report/within.js';
import { executeSweep, type ExecutionFlags } from './execution.js';
import { table } from './output.js';

/**
 * Replicates per condition of the robustness grid (--robustness-reps): 9 conditions × 5 lengths × 40
 * = 1,800 runs, about as much CPU again as the main comparison, so `npm start` stays well under a
 * minute on 2 cores; CIs ≈ ±1.5 pp at this size.
 */
export const ROBUSTNESS_REPS = 40;
/** Below this many runs a robustness sweep runs in-process (worker start-up would cost more). */
const SMALL_GRID_RUNS = 200;

/** compare --posterior: each replicate's parameter values drawn from the calibration (checked on the scenario once). */
/**
 * A note (not a refusal: a posterior may be carried to a variant on purpose) when the calibration
 * was made on another scenario or engine version than this compare runs.
 */
export function posteriorNotes(dir: string, ref: string, scenario: Scenario): string[] {
  const origin = posteriorOrigin(dir);
  if (!origin) return [`--posterior ${dir}: no ${CALIBRATION_FILE} beside posterior.csv: cannot tell which scenario it was calibrated on`];
  const notes: string[] = [];
  if (origin.scenario !== ref && origin.scenario !== scenario.name) {
    notes.push(`--posterior ${dir} was calibrated on scenario ${JSON.stringify(origin.scenario)}; this compare runs ${JSON.stringify(ref)}: the draws carry over only as far as the two share what was calibrated`);
  }
  if (origin.fitWarning) {
    notes.push(`--posterior ${dir}: the calibration failed its posterior predictive check (${origin.fitWarning}): verdicts drawn from it rest on a model that did not reproduce the data (the report says so too)`);
  }
  if (origin.engineVersion !== ENGINE_VERSION) {
    notes.push(`--posterior ${dir} was calibrated with engine ${origin.engineVersion}; this is engine ${ENGINE_VERSION}: the model has changed since, so the posterior may not fit it`);
  }
  return notes;
}

export function withPosterior(spec: SweepSpec, scenario: Scenario, dir: string): SweepSpec {
  const read = readPosterior(dir);
  if (read.fields.includes(LENGTH_FIELD)) throw new InputError(`--posterior: ${dir}: expected a calibration of fields other than ${LENGTH_FIELD} (compare varies it), got it`);
  for (const field of read.fields) {
    const reason = cannotVaryReason(field, scenario);
    if (reason) throw new InputError(`--posterior: ${read.path}: ${field}: expected a field that changes this scenario's runs, got one that cannot: ${reason}`);
  }
  // Every particle, not only the ones drawn: a value no scenario accepts is refused before any run.
  const seen = new Set<string>();
  read.particles.forEach((row, k) => {
    const key = row.slice(0, -1).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    scenarioAt(scenario, Object.fromEntries(read.fields.map((field, a) => [field, row[a]])), `--posterior ${read.path}:${k + 2}`);
    const problem = read.fields.some(affectsConsistency) ? checkConsistency(withValues(scenario, Object.fromEntries(read.fields.map((field, a) => [field, row[a]]))) as unknown as Scenario) : undefined;
    if (problem) throw new InputError(`--posterior ${read.path}:${k + 2}: ${problem.path.join('.')}: expected ${problem.expected}, got ${problem.given}`);
  });
  return { ...spec, replicateValues: posteriorDraws(dir, spec.replicates, spec.seed, read) };
}

/**
 * Run the robustness sweeps beside the main results (`options.replicates` each). With a
 * posterior, replicate r of every condition draws the same parameters as replicate r of the main
 * comparison (the grid's own field, when calibrated too, keeps the grid's value). Returns the exit
 * code: 0 when all finished, 1 when some runs failed (the report still follows and says so), 130
 * when stopped.
 */
export async function runRobustness(options: CompareOptions, flags: ExecutionFlags, posterior?: string): Promise<number> {
  let code = 0;
  for (const sweep of robustnessSweeps(options)) {
    const { field, scenario } = sweep;
    const spec = posterior ? withPosterior(sweep.spec, scenario, posterior) : sweep.spec;
    const out = join(flags.out, ROBUSTNESS_DIR, field);
    // A small grid runs in this thread: starting a worker pool costs more than its runs.
    const runs = Object.values(spec.factors).reduce((product, values) => product * values.length, spec.replicates);
    const threads = runs < SMALL_GRID_RUNS ? 1 : flags.threads;
    const { outcome, exitCode } = await executeSweep(spec, scenario, { ...flags, out, threads, shard: undefined });
    if (outcome.interrupted) return exitCode;
    code = Math.max(code, exitCode);
  }
  return code;
}

/**
 * The explanations compare runs by default: on the built-in foundation only (the explanations
 * written for it), none for a user's scenario, whose alternatives we do not know.
 */
export const DEFAULT_HYPOTHESES = ['foundation', 'hypotheses/early-affect', 'hypotheses/capacity'];

/** --hypotheses as given ('auto' when not given) → the scenario refs to run, or none. */
export function hypothesesFor(given: string, ref: string): string[] {
  if (given === 'none') return [];
  if (given === 'auto') return ref === DEFAULT_SCENARIO ? DEFAULT_HYPOTHESES : [];
  const refs = given.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (refs.length === 0) throw new InputError(`--hypotheses: expected scenario refs separated by commas, or none; got "${given}"`);
  const folders = refs.map(hypothesisFolder);
  if (new Set(folders).size !== folders.length) throw new InputError(`--hypotheses: expected distinct explanations, got "${given}"`);
  return refs;
}

/**
 * "Under each explanation": the same comparison (lengths, replicates, master seed, overrides) under
 * each explanation's scenario, each into <out>/hypotheses/<name>/ — a normal results directory that
 * resumes and cannot touch the main results. The weights file, when given, is copied beside them
 * so `report <dir>` rebuilds the same section.
 */
export async function runHypotheses(refs: readonly string[], options: CompareOptions, flags: ExecutionFlags, weightsFile?: string): Promise<number> {
  let code = 0;
  if (weightsFile) {
    let text: string;
    try {
      text = readFileSync(weightsFile, 'utf8');
      parseWeights(text, weightsFile);
    } catch (error) {
      throw new InputError(`--hypothesis-weights: ${error instanceof Error ? error.message : String(error)}`);
    }
    mkdirSync(join(flags.out, HYPOTHESES_DIR), { recursive: true });
    writeFileSync(join(flags.out, HYPOTHESES_DIR, HYPOTHESIS_WEIGHTS_FILE), text);
  } else {
    // equal weights this time: a weights file from an earlier run must not speak for this one
    rmSync(join(flags.out, HYPOTHESES_DIR, HYPOTHESIS_WEIGHTS_FILE), { force: true });
  }
  for (const ref of refs) {
    const { spec, scenario } = compareSweep({ ...options, scenario: ref });
    const out = join(flags.out, HYPOTHESES_DIR, hypothesisFolder(ref));
    const { outcome, exitCode } = await executeSweep(spec, scenario, { ...flags, out, shard: undefined });
    if (outcome.interrupted) return exitCode;
    code = Math.max(code, exitCode);
  }
  return code;
}

function plusMinus(values: readonly number[], scale: number, digits: number, unit: string): string {
  const e = estimate(values);
  if (!e) return '—';
  return `${(e.mean * scale).toFixed(digits)}${unit} ± ${(((e.ciHigh - e.ciLow) / 2) * scale).toFixed(digits)}`;
}

/** Per assigned length: engaged units and recipients per run, and the recipients' outcomes at the horizon. */
export function withinTable(runs: readonly FinishedRun[], lengths: readonly number[]): string {
  const rows = lengths.map((length) => {
    const perRun = WITHIN_OUTCOMES.map((outcome) =>
      runs.map((run) => recipientsValue(snapshotsOf(run, length, 'horizon'), outcome)).filter((v): v is number => v !== null),
    );
    const units = runs.map((run) => snapshotsOf(run, length, 'horizon').length);
    const recipients = runs.map((run) => snapshotsOf(run, length, 'horizon').reduce((sum, unit) => sum + unit.staff, 0));
    const mean = (values: readonly number[]) => (values.length > 0 ? meanOf(values) : 0);
    return [
      `${length} months`,
      mean(units).toFixed(1),
      mean(recipients).toFixed(1),
      plusMinus(perRun[0], 100, 1, ' %'),
      plusMinus(perRun[1], 100, 1, ' %'),
      plusMinus(perRun[2], 1, 2, ''),
      plusMinus(perRun[3], 1, 2, ''),
      plusMinus(perRun[4], 1, 2, ''),
    ];
  });
  return (
    table(['engagement', 'units/run', 'recipients/run', 'final adoption', 'sustained capacity', 'AIM (1–5)', 'IAM (1–5)', 'FIM (1–5)'], rows) +
    "recipients = staff of engaged units, by their own unit's length; mean over runs ± half-width of its 95 % CI (t)\n"
  );
}

/** `compare --within`: the sweep, then the recipients' table. Returns the manifest, or null when stopped. */
export async function runWithin(
  { spec, scenario }: { spec: SweepSpec; scenario: Scenario },
  assigned: readonly number[],
  flags: ExecutionFlags,
): Promise<{ manifest: Manifest; exitCode: number; finished: boolean }> {
  const { manifest, outcome, exitCode } = await executeSweep(spec, scenario, flags);
  if (outcome.interrupted || manifest.shard !== null) return { manifest, exitCode, finished: false };
  const { runs } = await loadResults(flags.out);
  const lengths = [...assigned].sort((a, b) => a - b);
  process.stdout.write(
    `\n${scenario.name}: ${scenario.months} months, ${spec.replicates} replicates, lengths ${lengths.join(', ')} months assigned to units ` +
      `within each organization (seed ${spec.seed})\n\n` +
      withinTable(runs, lengths),
  );
  return { manifest, exitCode, finished: true };
}
