/**
 * `concentric sensitivity [scenario] --method morris|sobol`: which assumptions drive final
 * adoption, sustained capacity and the limited-vs-high difference? Plans the sweeps
 * (src/sweep/sensitivity), runs them through the sweep runner (workers, progress, --resume,
 * --shard), estimates Morris effects or Sobol' indices with bootstrap CIs, prints a plain-words
 * table per output and writes a small report (charts, summary.md, sensitivity.json) to --out.
 */
import type { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import { DEFAULT_SCENARIO, InputError, nearest } from '../scenarios/index.js';
import { formatShard, TOOL_VERSION, type Shard } from '../sweep/index.js';
import {
  analyseSensitivity,
  headline,
  isMethod,
  Method,
  methodWords,
  noiseWords,
  outputLabel,
  planSensitivity,
  rankingTable,
  type SensitivityPlan,
} from '../sweep/sensitivity/index.js';
import { writeQuestionReport } from '../report/figures.js';
import { sensitivityReport } from '../report/sensitivity.js';
import { addExecutionOptions, executeSweep, EXIT_STOPPED, type ExecutionFlags } from './execution.js';
import { collect, integerOption, numberOption } from './options.js';

/** A terminal table: factor and words left-aligned, numbers right-aligned. */
export function rankingText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Rank and factor share the first column: "1. adoption.initiative".
  const cells = [[header[1], ...header.slice(2)], ...rows.map((row) => [`${row[0]}. ${row[1]}`, ...row.slice(2)])];
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const last = widths.length - 1;
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (c === 0 || c === last ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export const DEFAULT_TRAJECTORIES = 10;
export const DEFAULT_BASE_SAMPLES = 64;
export const DEFAULT_LIMITED = 9;
export const DEFAULT_HIGH = 18;

interface SensitivityFlags extends ExecutionFlags {
  method: Method;
  n?: number;
  levels: number;
  factors?: string[];
  reps: number;
  seed: number;
  set: string[];
  limited: number;
  high: number;
  difference: boolean;
  top: number;
  resamples: number;
  png?: boolean;
}

function methodOption(text: string): Method {
  const value = text.trim().toLowerCase();
  if (isMethod(value)) return value;
  const suggestion = nearest(value, Object.keys(Method));
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  throw new InputError(`--method: expected morris or sobol${hint}, got ${JSON.stringify(text)}`);
}

function factorListOption(text: string): string[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new InputError(`--factors: expected comma-separated field paths (path or path=low:high), got ${JSON.stringify(text)}`);
  return parts;
}

function planLine(plan: SensitivityPlan): string {
  const { options } = plan;
  const k = plan.factors.length;
  const design =
    options.method === 'sobol'
      ? `${options.n} base samples × (${k} + 2)`
      : `${options.n} trajectories × (${k} + 1)`;
  const lengths = plan.sweeps.map((sweep) => sweep.lengthMonths).join(', ');
  const source = options.factors?.length ? 'named' : `assumptions of ${plan.scenario.name}`;
  return (
    `sensitivity (${options.method}) over ${k} factors (${source}): ${design} = ${plan.points.toLocaleString('en')} points × ` +
    `${options.replicates} replicate${options.replicates === 1 ? '' : 's'} × ${plan.sweeps.length} engagement length${plan.sweeps.length === 1 ? '' : 's'} ` +
    `(${lengths} months) = ${plan.totalRuns.toLocaleString('en')} runs`
  );
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function shownPath(path: string): string {
  const shown = relative(process.cwd(), path);
  return shown === '' || shown.startsWith('..') ? resolve(path) : shown;
}

export function registerSensitivity(program: Command): void {
  const command = program
    .command('sensitivity')
    .summary('global sensitivity: which assumptions drive adoption, sustained capacity and limited-vs-high')
    .description(
      'Vary the scenario\'s assumptions over their documented ranges (docs/MODEL.md) with a Morris\n' +
        'screening or a Sobol\' (Saltelli/Jansen) design, and rank them for three outputs: final adoption,\n' +
        'sustained capacity, and the limited-vs-high difference (final adoption with --limited-month\n' +
        'engagements minus --high-month ones, same seeds). Morris: μ* = mean absolute change when a\n' +
        'factor moves across its whole range; Sobol\': share of variance (S1 alone, ST with interactions).\n' +
        'Bootstrap 95 % CIs. Runs on worker threads; Ctrl-C keeps finished runs; --resume continues.\n' +
        'Writes runs/ (one results directory per length), index.html, summary.md, sensitivity.json and\n' +
        'charts/*.svg to --out. Guide: docs/SENSITIVITY.md.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .option('--method <method>', 'morris (screening, cheap) or sobol (variance shares)', methodOption, 'morris' as Method)
    .option('--n <N>', `Morris trajectories (default ${DEFAULT_TRAJECTORIES}) or Sobol' base samples (default ${DEFAULT_BASE_SAMPLES}; a power of 2)`, integerOption('--n', 2, 1 << 20))
    .option('--levels <p>', 'Morris grid levels (even)', integerOption('--levels', 2, 100), 4)
    .option('--factors <list>', 'comma-separated fields, each path or path=low:high (default: every assumption, over its documented range)', factorListOption)
    .option('--reps <n>', 'replicates per design point (the outputs are their means)', integerOption('--reps', 1, 10_000), 2)
    .option('--seed <n>', 'master seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a scenario field first (repeatable)', collect, [])
    .option('--limited <months>', 'limited engagement length for the difference', numberOption('--limited', 0, 600), DEFAULT_LIMITED)
    .option('--high <months>', 'high engagement length for the difference', numberOption('--high', 0, 600), DEFAULT_HIGH)
    .option('--no-difference', 'skip the limited-vs-high difference (one sweep instead of up to three)')
    .option('--top <n>', 'factors per table on the terminal (all are in summary.md)', integerOption('--top', 1, 1000), 10)
    .option('--resamples <n>', 'bootstrap resamples for the CIs', integerOption('--resamples', 0, 100_000), 1000)
    .option('--png', 'also write a PNG per chart');
  addExecutionOptions(command, 'results/sensitivity')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric sensitivity                                   # Morris over every assumption of foundation\n' +
        '  concentric sensitivity hospital --method morris --n 20 --reps 3 --out results/hospital-morris\n' +
        '  concentric sensitivity --method sobol --n 256 --factors adoption.initiative,trust.gain,context.urgency\n' +
        '  concentric sensitivity --method sobol --factors "isps.hoursPerWeek=2:6,trust.wordOfMouth" --no-difference\n',
    )
    .action(async (ref: string, flags: SensitivityFlags) => {
      const n = flags.n ?? (flags.method === 'sobol' ? DEFAULT_BASE_SAMPLES : DEFAULT_TRAJECTORIES);
      const plan = planSensitivity({
        scenario: ref,
        overrides: flags.set,
        method: flags.method,
        n,
        levels: flags.levels,
        factors: flags.factors,
        replicates: flags.reps,
        seed: flags.seed,
        difference: flags.difference ? { limited: flags.limited, high: flags.high } : null,
      });
      const note = (text: string): void => {
        if (!flags.quiet) process.stderr.write(text + '\n');
      };
      note(planLine(plan));
      if (plan.leftOut.length > 0) {
        note(`left out (scenario value outside the documented range): ${plan.leftOut.map((f) => `${f.path} = ${f.value} ∉ ${f.low}–${f.high}`).join('; ')}`);
      }
      if (flags.method === 'sobol' && (n & (n - 1)) !== 0) note(`note: --n ${n} is not a power of 2; Sobol' points balance best at powers of 2`);

      const dirOf = (label: string): string => join(flags.out, 'runs', label);
      let exitCode = 0;
      let shard: Shard | null = null; // from --shard or the batch system's environment
      for (const sweep of plan.sweeps) {
        const result = await executeSweep(sweep.spec, sweep.scenario, { ...flags, out: dirOf(sweep.label) });
        shard = result.manifest.shard;
        if (result.exitCode === EXIT_STOPPED) {
          process.exitCode = EXIT_STOPPED;
          return;
        }
        exitCode = Math.max(exitCode, result.exitCode);
      }
      process.exitCode = exitCode;
      if (shard !== null) {
        note(`${formatShard(shard)} done. Merge each runs/length-* directory across shards with \`concentric merge\`, then rerun this command with --resume --out <merged> to analyse.`);
        return;
      }

      const analysis = await analyseSensitivity(plan, dirOf, { resamples: flags.resamples });
      const blocks = analysis.outputs.map((output) => {
        const { header, rows } = rankingTable(output, analysis, flags.top);
        const more = analysis.factors.length > flags.top ? ` (top ${flags.top} of ${analysis.factors.length}; all in summary.md)` : '';
        return `${outputLabel(output.output, analysis)}${more}\n${rankingText(header, rows)}${noiseWords(output, analysis)}\n`;
      });
      process.stdout.write(
        `\n${analysis.outputs.map((output) => headline(output, analysis)).join('\n')}\n\n${blocks.join('\n')}\n${methodWords(analysis)}\n`,
      );
      const report = sensitivityReport(analysis, {
        tool: 'concentric',
        version: TOOL_VERSION,
        command: 'sensitivity',
        scenario: plan.scenario.name,
        design: analysis.method === 'sobol' ? `sobol n=${analysis.n}` : `morris r=${analysis.n}, ${analysis.levels} levels`,
        replicates: analysis.replicates,
        masterSeed: analysis.seed,
        seeds: 'common',
        createdAt: new Date().toISOString(),
      });
      const written = await writeQuestionReport(flags.out, report, { png: flags.png });
      for (const warning of written.warnings) note(`chart warning: ${warning}`);
      process.stdout.write(`\nreport: ${shownPath(join(flags.out, 'index.html'))}\n`);
    });
}
