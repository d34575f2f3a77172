/**
 * `concentric report <results-dir>`: build the report (index.html, charts/*.svg, summary.md,
 * report.json; PNGs with --png) from any results directory; `compare` imports reportAfterCompare
 * when its sweep finishes, so `npm start` ends with the report.
 */
import type { Command } from 'commander';
import { relative } from 'node:path';
import { DEFAULT_MARGIN_PP } from '../report/analysis.js';
import type { ReportOptions, ReportResult } from '../report/index.js';
import type { CompareFinished } from './compare.js';
import { marginOption, numberOption } from './options.js';
import { checkOutFolder } from './out-folder.js';
import { existsSync, statSync } from 'node:fs';

interface ReportFlags {
  out?: string;
  png?: boolean;
  margin: number;
  reference?: number;
}

/** Vega, Vega-Lite and resvg load only when a report is built, not on every `concentric` start. */
async function buildReport(dir: string, options: ReportOptions): Promise<ReportResult> {
  const report = await import('../report/index.js');
  return report.buildReport(dir, options);
}

/** What a finished report prints: where it is and the headline verdict. */
export function announce(result: ReportResult): string {
  const shown = relative(process.cwd(), result.index) || result.index;
  const where = shown.startsWith('..') ? result.index : shown;
  return `\nreport: ${where}\nverdict: ${result.headline}\n${result.pattern2}\n`;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .summary('build the report (HTML, SVG, summary.md) from a results directory')
    .description(
      'Read a results directory (from `compare` or `sweep`) and write a self-contained index.html\n' +
        '(works offline), one SVG per chart, summary.md and report.json. Each engagement length is\n' +
        'compared with a reference length: paired bootstrap CIs, Hedges\' g and a TOST equivalence\n' +
        'test against ±margin percentage points.',
    )
    .argument('<results-dir>', 'directory holding manifest.json and runs.jsonl')
    .option('--out <dir>', 'write the report here instead of into the results directory')
    .option('--png', 'also write a PNG per chart (resvg, shipped font)')
    .option('--margin <pp>', 'equivalence margin in percentage points', marginOption(), DEFAULT_MARGIN_PP)
    .option('--reference <months>', 'reference engagement length (default 12 if present, else the shortest)', numberOption('--reference', 0, 600))
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric report report\n' +
        '  concentric report results/three-isps --out site/three-isps --png\n' +
        '  concentric report results/sweep --margin 3 --reference 18\n',
    )
    .action(async (dir: string, flags: ReportFlags) => {
      if (flags.out !== undefined) checkOutFolder(flags.out);
      // Into the results folder itself: say so now if it cannot be written (a read-only copy).
      else if (existsSync(dir) && statSync(dir).isDirectory()) checkOutFolder(dir, 'report into results folder (or choose --out)');
      const result = await buildReport(dir, { out: flags.out, png: flags.png, margin: flags.margin, reference: flags.reference });
      process.stdout.write(announce(result));
    });
}

/** compare → report: the report built into compare's results directory when its sweep finishes. */
export async function reportAfterCompare(finished: CompareFinished): Promise<void> {
  const result = await buildReport(finished.dir, { margin: finished.margin });
  process.stdout.write(announce(result));
}
