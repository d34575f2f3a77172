/** Adoption curves: share applying over months, one line per engagement length, 95 % bands. */
import { caption, chartTitle } from '../captions.js';
import type { ReportModel } from '../model.js';
import { lengthColor, lengthLabel, r4, top, WIDTH, type Chart } from './common.js';

export function adoptionCurves(model: ReportModel): Chart[] {
  const rows = model.bands
    .filter((row) => row.series === 'adoption')
    .map((row) => ({
      lengthLabel: lengthLabel(row.length),
      month: row.month,
      mean: r4(row.mean * 100),
      low: r4(Math.max(0, row.low * 100)),
      high: r4(Math.min(100, row.high * 100)),
    }));
  const finals = model.groups.map((group) => {
    const last = model.bands.filter((row) => row.series === 'adoption' && row.length === group.length).at(-1);
    return { length: group.length, share: last?.mean ?? 0 };
  });
  const replicates = Math.min(...model.groups.map((g) => g.runs.length));
  const color = lengthColor(model);
  return [
    {
      id: 'adoption-curves',
      title: chartTitle.adoptionCurves,
      caption: caption.adoptionCurves(replicates, finals, model.months),
      spec: {
        ...top(chartTitle.adoptionCurves),
        width: WIDTH,
        height: 300,
        data: { values: rows },
        encoding: {
          x: { field: 'month', type: 'quantitative', title: 'Month', scale: { domain: [0, model.months], nice: false } },
          color,
        },
        layer: [
          {
            mark: { type: 'area', opacity: 0.18 },
            encoding: {
              y: { field: 'low', type: 'quantitative', title: 'Staff applying (%)', scale: { domain: [0, 100] } },
              y2: { field: 'high' },
            },
          },
          {
            mark: { type: 'line', strokeWidth: 2 },
            encoding: { y: { field: 'mean', type: 'quantitative' } },
          },
        ],
      },
    },
  ];
}
