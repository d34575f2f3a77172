/** `concentric export <dir> --csv | --parquet`: flat tables derived from a results directory. */
import type { Command } from 'commander';
import { exportCsv, exportParquet, readManifest } from '../sweep/index.js';
import { checkOutFolder } from './out-folder.js';

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
      readManifest(dir); // a missing or foreign folder is refused before --out is made
      checkOutFolder(out);
      const csv = flags.csv || !flags.parquet;
      if (flags.parquet) {
        const written = await exportParquet(dir, out, csv);
        const csvNote = csv ? ', runs.csv, series.csv' : '';
        process.stdout.write(`${written.runs} runs → ${written.runsParquet}, ${written.seriesParquet}${csvNote}\n`);
      } else {
        const written = await exportCsv(dir, out);
        process.stdout.write(`${written.runs} runs → ${written.runsCsv}, ${written.seriesCsv}\n`);
      }
    });
}
