/** ISP hours used per month and demand (engagements active + waiting) over time, by length. */
import { caption, chartTitle, seriesLabel } from '../captions.js';
import type { ReportModel } from '../model.js';
import { lengthColor, lengthLabel, r4, top, WIDTH, type Chart } from './common.js';

const MEASURES = ['ispHours', 'demand'] as const;

export function ispDemand(model: ReportModel): Chart[] {
  const rows = model.bands
    .filter((row) => (MEASURES as readonly string[]).includes(row.series))
    .map((row) => ({
      measure: seriesLabel[row.series],
      lengthLabel: lengthLabel(row.length),
      month: row.month,
      mean: r4(row.mean),
      low: r4(Math.max(0, row.low)),
      high: r4(row.high),
    }));
  const hours = model.groups.map((group) => ({
    length: group.length,
    hours: group.runs.reduce((sum, run) => sum + run.summary.ispHours, 0) / group.runs.length,
  }));
  const color = lengthColor(model);
  return [
    {
      id: 'isp-demand',
      title: chartTitle.ispDemand,
      caption: caption.ispDemand(hours),
      spec: {
        ...top(chartTitle.ispDemand),
        data: { values: rows },
        facet: { row: { field: 'measure', type: 'nominal', title: null, sort: MEASURES.map((m) => seriesLabel[m]), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: WIDTH - 60,
          height: 160,
          encoding: {
            x: { field: 'month', type: 'quantitative', title: 'Month', scale: { domain: [0, model.months], nice: false } },
            color,
          },
          layer: [
            { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: null }, y2: { field: 'high' } } },
            { mark: { type: 'line', strokeWidth: 2 }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
          ],
        },
      },
    },
  ];
}
