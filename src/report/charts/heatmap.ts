/** For sweeps over two or more factors: mean final adoption over the first two factors. */
import { caption, chartTitle } from '../captions.js';
import type { ReportModel } from '../model.js';
import { OUTCOMES, toDisplay } from '../outcomes.js';
import { r4, top, type Chart } from './common.js';
import { fileStem, sweptFactors } from './factor-effects.js';
import { levelsOf } from './levels.js';

export function heatmap(model: ReportModel): Chart[] {
  const factors = sweptFactors(model);
  if (factors.length < 2) return [];
  const [a, b] = factors;
  const levelsA = levelsOf(a, model.runs);
  const levelsB = levelsOf(b, model.runs);
  const cells = new Map<string, { x: string | number; y: string | number; sum: number; n: number }>();
  for (const run of model.runs) {
    const x = levelsA.of(run);
    const y = levelsB.of(run);
    if (x === undefined || y === undefined) continue;
    const xv = typeof x === 'number' ? x : String(x);
    const yv = typeof y === 'number' ? y : String(y);
    const key = `${xv}|${yv}`;
    const cell = cells.get(key) ?? { x: xv, y: yv, sum: 0, n: 0 };
    cell.sum += toDisplay(OUTCOMES.finalAdoption, run.summary.finalAdoption);
    cell.n++;
    cells.set(key, cell);
  }
  const means = [...cells.values()].map((cell) => cell.sum / cell.n);
  const lowest = Math.min(...means);
  const spread = Math.max(...means) - lowest || 1;
  // viridis is light at its top: dark text on the upper 40 % of the colour range, white below
  const rows = [...cells.values()].map((cell) => {
    const mean = cell.sum / cell.n;
    return { x: cell.x, y: cell.y, mean: r4(mean), n: cell.n, ink: (mean - lowest) / spread > 0.6 ? 'black' : 'white' };
  });
  const sortOf = (numeric: boolean) => (numeric ? 'ascending' as const : null);
  return [
    {
      id: `heatmap-${fileStem(a)}-x-${fileStem(b)}`,
      title: chartTitle.heatmap(a, b),
      caption: caption.heatmap(a, b),
      spec: {
        ...top(chartTitle.heatmap(a, b)),
        data: { values: rows },
        width: { step: 48 },
        height: { step: 32 },
        // the text ink is a literal colour (scale null): keep it off the adoption colour scale
        resolve: { scale: { color: 'independent' } },
        encoding: {
          x: { field: 'x', type: 'ordinal', title: a + (levelsA.binned ? ' (binned)' : ''), sort: sortOf(levelsA.numeric), axis: { labelAngle: 0 } },
          y: { field: 'y', type: 'ordinal', title: b + (levelsB.binned ? ' (binned)' : ''), sort: levelsB.numeric ? 'descending' : null },
        },
        layer: [
          {
            mark: { type: 'rect' },
            encoding: {
              color: { field: 'mean', type: 'quantitative', title: 'Final adoption (%)', scale: { scheme: 'viridis' } },
              tooltip: [
                { field: 'x', title: a },
                { field: 'y', title: b },
                { field: 'mean', title: 'final adoption (%)', format: '.1f' },
                { field: 'n', title: 'runs' },
              ],
            },
          },
          {
            mark: { type: 'text', fontSize: 10 },
            encoding: {
              text: { field: 'mean', type: 'quantitative', format: '.0f' },
              color: { field: 'ink', type: 'nominal', scale: null, legend: null },
            },
          },
        ],
      },
    },
  ];
}
