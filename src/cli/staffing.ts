/**
 * `concentric staffing [scenario] --isps 2,3,4,6,8`: for ISP leads — the smallest team that gets
 * the target share of staff applying by a month with the required probability, the waitlist it
 * leaves and the ISP hours per adopter; or, when no team in the range does, what came closest.
 * A grid sweep (src/sweep/staffing) through the sweep runner, then plain words, a table per
 * setting and a small report (charts, summary.md, staffing.json, staffing.csv) in --out.
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { DEFAULT_SCENARIO, InputError } from '../scenarios/index.js';
import type { FactorValue } from '../sweep/types.js';
import { TOOL_VERSION } from '../sweep/index.js';
import {
  analyseStaffing,
  answerWords,
  breakWords,
  FIRST_RULE_FIELD,
  headToHeadGroups,
  headToHeadWords,
  planStaffing,
  settingWords,
  staffingMethodWords,
  TEAM_HEADER,
  teamRows,
} from '../sweep/staffing/index.js';
import { writeQuestionReport } from '../report/figures.js';
import { staffingReport } from '../report/staffing.js';
import { addExecutionOptions, executeSweep, EXIT_STOPPED, type ExecutionFlags } from './execution.js';
import { collect, integerOption, numberListOption } from './options.js';
import { table } from './output.js';
import { shownPath } from './sensitivity.js';

export const DEFAULT_ISPS = [2, 3, 4, 6, 8];
export const DEFAULT_STAFFING_REPS = 100;

interface StaffingFlags extends ExecutionFlags {
  isps: number[];
  lengths?: number[];
  hours?: number[];
  coLeads?: number[];
  firstUnits?: FirstUnitsChoice;
  target: number;
  byMonth: number;
  /** `--months`: the name compare and run use for the horizon; the same as --by-month here */
  months?: number;
  probability: number;
  reps: number;
  seed: number;
  set: string[];
  png?: boolean;
}

/** Comma-separated whole numbers, e.g. --isps 2,3,4. */
function integerListOption(flag: string, min: number, max: number) {
  return (text: string): number[] => {
    const parts = text.split(',').map((part) => part.trim());
    const values = parts.map(Number);
    if (parts.some((part) => !/^\d+$/.test(part)) || values.some((value) => value < min || value > max)) {
      throw new InputError(`${flag}: expected comma-separated whole numbers between ${min} and ${max}, got ${JSON.stringify(text)}`);
    }
    return values;
  };
}

interface FirstUnitsChoice {
  readonly counts: number[];
  readonly rules: string[];
}

/**
 * --first-units: how many units go first (whole numbers) and/or which (random, largest,
 * most-connected, or unit names joined by "+"), e.g. 1,2 or random,most-connected or ICU+Lab.
 */
function firstUnitsOption(text: string): FirstUnitsChoice {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new InputError(`--first-units: expected comma-separated counts or rules (random, largest, most-connected, names joined by +), got ${JSON.stringify(text)}`);
  const counts: number[] = [];
  const rules: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const count = Number(part);
      if (count > 500_000) throw new InputError(`--first-units: expected counts between 0 and 500000, got ${part}`);
      counts.push(count);
    } else rules.push(part);
  }
  return { counts, rules };
}

/** A share: 0.6, or 60 % written as 60%. */
function shareOption(flag: string) {
  return (text: string): number => {
    const trimmed = text.trim();
    const percent = trimmed.endsWith('%');
    const value = Number(percent ? trimmed.slice(0, -1) : trimmed) / (percent ? 100 : 1);
    if (trimmed === '' || !Number.isFinite(value) || value <= 0 || value > 1) {
      throw new InputError(`${flag}: expected a share between 0 and 1 (e.g. 0.6, or 60%), got ${JSON.stringify(text)}`);
    }
    return value;
  };
}

export function registerStaffing(program: Command): void {
  const command = program
    .command('staffing')
    .summary('what-if ISP staffing: the smallest team that reaches a target share applying by a month')
    .description(
      'Run the scenario with each ISP headcount (and, optionally, each engagement length, hours per\n' +
        'ISP, co-leads per engagement and number of units engaged first) × replicates, same seeds for\n' +
        'every team, each run cut at --by-month. Answers in plain words: the smallest team for which\n' +
        'at least --probability of runs have --target of staff applying by --by-month, the waitlist it\n' +
        'leaves and ISP hours per adopter; when none does, what came closest. Writes results, a chart,\n' +
        'summary.md, staffing.json and staffing.csv (the answer table) to --out; --months is the same as\n' +
        '--by-month. Guide: docs/STAFFING.md.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .option('--isps <list>', 'ISP headcounts to try', integerListOption('--isps', 0, 1_000_000), DEFAULT_ISPS)
    .option('--lengths <months>', 'engagement lengths to try (default: the scenario\'s)', numberListOption('--lengths', 0, 600))
    .option('--target <share>', 'share of staff applying to reach (0.6 or 60%)', shareOption('--target'), 0.6)
    .option('--by-month <m>', 'month by which to reach it (runs stop there)', integerOption('--by-month', 1, 1200), 24)
    .option('--months <m>', 'the same as --by-month (the name compare and run use for the horizon)', integerOption('--months', 1, 1200))
    .option('--probability <share>', 'share of runs that must reach it', shareOption('--probability'), 0.8)
    .option('--reps <n>', 'replicates per team', integerOption('--reps', 1, 1_000_000), DEFAULT_STAFFING_REPS)
    .option('--hours <list>', 'hours per week per ISP to try (default: the scenario\'s)', numberListOption('--hours', 0, 60))
    .option('--co-leads <list>', 'co-leads per engagement to try', integerListOption('--co-leads', 1, 20))
    .option(
      '--first-units <list>',
      'units engaged at week 0 to try: counts (1,2) and/or which: random, largest, most-connected, or unit names joined by + (ICU+Lab)',
      firstUnitsOption,
    )
    .option('--seed <n>', 'master seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a scenario field first (repeatable)', collect, [])
    .option('--png', 'also write a PNG per chart');
  addExecutionOptions(command, 'results/staffing')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric staffing                                        # foundation, 2–8 ISPs, 60 % by month 24\n' +
        '  concentric staffing foundation --isps 2,3,4,6,8 --lengths 6,12 --target 0.6 --by-month 24 --reps 200\n' +
        '  concentric staffing hospital --isps 2,4,6 --hours 4,8 --co-leads 1,2 --out results/hospital-staffing\n' +
        '  concentric staffing my-org.yaml --isps 2,3,4 --first-units random,most-connected   # where first?\n',
    )
    .action(async (ref: string, flags: StaffingFlags, command: Command) => {
      // One name per concept: --months is the horizon in compare and run; here it is --by-month.
      if (flags.months !== undefined) {
        if (command.getOptionValueSource('byMonth') === 'cli' && flags.byMonth !== flags.months) {
          throw new InputError(`--months: expected the same month as --by-month (they name one thing), got --months ${flags.months} and --by-month ${flags.byMonth}`);
        }
        flags.byMonth = flags.months;
      }
      const plan = planStaffing({
        scenario: ref,
        overrides: flags.set,
        isps: flags.isps,
        lengths: flags.lengths,
        hours: flags.hours,
        coLeads: flags.coLeads,
        firstUnits: flags.firstUnits && flags.firstUnits.counts.length > 0 ? flags.firstUnits.counts : undefined,
        firstUnitRules: flags.firstUnits && flags.firstUnits.rules.length > 0 ? flags.firstUnits.rules : undefined,
        target: flags.target,
        byMonth: flags.byMonth,
        probability: flags.probability,
        replicates: flags.reps,
        seed: flags.seed,
      });
      const { manifest, exitCode } = await executeSweep(plan.spec, plan.scenario, flags);
      process.exitCode = exitCode;
      if (exitCode === EXIT_STOPPED || manifest.shard !== null) return;

      const analysis = await analyseStaffing(plan, flags.out);
      const blocks = analysis.answers.map((answer) => {
        const heading = settingWords(answer.setting);
        const note = breakWords(answer);
        return `${heading ? `${heading}:\n` : ''}${table(TEAM_HEADER, teamRows(answer))}${note ? `${note}\n` : ''}`;
      });
      // Where first, head to head: each rule against the first given, on the same organizations.
      const rules = plan.options.firstUnitRules ?? [];
      const versus =
        rules.length >= 2
          ? `Where first, head to head (share applying at month ${analysis.byMonth}, rule − ${rules[0]}, paired on common seeds):\n` +
            headToHeadGroups(analysis.answers.flatMap((answer) => answer.teams), rules, FIRST_RULE_FIELD, String(analysis.seed))
              .map((group) => {
                const context = settingWords(group.setting as Record<string, FactorValue>);
                return `  ${group.isps} ISP${group.isps === 1 ? '' : 's'}${context ? ` ${context}` : ''}: ${group.rows.map(headToHeadWords).join('; ')}`;
              })
              .join('\n') +
            '\n\n'
          : '';
      process.stdout.write(
        `\n${analysis.answers.map((answer) => answerWords(answer, analysis)).join('\n')}\n\n${versus}${blocks.join('\n')}\n` +
          `reach target = share of runs with ≥ ${Math.round(analysis.target * 100)} % applying by month ${analysis.byMonth} (◀ = the answer). ` +
          `${staffingMethodWords(analysis)}\n`,
      );
      const report = staffingReport(analysis, {
        tool: 'concentric',
        version: TOOL_VERSION,
        command: 'staffing',
        scenario: plan.scenario.name,
        design: `ISPs ${analysis.isps.join(', ')}${analysis.varied.length > 0 ? ` × ${analysis.varied.join(', ')}` : ''}`,
        replicates: analysis.replicates,
        masterSeed: analysis.seed,
        seeds: 'common',
        createdAt: new Date().toISOString(),
      });
      const written = await writeQuestionReport(flags.out, report, { png: flags.png });
      for (const warning of written.warnings) if (!flags.quiet) process.stderr.write(`chart warning: ${warning}\n`);
      process.stdout.write(`\nreport: ${shownPath(join(flags.out, 'index.html'))}\n`);
    });
}
