/**
 * Exports, derived from runs.jsonl (never primary): `runs.csv` (one row per run: ids, seed,
 * status, factor values, summary outcomes, error), `series.csv` (one row per run and month, every
 * monthly series a column — the long format Vega-Lite and pandas read as is) and the same two
 * tables as Parquet via DuckDB. Every file is written to a temporary name and renamed when done.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISPOSITIONS } from '../scenarios/index.js';
import { SERIES, type DispositionOutcome } from '../sim/index.js';
import { AtomicWriter, temporaryPath } from './files.js';
import { readManifest, RUNS_FILE } from './manifest.js';
import { SUMMARY_METRICS } from './metrics.js';
import { readRuns } from './runs-file.js';

const DISPOSITION_FIELDS = [
  'staff',
  'adopted',
  'adoptedAfterLowStakes',
  'withLowStakes',
  'adoptedWithLowStakes',
] as const satisfies readonly (keyof DispositionOutcome)[];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\n';
}

export interface CsvExport {
  readonly runsCsv: string;
  readonly seriesCsv: string;
  readonly runs: number;
  /** of those, runs recorded as failed (a row with the error, no outcomes) */
  readonly failed: number;
}

/** Write runs.csv and series.csv for a results directory into `outDir`. */
export async function exportCsv(dir: string, outDir: string): Promise<CsvExport> {
  const manifest = readManifest(dir);
  const factors = Object.keys(manifest.sweep.factors);
  const dispositionColumns = DISPOSITIONS.flatMap((name) => DISPOSITION_FIELDS.map((field) => `${name}.${field}`));
  const runsCsv = join(outDir, 'runs.csv');
  const seriesCsv = join(outDir, 'series.csv');
  const runsOut = new AtomicWriter(runsCsv);
  const seriesOut = new AtomicWriter(seriesCsv);
  let runs = 0;
  let failed = 0;
  try {
    runsOut.write(csvRow(['id', 'point', 'replicate', 'seed', 'status', ...factors, ...SUMMARY_METRICS, ...dispositionColumns, 'error']));
    seriesOut.write(csvRow(['id', 'point', 'replicate', 'seed', ...factors, ...SERIES]));
    for await (const record of readRuns(join(dir, RUNS_FILE))) {
      runs++;
      const ids = [record.id, record.point, record.replicate, record.seed];
      const params = factors.map((path) => record.params[path]);
      if (record.status === 'failed') {
        failed++;
        runsOut.write(csvRow([...ids, record.status, ...params, ...SUMMARY_METRICS.map(() => null), ...dispositionColumns.map(() => null), record.error]));
        continue;
      }
      const summary = record.summary;
      const dispositions = DISPOSITIONS.flatMap((name) => DISPOSITION_FIELDS.map((field) => summary.dispositions[name]?.[field]));
      runsOut.write(csvRow([...ids, record.status, ...params, ...SUMMARY_METRICS.map((metric) => summary[metric]), ...dispositions, null]));
      const months = record.series.month.length;
      for (let month = 0; month < months; month++) {
        seriesOut.write(csvRow([...ids, ...params, ...SERIES.map((name) => record.series[name][month])]));
      }
    }
    runsOut.commit();
    seriesOut.commit();
  } catch (error) {
    runsOut.abandon();
    seriesOut.abandon();
    throw error;
  }
  return { runsCsv, seriesCsv, runs, failed };
}

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Write runs.parquet and series.parquet into `outDir`. DuckDB reads the CSVs (written to a
 * temporary folder unless `keepCsv`), scanning every row to pick column types.
 */
export async function exportParquet(dir: string, outDir: string, keepCsv: boolean): Promise<{ runsParquet: string; seriesParquet: string; runs: number; failed: number }> {
  mkdirSync(outDir, { recursive: true });
  const csvDir = keepCsv ? outDir : mkdtempSync(join(tmpdir(), 'concentric-export-'));
  try {
    const csv = await exportCsv(dir, csvDir);
    // Loaded only when asked for: DuckDB is a native module and slow-ish to load.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const runsParquet = join(outDir, 'runs.parquet');
    const seriesParquet = join(outDir, 'series.parquet');
    try {
      for (const [source, target] of [
        [csv.runsCsv, runsParquet],
        [csv.seriesCsv, seriesParquet],
      ] as const) {
        const temporary = temporaryPath(target);
        await connection.run(
          `COPY (SELECT * FROM read_csv(${sqlString(source)}, header = true, sample_size = -1)) TO ${sqlString(temporary)} (FORMAT parquet)`,
        );
        renameSync(temporary, target);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    return { runsParquet, seriesParquet, runs: csv.runs, failed: csv.failed };
  } finally {
    if (!keepCsv) rmSync(csvDir, { recursive: true, force: true });
  }
}
