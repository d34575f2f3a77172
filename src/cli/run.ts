/**
 * `concentric run [scenario]`: one run; a readable summary on a terminal, JSON or CSV series to a
 * file or stdout.
 */
import type { Command } from 'commander';
import { DEFAULT_SCENARIO, ensureOrganization, InputError, loadScenario, type Scenario } from '../scenarios/index.js';
import { SERIES, simulate, type RunResult } from '../sim/index.js';
import { checkRunFits } from '../sweep/limits.js';
import { collect, integerOption } from './options.js';
import { checkOutFile } from './out-folder.js';
import { emit, percent, table } from './output.js';

interface RunOptions {
  seed: number;
  months?: number;
  set: string[];
  json?: boolean;
  csv?: boolean;
  out?: string;
}

export function seriesCsv(result: RunResult): string {
  const rows = result.series.month.map((_, m) => SERIES.map((name) => result.series[name][m]).join(','));
  return [SERIES.join(','), ...rows].join('\n') + '\n';
}

function months(value: number | null): string {
  return value === null ? 'not reached' : `month ${value}`;
}

export function summaryText(scenario: Scenario, result: RunResult): string {
  const s = result.summary;
  const rows: [string, string][] = [
    ['final adoption (applying)', percent(s.finalAdoption)],
    ['ever adopted', percent(s.everAdopted)],
    ['sustained capacity', percent(s.sustainedCapacity)],
    ['25 % applying', months(s.timeTo25)],
    ['50 % applying', months(s.timeTo50)],
    ['75 % applying', months(s.timeTo75)],
    ['AIM / IAM / FIM (1–5)', `${s.finalAim.toFixed(2)} / ${s.finalIam.toFixed(2)} / ${s.finalFim.toFixed(2)}`],
    ['trust / ISP credibility', `${s.finalTrust.toFixed(2)} / ${s.finalCredibility.toFixed(2)}`],
    ['ring ρ (distance vs adoption time)', s.ringCorrelation === null ? '—' : s.ringCorrelation.toFixed(3)],
    ['engagements started / requests', `${s.engagementsStarted} / ${s.requests}`],
    ['ISP hours (per adopter)', `${s.ispHours.toFixed(0)} (${s.ispHoursPerAdopter === null ? '—' : s.ispHoursPerAdopter.toFixed(1)})`],
  ];
  const header =
    `${scenario.name}: ${result.staff} staff, ${scenario.isps.count} ISPs, ` +
    `${scenario.engagement.lengthMonths}-month engagements, ${result.months} months, seed ${result.seed}\n\n`;
  const step = Math.max(1, Math.round(result.months / 12));
  const monthsShown = result.series.month.filter((m) => m % step === 0 || m === result.months);
  const series = result.series;
  const timeline = table(
    ['month', 'trust', 'AIM', 'IAM', 'FIM', 'knowledge', 'applying', 'sustained', 'engaged', 'waiting'],
    monthsShown.map((m) => [
      m,
      series.trust[m].toFixed(2),
      series.aim[m].toFixed(2),
      series.iam[m].toFixed(2),
      series.fim[m].toFixed(2),
      series.knowledge[m].toFixed(2),
      percent(series.adoption[m]),
      percent(series.sustained[m]),
      series.active[m],
      series.waiting[m],
    ]),
  );
  return header + table(['outcome', 'value'], rows) + '\n' + timeline;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .summary('one run of a scenario: summary table, or JSON/CSV series')
    .description(
      'Simulate one organization for the scenario\'s months and report its outcomes.\n' +
        'Same scenario + seed ⇒ byte-identical output. The scenario is a built-in name\n' +
        '(see `concentric scenarios`) or a YAML/JSON file.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .option('--seed <n>', 'run seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--months <n>', 'override the scenario length in months', integerOption('--months', 1, 1200))
    .option('--set <path=value>', 'override a scenario field, validated like the file (repeatable)', collect, [])
    .option('--json', 'write the full RunResult (series + summary) as JSON')
    .option('--csv', 'write the monthly series as CSV (one row per month)')
    .option('--out <file>', 'write to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric run\n' +
        '  concentric run foundation --seed 7 --set engagement.lengthMonths=18\n' +
        '  concentric run my-org.yaml --json --out run.json\n',
    )
    .action((ref: string, options: RunOptions) => {
      if (options.json && options.csv) throw new InputError('--json and --csv: expected at most one output format, got both');
      const overrides = [...options.set];
      if (options.months !== undefined) overrides.push(`months=${options.months}`);
      const { scenario } = loadScenario(ref, { overrides });
      checkRunFits(scenario, ref);
      if (options.out !== undefined) checkOutFile(options.out);
      const result = simulate(scenario, options.seed, { organization: ensureOrganization(scenario) });
      if (options.json) emit(JSON.stringify(result) + '\n', options.out);
      else if (options.csv) emit(seriesCsv(result), options.out);
      else emit(summaryText(scenario, result), options.out);
    });
}
