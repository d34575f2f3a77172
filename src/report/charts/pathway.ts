/**
 * The pathway over time: trust → A/P/F → knowledge → application → sustained capacity, each mean
 * curve rescaled to its own rise (0 = lowest, 1 = highest) so that lags show as horizontal gaps;
 * dots mark the half-rise month. One panel per engagement length.
 */
import { PATHWAY } from '../analysis.js';
import { caption, chartTitle, seriesLabel } from '../captions.js';
import type { ReportModel } from '../model.js';
import { lengthLabel, panels, r4, top, type Chart } from './common.js';

const PATHWAY_COLORS = ['#7b3294', '#2166ac', '#4393c3', '#92c5de', '#1b7837', '#d95f02', '#b2182b'];

export function pathway(model: ReportModel): Chart[] {
  const rows: Record<string, string | number>[] = [];
  for (const length of model.lengths) {
    for (const series of PATHWAY) {
      const curve = model.bands.filter((row) => row.length === length && row.series === series);
      const values = curve.map((row) => row.mean);
      const low = Math.min(...values);
      const high = Math.max(...values);
      if (!(high - low > 1e-9)) continue;
      for (const row of curve) {
        rows.push({ kind: 'curve', lengthLabel: lengthLabel(length), series: seriesLabel[series], month: row.month, level: r4((row.mean - low) / (high - low)) });
      }
    }
  }
  for (const rise of model.halfRises) {
    if (rise.month === null) continue;
    rows.push({ kind: 'half', lengthLabel: lengthLabel(rise.length), series: seriesLabel[rise.series], month: r4(rise.month), level: 0.5 });
  }
  const order = PATHWAY.map((series) => seriesLabel[series]);
  const color = { field: 'series', type: 'nominal' as const, title: 'Pathway step', sort: order, scale: { domain: order, range: PATHWAY_COLORS } };
  const { columns, width } = panels(model.lengths.length);
  return [
    {
      id: 'pathway',
      title: chartTitle.pathway,
      caption: caption.pathway(model.headline.pattern1.sentence),
      spec: {
        ...top('The pathway over time (each series rescaled to its own rise)'),
        data: { values: rows },
        facet: { field: 'lengthLabel', type: 'nominal', title: null, sort: model.lengths.map(lengthLabel) },
        columns,
        spec: {
          width,
          height: 220,
          layer: [
            { mark: { type: 'rule', strokeDash: [4, 4], color: '#999999' }, encoding: { y: { datum: 0.5, type: 'quantitative' } } },
            {
              transform: [{ filter: "datum.kind === 'curve'" }],
              mark: { type: 'line', strokeWidth: 2 },
              encoding: {
                x: { field: 'month', type: 'quantitative', title: 'Month', scale: { domain: [0, model.months], nice: false } },
                y: { field: 'level', type: 'quantitative', title: 'Share of own rise', scale: { domain: [0, 1] } },
                color,
              },
            },
            {
              transform: [{ filter: "datum.kind === 'half'" }],
              mark: { type: 'point', filled: true, size: 60, stroke: 'white', strokeWidth: 1 },
              encoding: {
                x: { field: 'month', type: 'quantitative' },
                y: { field: 'level', type: 'quantitative' },
                color,
                tooltip: [
                  { field: 'series', title: 'step' },
                  { field: 'month', title: 'half-rise month', format: '.1f' },
                ],
              },
            },
          ],
        },
      },
    },
  ];
}
