/**
 * Aggregation per design point: for each summary metric and (on request) each monthly series,
 * the mean, sd, quantiles and 95 % CI over the point's runs. One place, used by `compare` and the
 * report. Runs stream in one at a time; only the numbers asked for are kept.
 */
import { join } from 'node:path';
import type { SeriesName } from '../sim/index.js';
import { readManifest, RUNS_FILE } from './manifest.js';
import { SUMMARY_METRICS, type SummaryMetric } from './metrics.js';
import { readRuns } from './runs-file.js';
import { estimate, type Estimate } from '../stats/index.js';
import type { DesignPoint, FactorValue, Manifest, RunRecord } from './types.js';

export interface MetricAggregate {
  /** finished runs at the point */
  readonly runs: number;
  /** runs where the metric has no value (e.g. 50 % never reached) */
  readonly missing: number;
  /** over the runs that have a value; null when none has */
  readonly estimate: Estimate | null;
}

export interface PointAggregate {
  readonly point: number;
  readonly values: Readonly<Record<string, FactorValue>>;
  /** finished (ok) runs */
  readonly runs: number;
  readonly failed: number;
  readonly metrics: Readonly<Partial<Record<SummaryMetric, MetricAggregate>>>;
  /** per series, one estimate per month (index = month); only the series asked for */
  readonly series: Readonly<Partial<Record<SeriesName, readonly (Estimate | null)[]>>>;
}

export interface AggregateOptions {
  /** summary metrics to describe (default: all numeric summary fields) */
  readonly metrics?: readonly SummaryMetric[];
  /** monthly series to describe (default: none — they cost memory in big sweeps) */
  readonly series?: readonly SeriesName[];
}

interface PointAccumulator {
  runs: number;
  failed: number;
  metrics: Map<SummaryMetric, { values: number[]; missing: number }>;
  /** series → month → values */
  series: Map<SeriesName, number[][]>;
}

export class Aggregator {
  private readonly metrics: readonly SummaryMetric[];
  private readonly seriesNames: readonly SeriesName[];
  private readonly points: PointAccumulator[];

  constructor(
    private readonly designPoints: readonly DesignPoint[],
    options: AggregateOptions = {},
  ) {
    this.metrics = options.metrics ?? SUMMARY_METRICS;
    this.seriesNames = options.series ?? [];
    this.points = designPoints.map(() => ({
      runs: 0,
      failed: 0,
      metrics: new Map(this.metrics.map((metric) => [metric, { values: [], missing: 0 }])),
      series: new Map(this.seriesNames.map((name) => [name, []])),
    }));
  }

  add(record: RunRecord): void {
    const point = this.points[record.point];
    if (!point) return;
    if (record.status === 'failed') {
      point.failed++;
      return;
    }
    point.runs++;
    for (const metric of this.metrics) {
      const value = record.summary[metric];
      const slot = point.metrics.get(metric)!;
      if (value === null || value === undefined) slot.missing++;
      else slot.values.push(value);
    }
    for (const name of this.seriesNames) {
      const months = point.series.get(name)!;
      const values = record.series[name];
      for (let month = 0; month < values.length; month++) (months[month] ??= []).push(values[month]);
    }
  }

  result(): PointAggregate[] {
    return this.points.map((point, i) => ({
      point: i,
      values: this.designPoints[i].values,
      runs: point.runs,
      failed: point.failed,
      metrics: Object.fromEntries(
        [...point.metrics].map(([metric, slot]) => [metric, { runs: point.runs, missing: slot.missing, estimate: estimate(slot.values) }]),
      ),
      series: Object.fromEntries([...point.series].map(([name, months]) => [name, months.map((values) => estimate(values))])),
    }));
  }
}

/** Aggregate a results directory, streaming its runs. */
export async function aggregateResults(
  dir: string,
  options: AggregateOptions = {},
): Promise<{ manifest: Manifest; points: PointAggregate[] }> {
  const manifest = readManifest(dir);
  const aggregator = new Aggregator(manifest.points, options);
  for await (const record of readRuns(join(dir, RUNS_FILE))) aggregator.add(record);
  return { manifest, points: aggregator.result() };
}
