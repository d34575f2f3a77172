/** Concentric circles: share applying by network ring (distance from the first-engaged units) over time. */
import { caption, chartTitle, seriesLabel } from '../captions.js';
import type { ReportModel } from '../model.js';
import { lengthLabel, panels, r4, top, type Chart } from './common.js';
import { mean } from '../../stats/index.js';

/** The ring series of RunResult (ring 3 = three or more steps away). */
const RINGS = ['ring0', 'ring1', 'ring2', 'ring3'] as const;
const RING_COLORS = ['#084081', '#2b8cbe', '#4eb3d3', '#7bccc4']; // GnBu: ordered outward, all visible on white

export function rings(model: ReportModel): Chart[] {
  const rows = model.bands
    .filter((row) => (RINGS as readonly string[]).includes(row.series))
    .map((row) => ({ lengthLabel: lengthLabel(row.length), ring: seriesLabel[row.series], month: row.month, mean: r4(row.mean * 100) }));
  const correlations = model.runs.map((run) => run.summary.ringCorrelation).filter((rho): rho is number => rho !== null);
  const rho = correlations.length > 0 ? mean(correlations) : null;
  const order = RINGS.map((ring) => seriesLabel[ring]);
  const { columns, width } = panels(model.lengths.length);
  return [
    {
      id: 'rings',
      title: chartTitle.rings,
      caption: caption.rings(rho),
      spec: {
        ...top(chartTitle.rings),
        data: { values: rows },
        facet: { field: 'lengthLabel', type: 'nominal', title: null, sort: model.lengths.map(lengthLabel) },
        columns,
        spec: {
          width,
          height: 200,
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { field: 'month', type: 'quantitative', title: 'Month', scale: { domain: [0, model.months], nice: false } },
            y: { field: 'mean', type: 'quantitative', title: 'Applying in ring (%)', scale: { domain: [0, 100] } },
            color: { field: 'ring', type: 'nominal', title: 'Network ring', sort: order, scale: { domain: order, range: RING_COLORS } },
          },
        },
      },
    },
  ];
}
