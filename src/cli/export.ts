/** `concentric export <dir> --csv | --parquet`: flat tables derived from a results directory. */
import type { Command } from 'commander';
import { exportCsv, exportParquet, readManifest, type Manifest } from '../sweep/index.js';
import { checkOutFolder } from './out-folder.js';

/** What the export lacks, as `report` and `discover` say it: runs not in the folder, runs that failed. */
function noteMissing(dir: string, manifest: Manifest, written: { readonly runs: number; readonly failed?: number }): void {
  if (manifest.shard) {
    process.stderr.write(`concentric: note: ${dir} holds shard ${manifest.shard.index}/${manifest.shard.count} only: ${written.runs} runs exported; merge the shards (concentric merge) to export the whole sweep\n`);
  } else if (written.runs < manifest.totalRuns) {
    const missing = manifest.totalRuns - written.runs;
    process.stderr.write(`concentric: note: ${written.runs} of ${manifest.totalRuns} runs exported: ${missing} missing (the sweep did not finish, or is still running); --resume it, then export again\n`);
  }
  if (written.failed) process.stderr.write(`concentric: note: ${written.failed} of the exported runs failed (status "failed", no outcomes)\n`);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .summary('write runs.csv / series.csv (or Parquet) from a results directory')
    .description(
      'Write the runs of a results directory as tables:\n' +
        '  runs.csv: one row per run (ids, seed, status, factor values, summary outcomes);\n' +
        '  series.csv: one row per run and month, every monthly series a column (long format);\n' +
        '  --parquet writes runs.parquet and series.parquet (DuckDB) instead, for large sweeps.',
    )
    .argument('<dir>', 'results directory (manifest.json + runs.jsonl)')
    .option('--csv', 'write runs.csv and series.csv (the default)')
    .option('--parquet', 'write runs.parquet and series.parquet')
    .option('--out <dir>', 'write the files here instead of into <dir>')
    .addHelpText('after', '\nExamples:\n  concentric export report --csv\n  concentric export results/sobol --parquet --out exports/\n')
    .action(async (dir: string, flags: { csv?: boolean; parquet?: boolean; out?: string }) => {
      const out = flags.out ?? dir;
      const manifest = readManifest(dir); // a missing or foreign folder is refused before --out is made
      checkOutFolder(out);
      const csv = flags.csv || !flags.parquet;
      if (flags.parquet) {
        const written = await exportParquet(dir, out, csv);
        const csvNote = csv ? ', runs.csv, series.csv' : '';
        process.stdout.write(`${written.runs} runs → ${written.runsParquet}, ${written.seriesParquet}${csvNote}\n`);
        noteMissing(dir, manifest, written);
      } else {
        const written = await exportCsv(dir, out);
        process.stdout.write(`${written.runs} runs → ${written.runsCsv}, ${written.seriesCsv}\n`);
        noteMissing(dir, manifest, written);
      }
    });
}
