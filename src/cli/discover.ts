/**
 * `concentric discover <results-dir>`: scenario discovery over a finished sweep — the ranges of the
 * swept factors under which a contrast (`--contrast f=a:b --outcome o --above x`) or a condition
 * (`--where "o > x"`) holds, found by PRIM on a seeded half of the cases and checked on the other.
 * Writes index.html, summary.md, discover.json and charts/ to <results-dir>/discover (or --out).
 */
import type { Command } from 'commander';
import { join } from 'node:path';
import { DISCOVER_DEFAULTS, answerWords, discover, questionFrom, weakWords, type QuestionFlags } from '../discover/index.js';
import { loadResults } from '../report/load.js';
import { MANIFEST_FILE, TOOL_VERSION } from '../sweep/index.js';
import { integerOption, numberOption } from './options.js';
import { checkOutFolder } from './out-folder.js';
import { shownPath } from './sensitivity.js';

interface DiscoverFlags extends QuestionFlags {
  out?: string;
  massMin: number;
  peelAlpha: number;
  pasteAlpha: number;
  boxes: number;
  step?: number;
  seed?: number;
  png?: boolean;
}

export function registerDiscover(program: Command): void {
  program
    .command('discover')
    .summary('scenario discovery (PRIM): the conditions under which a contrast or an outcome holds')
    .description(
      'Read a finished sweep and find the ranges of its factors under which something holds — PRIM\n' +
        '(Friedman & Fisher 1999), as in scenario discovery (Lempert, Bryant & Bankes 2008).\n\n' +
        '  --contrast field=a:b --outcome o --above x: pairs runs that differ only in field (same\n' +
        '    replicate and other factors); a pair is of interest when o(a) − o(b) > x (or --below x: < x).\n' +
        '  --where "o > x": each run is a case; of interest when the condition holds.\n\n' +
        'PRIM runs on a seeded half of the cases; the box is then measured on the other half. Prints the\n' +
        'answer and writes index.html, summary.md, discover.json (boxes, restrictions, coverage, density,\n' +
        'mass, the peeling trajectory) and charts/ to <results-dir>/discover. Guide: docs/DISCOVER.md.',
    )
    .argument('<results-dir>', 'directory holding manifest.json and runs.jsonl (from sweep or compare)')
    .option('--contrast <field=a:b>', 'compare value a of a swept factor with value b, pair by pair')
    .option('--outcome <name>', 'the outcome compared (a run summary field, e.g. finalAdoption)')
    .option('--above <x>', 'a pair is of interest when outcome(a) − outcome(b) > x', numberOption('--above', -1e12, 1e12))
    .option('--below <x>', 'a pair is of interest when outcome(a) − outcome(b) < x', numberOption('--below', -1e12, 1e12))
    .option('--where <condition>', 'a run is of interest when "<outcome> <op> <number>" holds (op: > >= < <=)')
    .option('--out <dir>', 'write here instead of <results-dir>/discover')
    .option('--mass-min <share>', 'smallest box, as a share of the cases', numberOption('--mass-min', 0.001, 0.9), DISCOVER_DEFAULTS.massMin)
    .option('--peel-alpha <share>', 'share of the box peeled per step', numberOption('--peel-alpha', 0.001, 0.5), DISCOVER_DEFAULTS.peelAlpha)
    .option('--paste-alpha <share>', 'share of the cases outside a limit pasted per step', numberOption('--paste-alpha', 0.001, 0.5), DISCOVER_DEFAULTS.pasteAlpha)
    .option('--boxes <n>', 'boxes to find (each among the cases outside the ones before)', integerOption('--boxes', 1, 10), DISCOVER_DEFAULTS.boxes)
    .option('--step <n>', 'take box 1 at this peeling step (see the trajectory) instead of the best coverage–density balance', integerOption('--step', 0, 100_000))
    .option('--seed <n>', 'seed of the train/held-out split (default: the sweep\'s master seed)', integerOption('--seed', 0, 4294967295))
    .option('--png', 'also write a PNG per chart')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric discover results/lengths-isps --contrast engagement.lengthMonths=24:12 --outcome finalAdoption --above 0\n' +
        '  concentric discover results/lengths-isps --contrast engagement.lengthMonths=24:12 --outcome sustainedCapacity --below -0.05\n' +
        '  concentric discover results/hours --where "finalAdoption > 0.6" --boxes 2 --out site/discover\n',
    )
    .action(async (dir: string, flags: DiscoverFlags) => {
      const question = questionFrom(flags);
      const results = await loadResults(dir);
      const discovery = discover({ manifestPath: join(dir, MANIFEST_FILE), manifest: results.manifest, runs: results.runs }, question, {
        peelAlpha: flags.peelAlpha,
        pasteAlpha: flags.pasteAlpha,
        massMin: flags.massMin,
        boxes: flags.boxes,
        step: flags.step,
        seed: flags.seed,
      });
      const { analysis } = discovery;
      const out = flags.out ?? join(dir, 'discover');
      checkOutFolder(out);
      // Vega and resvg load only once there is something to draw.
      const { writeQuestionReport } = await import('../report/figures.js');
      const { discoverReport } = await import('../report/discover.js');
      const { manifest } = results;
      const report = discoverReport(discovery, {
        tool: 'concentric',
        version: TOOL_VERSION,
        command: 'discover',
        scenario: manifest.scenario.name,
        design: `${manifest.sweep.design.type} over ${Object.keys(manifest.sweep.factors).join(', ')}`,
        replicates: manifest.sweep.replicates,
        masterSeed: manifest.sweep.seed,
        seeds: manifest.sweep.seeds,
        createdAt: new Date().toISOString(),
      });
      const written = await writeQuestionReport(out, report, { png: flags.png });
      for (const warning of written.warnings) process.stderr.write(`chart warning: ${warning}\n`);
      const weak = analysis.boxes[0] ? weakWords(analysis.boxes[0]) : undefined;
      const notes = results.notes.map((note) => `note: ${note}\n`).join('');
      process.stdout.write(`${notes}${answerWords(analysis)}\n${weak ? `${weak}\n` : ''}\nreport: ${shownPath(join(out, 'index.html'))}\n`);
    });
}
