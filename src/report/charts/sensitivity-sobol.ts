/**
 * Sobol' indices as a tornado: per output, factors sorted by total index ST (light bar, with its
 * 95 % CI) with the first-order index S1 (dark bar) inside it — the gap is what a factor does
 * through interactions. Top factors only; sensitivity.json has them all.
 */
import type { SensitivityAnalysis } from '../../sweep/sensitivity/index.js';
import { outputLabel, ranking } from '../../sweep/sensitivity/index.js';
import { r4, top, WIDTH, type Chart } from './common.js';

export const TORNADO_FACTORS = 20;
const TOTAL_COLOR = '#9ecae1';
const FIRST_COLOR = '#08519c';

export function sobolCharts(analysis: SensitivityAnalysis): Chart[] {
  if (analysis.method !== 'sobol') return [];
  return analysis.outputs.flatMap((output) => {
    const sobol = output.sobol;
    if (!sobol || sobol.variance === 0) return [];
    const order = ranking(output, analysis.factors).slice(0, TORNADO_FACTORS);
    const rows = order.flatMap((i) => {
      const index = sobol.factors[i]!;
      const factor = analysis.factors[i].path;
      return [
        { factor, index: 'total (ST)', value: r4(index.total), low: r4(index.totalCi?.low ?? index.total), high: r4(index.totalCi?.high ?? index.total) },
        { factor, index: 'first-order (S1)', value: r4(index.first), low: r4(index.firstCi?.low ?? index.first), high: r4(index.firstCi?.high ?? index.first) },
      ];
    });
    const title = `What drives ${outputLabel(output.output, analysis).split(' (')[0].split(':')[0]}: Sobol' indices`;
    const y = { field: 'factor', type: 'nominal' as const, title: null, sort: order.map((i) => analysis.factors[i].path) };
    const color = {
      field: 'index',
      type: 'nominal' as const,
      title: 'Index',
      scale: { domain: ['total (ST)', 'first-order (S1)'], range: [TOTAL_COLOR, FIRST_COLOR] },
    };
    return [
      {
        id: `sobol-${output.output}`,
        title,
        caption:
          `Share of the variance of ${outputLabel(output.output, analysis)} that each assumption explains with its interactions ` +
          `(ST, light, with 95 % CI) and on its own (S1, dark), over the documented ranges; top ${order.length} of ${analysis.factors.length} factors.`,
        spec: {
          ...top(title),
          data: { values: rows },
          width: WIDTH - 160,
          height: { step: 18 },
          encoding: { y },
          layer: [
            {
              transform: [{ filter: "datum.index === 'total (ST)'" }],
              mark: { type: 'bar', height: { band: 0.8 } },
              encoding: {
                x: { field: 'value', type: 'quantitative', title: 'Share of variance', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
                color,
                tooltip: [
                  { field: 'factor', title: 'factor' },
                  { field: 'value', title: 'ST', format: '.2f' },
                  { field: 'low', title: 'CI low', format: '.2f' },
                  { field: 'high', title: 'CI high', format: '.2f' },
                ],
              },
            },
            {
              transform: [{ filter: "datum.index === 'first-order (S1)'" }],
              mark: { type: 'bar', height: { band: 0.4 } },
              encoding: { x: { field: 'value', type: 'quantitative' }, color },
            },
            {
              transform: [{ filter: "datum.index === 'total (ST)'" }],
              mark: { type: 'rule', color: '#333333' },
              encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
            },
          ],
        },
      },
    ];
  });
}
