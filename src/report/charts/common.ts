/**
 * What every chart module shares: the Chart type, the report's Vega-Lite config (fonts, sizes,
 * colours) and small data helpers. A chart module exports one builder: ReportModel → Chart[]
 * (empty when the chart does not apply to this design).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite';
import { quantileOfSorted } from '../../stats/index.js';
import type { ReportModel } from '../model.js';

export interface Chart {
  /** file stem: charts/<id>.svg */
  readonly id: string;
  readonly title: string;
  /** one sentence under the chart */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

export type ChartBuilder = (model: ReportModel) => Chart[];

/** The shipped font (assets/fonts) first, so SVG, PNG and page agree. */
export const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Dark2 (ColorBrewer): distinct, print-safe colours for engagement lengths. */
export const LENGTH_COLORS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

export const CONFIG: Config = {
  font: FONT,
  background: 'white',
  padding: 8,
  view: { stroke: '#dddddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#eeeeee' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 320 },
  header: { labelFontSize: 12, titleFontSize: 12 },
  title: { fontSize: 14, anchor: 'start', subtitleFontSize: 10, subtitleColor: '#666666' },
};

export const WIDTH = 620;

export function lengthLabel(length: number): string {
  return `${Number(length.toFixed(2))} months`;
}

/** Facet columns and panel width for one panel per engagement length. */
export function panels(count: number): { columns: number; width: number } {
  const columns = count <= 3 ? count : count === 4 ? 2 : 3;
  return { columns, width: columns === 1 ? 560 : columns === 2 ? 330 : 230 };
}

/** Colour encoding for engagement length, ordered by months. */
export function lengthColor(model: ReportModel) {
  return {
    field: 'lengthLabel',
    type: 'nominal' as const,
    title: 'Engagement',
    sort: model.lengths.map(lengthLabel),
    scale: { domain: model.lengths.map(lengthLabel), range: LENGTH_COLORS.slice(0, Math.max(1, model.lengths.length)) },
  };
}

/** A spec's common top: schema, config, title. */
export function top(title: string): { $schema: string; config: Config; title: { text: string } } {
  return { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: CONFIG, title: { text: title } };
}

/** Small deterministic jitter in [−0.5, 0.5) from an integer (no Math.random in a report). */
export function jitter(index: number): number {
  let h = (index + 1) * 2654435761;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h % 1000) / 1000 - 0.5;
}

/** Round for data embedded in specs (keeps the HTML small, the picture unchanged). */
export function r4(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

/** Half the width of a box in a box-and-dots chart, in slots (one slot per group). */
const BOX_HALF_WIDTH = 0.3;

/** A box's row fields for group slot `at`: its edges and the five numbers of `sorted` (ascending). */
export function boxRow(sorted: readonly number[], at: number): { left: number; right: number; min: number; q1: number; median: number; q3: number; max: number } {
  return {
    left: at - BOX_HALF_WIDTH,
    right: at + BOX_HALF_WIDTH,
    min: r4(sorted[0]),
    q1: r4(quantileOfSorted(sorted, 0.25)),
    median: r4(quantileOfSorted(sorted, 0.5)),
    q3: r4(quantileOfSorted(sorted, 0.75)),
    max: r4(sorted[sorted.length - 1]),
  };
}

/** The box layers of rows of kind 'box' (boxRow): range as a line, quartiles as a box, median as a bar. */
export function boxLayers<Color>(color: Color) {
  const boxes = { filter: "datum.kind === 'box'" };
  const quantitative = 'quantitative' as const;
  return [
    {
      transform: [boxes],
      mark: { type: 'rule' as const, color: '#888888' },
      encoding: { y: { field: 'min', type: quantitative, title: null, scale: { zero: false } }, y2: { field: 'max' } },
    },
    {
      transform: [boxes],
      mark: { type: 'rect' as const, opacity: 0.35 },
      encoding: { x: { field: 'left', type: quantitative }, x2: { field: 'right' }, y: { field: 'q1', type: quantitative }, y2: { field: 'q3' }, color },
    },
    {
      transform: [boxes],
      mark: { type: 'rule' as const, color: '#333333', strokeWidth: 2 },
      encoding: { x: { field: 'left', type: quantitative }, x2: { field: 'right' }, y: { field: 'median', type: quantitative } },
    },
  ];
}
