/**
 * What every chart module shares: the Chart type, the report's Vega-Lite config (fonts, sizes,
 * colours) and small data helpers. A chart module exports one builder: ReportModel → Chart[]
 * (empty when the chart does not apply to this design).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite';
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
