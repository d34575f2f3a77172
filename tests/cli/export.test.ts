import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { failRunsEnv } from '../support/fail-runs-env.js';
import { concentric } from './cli.js';
import { scratch } from './results.js';

const dir = scratch('concentric-export-');
const results = join(dir, 'results');

describe('concentric export', () => {
  beforeAll(() => {
    const out = concentric(['compare', '--no-report', '--lengths', '6,12', '--reps', '3', '--months', '4', '--threads', '1', '--quiet', '--out', results], {
      env: failRunsEnv([4]),
    });
    expect(out.status, out.stderr).toBe(1); // run 4 failed on purpose: exports must carry it
  });

  it('--csv: runs.csv one row per run (factors + summary), series.csv one row per run and month', () => {
    const out = concentric(['export', results, '--csv']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/6 runs → .*runs\.csv, .*series\.csv/);
    const runs = readFileSync(join(results, 'runs.csv'), 'utf8').trim().split('\n');
    const header = runs[0].split(',');
    expect(header.slice(0, 7)).toEqual(['id', 'point', 'replicate', 'seed', 'status', 'engagement.lengthMonths', 'finalAdoption']);
    expect(header).toContain('skeptical.adopted');
    expect(header[header.length - 1]).toBe('error');
    expect(runs).toHaveLength(7);
    expect(runs[1]).toMatch(/^0,0,0,\d+,ok,6,/);
    expect(runs[5]).toMatch(/^4,1,1,\d+,failed,12,,.*,Error: test hook: CONCENTRIC_FAIL_RUN_IDS includes run 4$/);
    const series = readFileSync(join(results, 'series.csv'), 'utf8').trim().split('\n');
    expect(series[0]).toMatch(/^id,point,replicate,seed,engagement\.lengthMonths,month,/);
    expect(series).toHaveLength(1 + 5 * 5); // 5 ok runs × months 0..4
  });

  it('--parquet: the same tables, readable by DuckDB', async () => {
    const exports = join(dir, 'exports');
    const out = concentric(['export', results, '--parquet', '--out', exports]);
    expect(out.status, out.stderr).toBe(0);
    expect(existsSync(join(exports, 'runs.csv'))).toBe(false);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const runs = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END)::INTEGER AS failed FROM '${join(exports, 'runs.parquet')}'`);
      expect(runs.getRowObjects()).toEqual([{ n: 6, failed: 1 }]);
      const series = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n, max(month)::INTEGER AS months FROM '${join(exports, 'series.parquet')}'`);
      expect(series.getRowObjects()).toEqual([{ n: 25, months: 4 }]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  it('refuses a folder without results (exit 2)', () => {
    const out = concentric(['export', join(dir, 'nothing'), '--csv']);
    expect(out.status, out.stderr).toBe(2);
    expect(out.stderr).toMatch(/nothing: not a results directory: expected manifest\.json, found none/);
  });
});
