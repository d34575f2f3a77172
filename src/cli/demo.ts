/**
 * `concentric demo [scenario]`: the teaching demo — the organization as rings widening live in
 * this terminal (src/tui). Interactive only: without a terminal it exits 2 and points to `run`.
 */
import type { Command } from 'commander';
import { InputError, LENGTH_FIELD, loadScenario } from '../scenarios/index.js';
import { collect, integerOption, numberListOption, numberOption } from './options.js';

interface DemoOptions {
  seed: number;
  set: string[];
  compare?: number[];
  speed: number;
  paused?: boolean;
  ascii?: boolean;
}

/** The demo's default scenario: small enough to follow every person. */
export const DEMO_SCENARIO = 'classroom';

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .summary('the teaching demo: watch the circles widen live in this terminal')
    .description(
      'Run a scenario week by week in the terminal: staff as glyphs on rings around the first-engaged\n' +
        'units, coloured by pathway stage, with the ISPs at the hub, sparklines and an event line.\n' +
        'Change ISPs, engagement length and urgency culture while it runs. Same engine as `run`.\n' +
        'Needs an interactive terminal (80×24 or larger); honours NO_COLOR. Guide: docs/DEMO.md.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEMO_SCENARIO)
    .option('--seed <n>', 'run seed (0–4294967295); key r moves to the next seed', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a scenario field, validated like the file (repeatable)', collect, [])
    .option('--compare <a,b>', 'two engagement lengths (months) side by side, same seed', numberListOption('--compare', 0, 600))
    .option('--speed <weeks>', 'starting speed in weeks per second (0.5–64)', numberOption('--speed', 0.5, 64), 4)
    .option('--paused', 'start paused (space starts the clock, → steps one week)')
    .option('--ascii', 'letters instead of circle glyphs, for fonts that lack them')
    .addHelpText(
      'after',
      '\nKeys: space pause/resume · → one week · + / − speed · e engagement length\n' +
        '      i / I add/remove an ISP · c urgency culture · r new seed · ? help · q quit\n' +
        '\nExamples:\n' +
        '  concentric demo\n' +
        '  concentric demo classroom --compare 6,18\n' +
        '  concentric demo foundation --seed 7 --paused\n' +
        '  NO_COLOR=1 concentric demo --ascii\n',
    )
    .action(async (ref: string, options: DemoOptions) => {
      const compare = options.compare;
      if (compare && (compare.length !== 2 || compare[0] === compare[1])) {
        throw new InputError(`--compare: expected two different engagement lengths in months (e.g. 6,18), got ${JSON.stringify(compare.join(','))}`);
      }
      const { scenario } = loadScenario(ref, { overrides: options.set });
      const batch = ['concentric', 'run', ref, ...options.set.flatMap((set) => ['--set', set])];
      if (!process.stdout.isTTY || !process.stdin.isTTY) {
        const which = process.stdout.isTTY ? 'stdin' : 'stdout';
        throw new InputError(
          `demo: ${which} is not a terminal; the demo is interactive — for a batch run use \`${batch.map(shellWord).join(' ')} --seed ${options.seed}\``,
        );
      }
      // Ink draws nothing until exit when it thinks it runs in CI (it reads CI when first
      // imported); on a real terminal the user is watching, so let it draw.
      delete process.env.CI;
      delete process.env.CONTINUOUS_INTEGRATION;
      // React's development build checks every element: frames take two to three times longer.
      process.env.NODE_ENV ??= 'production';
      const { colourDepthFor, runDemo } = await import('../tui/index.js');
      const controller = await runDemo(
        { scenario, seed: options.seed, compare: compare ? [compare[0], compare[1]] : undefined, speed: options.speed, paused: options.paused },
        { colour: colourDepthFor(process.env), ascii: options.ascii === true },
      );
      const where = `${scenario.name}, seed ${controller.seed}: month ${controller.month} of ${controller.months}`;
      const shares = controller.runs.map((run) => percent(run.history.adoption[Math.max(0, run.history.length - 1)]));
      const replay = (extra: string[]) => [...batch, ...controller.replayArguments(), ...extra].map(shellWord).join(' ');
      if (compare) {
        process.stdout.write(
          `${where}, ${shares[0]} vs ${shares[1]} applying with ${compare[0]}- vs ${compare[1]}-month engagements.\n` +
            `Without the demo: ${replay(['--set', `${LENGTH_FIELD}=${compare[0]}`])} (and =${compare[1]})\n`,
        );
      } else {
        process.stdout.write(
          `${where}, ${shares[0]} applying.\n` +
            (controller.changedDuringRun
              ? 'Settings changed during the run, so no batch run repeats it exactly.\n'
              : `Without the demo: ${replay([])}\n`),
        );
      }
    });
}
