/**
 * `concentric compare [scenario] --lengths 6,9,12,18,24`: does engagement length change what
 * capacity is left behind? — as a sweep preset (length × replicates, common random numbers: whole
 * organizations under one policy each), a headline table per length, the "Does it hold?" grid,
 * and then the report (src/cli/report.ts, imported when needed). `--within`: the study's own comparison, lengths
 * assigned to units inside one organization (compare-designs.ts).
 */
import { Command, CommanderError, Option } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadResults, NULL_RINGS_FILE, type NullRings } from '../report/load.js';
import { DEFAULT_SCENARIO, ensureOrganization, InputError, LENGTH_FIELD, type Scenario } from '../scenarios/index.js';
import { simulate } from '../sim/index.js';
import { aggregateResults, compareSweep, HEADLINE_METRICS, withinSweep, type Manifest, type PointAggregate, type SweepSpec } from '../sweep/index.js';
import { hypothesesFor, posteriorNotes, ROBUSTNESS_REPS, runHypotheses, runRobustness, runWithin, withPosterior } from './compare-designs.js';
import { addExecutionOptions, executeSweep, EXIT_STOPPED, type ExecutionFlags } from './execution.js';
import { collect, integerOption, marginOption, numberListOption } from './options.js';
import { table } from './output.js';

/** 200 replicates × 5 lengths: `npm start` finishes well inside a minute on 2 cores, CIs ≈ ±1–2 pp. */
export const DEFAULT_REPS = 200;
export const DEFAULT_LENGTHS = [6, 9, 12, 18, 24];
export const DEFAULT_MARGIN_PP = 5;

export interface CompareFlags extends ExecutionFlags {
  within?: boolean;
  /** false with --no-robustness */
  robustness: boolean;
  robustnessReps: number;
  lengths: number[];
  reps: number;
  months?: number;
  seed: number;
  set: string[];
  margin: number;
  /** false with --no-report */
  report: boolean;
  posterior?: string;
  /** scenario refs, 'none', or 'auto' (the built-in explanations for foundation only) */
  hypotheses: string;
  hypothesisWeights?: string;
}

/** Compare's flags that decide its sweep (the rest decide how it runs). */
export type CompareSpecFlags = Pick<CompareFlags, 'lengths' | 'reps' | 'months' | 'seed' | 'set' | 'within' | 'posterior'>;

/** The compare preset's options for these flags: --set overrides, then --months. */
export function compareOptions(ref: string, flags: CompareSpecFlags): Parameters<typeof compareSweep>[0] {
  const overrides = [...flags.set];
  if (flags.months !== undefined) overrides.push(`months=${flags.months}`);
  return { scenario: ref, overrides, lengths: flags.lengths, replicates: flags.reps, seed: flags.seed };
}

/**
 * The sweep `concentric compare` runs for these flags — also what `slurm compare` splits into
 * jobs: the whole-organization comparison (with parameters drawn from a posterior under
 * --posterior), or the within-organization design under --within.
 */
export function compareSpec(ref: string, flags: CompareSpecFlags): { spec: SweepSpec; scenario: Scenario } {
  const options = compareOptions(ref, flags);
  if (flags.within) {
    if (flags.posterior) throw new InputError('--posterior: expected the whole-organization comparison, got it with --within (not supported together)');
    return withinSweep(options);
  }
  const planned = compareSweep(options);
  return flags.posterior ? { scenario: planned.scenario, spec: withPosterior(planned.spec, planned.scenario, flags.posterior) } : planned;
}

/** What a finished compare hands to the report. */
export interface CompareFinished {
  readonly dir: string;
  readonly manifest: Manifest;
  /** equivalence margin for the report, in percentage points (--margin) */
  readonly margin: number;
  readonly quiet: boolean;
}

function plusMinus(mean: number, low: number, high: number, digits: number, scale = 1, unit = ''): string {
  const half = (high - low) / 2;
  return `${(mean * scale).toFixed(digits)}${unit} ± ${(half * scale).toFixed(digits)}`;
}

/** The headline table: one row per engagement length, mean ± half-width of the 95 % CI. */
export function headlineTable(points: readonly PointAggregate[]): string {
  const rows = points.map((point) => {
    const cell = (metric: (typeof HEADLINE_METRICS)[number]): string => {
      const aggregate = point.metrics[metric];
      const e = aggregate?.estimate;
      if (!aggregate || !e) return metric === 'timeTo50' ? 'not reached' : '—';
      switch (metric) {
        case 'finalAdoption':
        case 'sustainedCapacity':
          return plusMinus(e.mean, e.ciLow, e.ciHigh, 1, 100, ' %');
        case 'timeTo50': {
          const reached = aggregate.runs > 0 ? (aggregate.runs - aggregate.missing) / aggregate.runs : 0;
          const share = reached < 1 ? ` (${Math.round(reached * 100)} %)` : '';
          return `${plusMinus(e.mean, e.ciLow, e.ciHigh, 1)}${share}`;
        }
        default:
          return plusMinus(e.mean, e.ciLow, e.ciHigh, 2);
      }
    };
    const failed = point.failed > 0 ? ` (${point.failed} failed)` : '';
    return [
      `${point.values[LENGTH_FIELD]} months`,
      `${point.runs}${failed}`,
      cell('finalAdoption'),
      cell('sustainedCapacity'),
      cell('timeTo50'),
      cell('finalAim'),
      cell('finalIam'),
      cell('finalFim'),
    ];
  });
  return (
    table(['engagement', 'runs', 'final adoption', 'sustained capacity', 'months to 50 %', 'AIM (1–5)', 'IAM (1–5)', 'FIM (1–5)'], rows) +
    'mean ± half-width of its 95 % CI (t) over runs; months to 50 % applying over the runs that reached it\n' +
    '(in brackets: the share of runs that did, when not all)\n'
  );
}

/** The length whose replicates are rerun on the null network: 12 months when compared, else the first. */
export function nullLength(lengths: readonly number[]): number {
  return lengths.includes(12) ? 12 : [...lengths].sort((a, b) => a - b)[0];
}

/**
 * Pattern 3's null (MODEL-GROUNDING Revisions 6): each replicate of one length rerun on the
 * degree-preserving null network (same seed, ties rewired), written as null-rings.json for the
 * report to compare ring statistics against. Only the ring statistics are kept.
 */
async function writeNullRings(dir: string, scenario: Scenario, lengths: readonly number[], design: 'policy' | 'within' = 'policy'): Promise<void> {
  // A within design's runs all share the scenario (lengths are assigned inside each organization):
  // every run is rerun, under the scenario's own lengthMonths, which is what groups them.
  const length = design === 'within' ? scenario.engagement.lengthMonths : nullLength(lengths);
  const { runs } = await loadResults(dir);
  const rewired: Scenario = { ...scenario, organization: { ...scenario.organization, nullTies: true }, engagement: { ...scenario.engagement, lengthMonths: length } };
  const organization = ensureOrganization(scenario);
  const nullRuns: NullRings['runs'][number][] = [];
  for (const run of runs) {
    if (design === 'policy' && run.params[LENGTH_FIELD] !== length) continue;
    const { ringCorrelation, ringCorrelationBeyond0, ringCorrelationUnengaged } = simulate(rewired, run.seed, { organization }).summary;
    nullRuns.push({ seed: run.seed, ringCorrelation, ringCorrelationBeyond0, ringCorrelationUnengaged });
  }
  const file: NullRings = { length, runs: nullRuns };
  writeFileSync(join(dir, NULL_RINGS_FILE), `${JSON.stringify(file)}\n`);
}

/** compare's options and help on a new subcommand of `program`; the action is the caller's. */
function defineCompare(program: Command): Command {
  const command = program
    .command('compare')
    .summary('the main job: engagement lengths × replicates → results, headline table, report')
    .description(
      'Run the scenario at each engagement length with the same replicate seeds\n' +
        '(common random numbers: replicate r is the same organization at every length)\n' +
        'and print, per length, final adoption, sustained capacity, time to 50 % and\n' +
        'final AIM/IAM/FIM with 95 % confidence intervals; then run the "Does it hold?" grid\n' +
        '(the comparison with 2/5/10/20 ISPs, 6/12/24 units, 36/60 months; --robustness-reps\n' +
        'each) and build the report. This compares whole organizations under one policy each.\n\n' +
        "--within answers the study's own question instead: each unit of one organization is\n" +
        "assigned one of the lengths at random, recipients are compared by their unit's length,\n" +
        'and the report says what a study of the study\'s design (13 team members, 2 per unit) would\n' +
        'see: how often all 13 had reached applying, and the power of a test beside its false alarms.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .addOption(
      new Option('--lengths <months>', 'engagement lengths in months, comma-separated')
        .argParser(numberListOption('--lengths', 0, 600))
        .default(DEFAULT_LENGTHS, DEFAULT_LENGTHS.join(',')),
    )
    .option('--reps <n>', 'replicates per length', integerOption('--reps', 1, 1_000_000), DEFAULT_REPS)
    .option('--months <n>', 'override the simulated months', integerOption('--months', 1, 1200))
    .option('--seed <n>', 'master seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .addOption(new Option('--set <path=value>', 'override a scenario field, validated like the file (repeatable)').argParser(collect).default([], 'none'))
    .option('--margin <pp>', 'equivalence margin for the report, in percentage points', marginOption(), DEFAULT_MARGIN_PP)
    .option('--no-report', 'only the results directory and the table: skip the report')
    .option('--within', "the study's comparison: assign the lengths to units inside each organization and compare recipients by their own unit's length")
    .option('--no-robustness', 'skip the "Does it hold?" grid (the comparison across ISP headcount, units and horizon, fewer replicates)')
    .option('--robustness-reps <n>', 'replicates per condition of the "Does it hold?" grid (at most --reps)', integerOption('--robustness-reps', 1, 1_000_000), ROBUSTNESS_REPS)
    .option('--posterior <dir>', 'draw each replicate\'s parameters from a calibration\'s posterior (the same draw at every length)')
    .option(
      '--hypotheses <refs>',
      'explanations to rerun the comparison under (scenario refs, comma-separated), for "Under each explanation"; none = off ' +
        '(default: foundation,hypotheses/early-affect,hypotheses/capacity for the built-in foundation, none otherwise)',
      'auto',
    )
    .option('--hypothesis-weights <file>', 'weights of the explanations: models.csv from calibrate --models (default: equal prior weights)');
  return addExecutionOptions(command, 'report').addHelpText(
    'after',
    '\nExamples:\n' +
      '  concentric compare\n' +
      '  concentric compare foundation --lengths 6,12,18 --reps 500 --months 48\n' +
      '  concentric compare my-org.yaml --set isps.count=3 --out results/three-isps\n' +
      '  concentric compare --within --lengths 6,18 --out results/within   # the study\'s own comparison\n' +
      '  concentric compare --no-robustness --reps 50                       # quick: skip "Does it hold?"\n' +
      '  concentric compare --posterior cal --reps 300                      # verdicts that carry parameter uncertainty\n' +
      '  concentric compare my-org.yaml --hypotheses my-org.yaml,my-org-h1.yaml --hypothesis-weights cal/models.csv\n' +
      '  concentric compare --shard 1/4 --out results/compare-1   # then: concentric merge …\n',
  );
}

/** compare's arguments as compare's own options read them. */
export interface ParsedCompareArgs {
  readonly ref: string;
  readonly flags: CompareFlags;
  /** options given on the command line (attribute names: 'threads', 'report' for --no-report, …), not defaulted */
  readonly fromCommandLine: ReadonlySet<string>;
}

/**
 * Parse compare's arguments (what follows the word compare) without running it — for `slurm
 * compare`, so they mean exactly what they mean to `concentric compare`. A bad argument is an
 * InputError "compare arguments: <commander's message>"; --help is refused the same way.
 */
export function parseCompareArgs(args: readonly string[]): ParsedCompareArgs {
  let errorText = '';
  // compare as a subcommand of a silent program of its own, so commander's messages read as they
  // do on the command line ("too many arguments for 'compare'"); settings are inherited, so
  // configure the program before adding compare.
  const program = new Command('concentric')
    .exitOverride()
    .configureOutput({ writeErr: (text) => (errorText += text), writeOut: () => undefined });
  const command = defineCompare(program);
  let parsed: { ref: string; flags: CompareFlags } | undefined;
  command.action((ref: string, flags: CompareFlags) => {
    parsed = { ref, flags };
  });
  try {
    program.parse(['compare', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      throw new InputError(`compare arguments: ${errorText.trim().split('\n')[0].replace(/^error: /, '') || error.message}`);
    }
    throw error;
  }
  if (!parsed) throw new InputError('compare arguments: expected compare options, got none that parse');
  const fromCommandLine = new Set(command.options.map((option) => option.attributeName()).filter((name) => command.getOptionValueSource(name) === 'cli'));
  return { ...parsed, fromCommandLine };
}

export function registerCompare(program: Command): void {
  defineCompare(program).action(async (ref: string, flags: CompareFlags) => {
    const options = compareOptions(ref, flags);
    const { spec, scenario } = compareSpec(ref, flags);
    // checked before any run: a bad --hypotheses must not cost the main comparison
    const explanations = flags.posterior || flags.within ? [] : hypothesesFor(flags.hypotheses, ref);
    if (flags.within) {
      const within = await runWithin({ spec, scenario }, options.lengths, flags);
      process.exitCode = within.exitCode;
      if (!within.finished || !flags.report) return;
      await writeNullRings(flags.out, scenario, flags.lengths, 'within');
      await afterCompare({ dir: flags.out, manifest: within.manifest, margin: flags.margin, quiet: flags.quiet ?? false });
      return;
    }
    if (flags.posterior) for (const note of posteriorNotes(flags.posterior, ref, scenario)) process.stderr.write(`concentric: note: ${note}\n`);
    const { manifest, outcome, exitCode } = await executeSweep(spec, scenario, flags);
    process.exitCode = exitCode;
    if (outcome.interrupted || manifest.shard !== null) return;
    const { points } = await aggregateResults(flags.out, { metrics: HEADLINE_METRICS });
    process.stdout.write(
      `\n${scenario.name}: ${scenario.months} months, ${spec.replicates} replicates per length (seed ${spec.seed}, common random numbers` +
        `${spec.replicateValues ? `; parameters drawn from the posterior in ${spec.replicateValues.source}` : ''})\n\n` +
        headlineTable(points),
    );
    if (!flags.report) return;
    if (flags.robustness) {
      const code = await runRobustness({ ...options, replicates: Math.min(flags.reps, flags.robustnessReps) }, flags, flags.posterior);
      if (code !== 0) process.exitCode = code;
      if (code === EXIT_STOPPED) return;
    }
    if (explanations.length > 0) {
      const code = await runHypotheses(explanations, options, flags, flags.hypothesisWeights);
      if (code !== 0) process.exitCode = code;
      if (code === EXIT_STOPPED) return;
    }
    await writeNullRings(flags.out, scenario, flags.lengths);
    await afterCompare({ dir: flags.out, manifest, margin: flags.margin, quiet: flags.quiet ?? false });
  });
}

/** The report, loaded only now (Vega, Vega-Lite and resvg are not needed for the table). */
async function afterCompare(finished: CompareFinished): Promise<void> {
  const { reportAfterCompare } = await import('./report.js');
  await reportAfterCompare(finished);
}
