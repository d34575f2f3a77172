/**
 * `concentric survey [scenario] --months 0,6,12,24,36`: what a survey of staff would return at
 * those month ends — item-level AIM, IAM, FIM, psychological safety and "applying" (long form),
 * or with --waves the means per wave — and Cronbach's α of each simulated scale on stderr.
 */
import type { Command } from 'commander';
import { surveyCsv, surveyWaves, wavesCsv } from '../calibrate/index.js';
import { DEFAULT_SCENARIO, ensureOrganization, InputError, loadScenario } from '../scenarios/index.js';
import { cronbachAlpha, INSTRUMENTS, simulateSurvey, SURVEY_NOISE, type SurveyResult } from '../sim/index.js';
import { collect, integerOption, numberListOption, numberOption } from './options.js';
import { checkOutFile } from './out-folder.js';
import { emit, table } from './output.js';

/** --sample: a response rate; 0 would be a survey nobody answers. */
function shareAboveZero(text: string): number {
  const value = numberOption('--sample', 0, 1)(text);
  if (value === 0) throw new InputError(`--sample: expected a share above 0 and at most 1, got ${JSON.stringify(text)}`);
  return value;
}

interface SurveyFlags {
  months: number[];
  sample: number;
  seed: number;
  set: string[];
  waves?: boolean;
  out?: string;
  personEffect: number;
  itemNoise: number;
}

/** Cronbach's α per wave and scale (the yes/no "applying" item has none). */
export function alphaTable(result: SurveyResult): string {
  const scales = INSTRUMENTS.filter((name) => name !== 'applying');
  return table(
    ['month', 'respondents', ...scales.map((name) => `α ${name}`)],
    result.waves.map((wave) => [wave.month, wave.people.length, ...scales.map((name) => {
      const alpha = cronbachAlpha(wave, name);
      return Number.isNaN(alpha) ? '—' : alpha.toFixed(3);
    })]),
  );
}

export function registerSurvey(program: Command): void {
  program
    .command('survey')
    .summary('simulated survey responses (AIM/IAM/FIM, psychological safety) or wave means')
    .description(
      'Run the scenario and survey its staff at the given month ends, as a real survey would:\n' +
        'AIM, IAM, FIM (Weiner et al. 2017; 4 items, 1–5), Edmondson psychological safety\n' +
        '(7 items, 1–7, items 1, 3, 5 reverse-worded) and one yes/no item "applying".\n' +
        'response = round(clamp(1 + 4·construct + person effect + item noise)); person effects and\n' +
        'noise come from the run\'s `survey` stream, so the run itself is unchanged. Writes the long\n' +
        'file person,unit,month,instrument,item,response, or with --waves month,measure,mean,sd,n.\n' +
        'Prints Cronbach\'s α of each simulated scale per wave on stderr (published 0.85–0.91).',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .option('--months <list>', 'survey month ends, comma-separated', numberListOption('--months', 0, 1200), [0, 6, 12, 24, 36])
    .option('--sample <share>', 'share of staff answering each wave (response rate), above 0 and at most 1', shareAboveZero, 0.6)
    .option('--seed <n>', 'run seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--waves', 'write the means per wave (month,measure,mean,sd,n) instead of item responses')
    .option('--person-effect <sd>', 'SD of a person\'s stable offset on AIM/IAM/FIM, scale points', numberOption('--person-effect', 0, 4), SURVEY_NOISE.personEffect)
    .option('--item-noise <sd>', 'SD of each item response around the person\'s level, scale points', numberOption('--item-noise', 0, 4), SURVEY_NOISE.itemNoise)
    .option('--out <file>', 'write the CSV to this file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric survey foundation --months 0,6,12,24,36 --sample 0.6 --out survey.csv\n' +
        '  concentric survey foundation --waves --set isps.relationalSkill=0.6 --out waves.csv\n',
    )
    .action((ref: string, flags: SurveyFlags) => {
      const loaded = loadScenario(ref, { overrides: flags.set });
      const scenario = loaded.scenario;
      const months = flags.months;
      const bad = months.find((m, k) => !Number.isInteger(m) || m > scenario.months || (k > 0 && m <= months[k - 1]));
      if (bad !== undefined) {
        throw new InputError(`--months: expected ascending whole months within the scenario's 0–${scenario.months}, got ${months.join(',')}`);
      }
      if (flags.out !== undefined) checkOutFile(flags.out);
      const noise = { ...SURVEY_NOISE, personEffect: flags.personEffect, itemNoise: flags.itemNoise };
      const result = simulateSurvey(scenario, flags.seed, { months, sample: flags.sample, noise }, { organization: ensureOrganization(scenario) });
      emit(flags.waves ? wavesCsv(surveyWaves(result)) : surveyCsv(result), flags.out);
      process.stderr.write(`Cronbach's α of the simulated scales (${scenario.name}, seed ${flags.seed}; published AIM/IAM/FIM 0.85–0.91):\n` + alphaTable(result));
    });
}
