/**
 * Vega-Lite building blocks for the validation charts, in the report's look (its config and
 * font): a spec top, rounding for embedded data, and the two shapes most cases draw — a measured
 * curve against reference curves, and points with intervals against a reference line.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, top as reportTop } from '../report/charts/common.js';

export const WIDTH = 560;
export const HEIGHT = 280;

export function top(title: string, subtitle?: string) {
  const base = reportTop(title);
  return { ...base, config: CONFIG, title: subtitle ? { text: title, subtitle } : base.title };
}

export function r4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

export interface CurveRow {
  readonly x: number;
  readonly y: number;
  /** legend entry, e.g. "simulated (mean of 20 runs)" */
  readonly curve: string;
}

/**
 * Lines for reference curves and points for the measured one (the first curve name in
 * `measured`), on shared axes.
 */
export function curvesChart(options: {
  title: string;
  subtitle?: string;
  rows: readonly CurveRow[];
  measured: readonly string[];
  xTitle: string;
  yTitle: string;
  yDomain?: [number, number];
}): TopLevelSpec {
  const { rows, measured } = options;
  const names = [...new Set(rows.map((r) => r.curve))];
  const color = { field: 'curve', type: 'nominal' as const, title: null, sort: names, scale: { domain: names, range: ['#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#666666'] } };
  const data = rows.map((r) => ({ x: r4(r.x), y: r4(r.y), curve: r.curve }));
  const y = { field: 'y', type: 'quantitative' as const, title: options.yTitle, ...(options.yDomain ? { scale: { domain: options.yDomain } } : {}) };
  return {
    ...top(options.title, options.subtitle),
    width: WIDTH,
    height: HEIGHT,
    data: { values: data },
    encoding: { x: { field: 'x', type: 'quantitative', title: options.xTitle }, y, color },
    layer: [
      { transform: [{ filter: { not: { field: 'curve', oneOf: [...measured] } } }], mark: { type: 'line', strokeWidth: 2 } },
      { transform: [{ filter: { field: 'curve', oneOf: [...measured] } }], mark: { type: 'point', filled: true, size: 36 } },
    ],
  } as TopLevelSpec;
}

export interface IntervalRow {
  /** a number, or a category when the chart has `categories` */
  readonly x: number | string;
  readonly y: number;
  readonly low: number;
  readonly high: number;
  readonly series: string;
}

/** Measured points with 95 % intervals, optionally over a reference line (x, y, curve). */
export function intervalsChart(options: {
  title: string;
  subtitle?: string;
  points: readonly IntervalRow[];
  reference?: readonly CurveRow[];
  xTitle: string;
  yTitle: string;
  xScale?: Record<string, unknown>;
  yDomain?: [number, number];
  /** an ordinal x axis with these categories in this order (points of several series side by side) */
  categories?: readonly string[];
}): TopLevelSpec {
  const points = options.points.map((p) => ({ x: typeof p.x === 'number' ? r4(p.x) : p.x, y: r4(p.y), low: r4(p.low), high: r4(p.high), series: p.series }));
  const reference = (options.reference ?? []).map((r) => ({ x: r4(r.x), y: r4(r.y), series: r.curve }));
  const names = [...new Set([...reference.map((r) => r.series), ...points.map((p) => p.series)])];
  const color = { field: 'series', type: 'nominal' as const, title: null, sort: names, scale: { domain: names, range: ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#666666'] } };
  const x = options.categories
    ? { field: 'x', type: 'ordinal' as const, title: options.xTitle, sort: [...options.categories], axis: { labelAngle: 0 } }
    : { field: 'x', type: 'quantitative' as const, title: options.xTitle, ...(options.xScale ? { scale: options.xScale } : {}) };
  const offset = options.categories && names.length > 1 ? { xOffset: { field: 'series', type: 'nominal' as const, sort: names } } : {};
  const yScale = options.yDomain ? { scale: { domain: options.yDomain } } : {};
  const layers: object[] = [];
  if (reference.length > 0) {
    layers.push({
      data: { values: reference },
      mark: { type: 'line', strokeWidth: 2 },
      encoding: { x, y: { field: 'y', type: 'quantitative', title: options.yTitle, ...yScale }, color },
    });
  }
  layers.push(
    {
      data: { values: points },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, ...offset, y: { field: 'low', type: 'quantitative', title: options.yTitle, ...yScale }, y2: { field: 'high' }, color },
    },
    {
      data: { values: points },
      mark: { type: 'point', filled: true, size: 50 },
      encoding: { x, ...offset, y: { field: 'y', type: 'quantitative', title: options.yTitle, ...yScale }, color },
    },
  );
  return { ...top(options.title, options.subtitle), width: WIDTH, height: HEIGHT, layer: layers } as TopLevelSpec;
}

/** An intervals chart with a shaded horizontal band behind it (a margin or a target range). */
export function withBand(spec: ReturnType<typeof intervalsChart>, low: number, high: number, opacity: number): ReturnType<typeof intervalsChart> {
  const layered = spec as unknown as { layer: object[] };
  layered.layer.unshift({
    data: { values: [{ low, high }] },
    mark: { type: 'rect', opacity, color: '#1b7837' },
    encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
  });
  return spec;
}
