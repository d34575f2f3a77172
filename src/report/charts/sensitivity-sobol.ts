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

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Factor paths are long: let the axis show them whole. */
export const FACTOR_AXIS = { labelLimit: 320 };

export function sobolCharts(analysis: SensitivityAnalysis): Chart[] {
  if (analysis.method !== 'sobol') return [];
  return analysis.outputs.flatMap((output) => {
    const sobol = output.sobol;
    if (!sobol || sobol.variance === 0) return [];
    const order = ranking(output, analysis.factors).slice(0, TORNADO_FACTORS);
    const rows = order.flatMap((i) => {
      const index = sobol.factors[i]!;
      const factor = analysis.factors[i].path;
      // Bars show the estimate clamped to [0, 1] (sampling error can push it outside); tooltips keep it raw.
      const row = (name: string, value: number, low: number, high: number) => ({
        factor,
        index: name,
        value: r4(value),
        shown: r4(clamp(value)),
        low: r4(clamp(low)),
        high: r4(clamp(high)),
      });
      return [
        row('total (ST)', index.total, index.totalCi?.low ?? index.total, index.totalCi?.high ?? index.total),
        row('first-order (S1)', index.first, index.firstCi?.low ?? index.first, index.firstCi?.high ?? index.first),
      ];
    });
    const title = `What drives ${outputLabel(output.output, analysis).split(' (')[0].split(':')[0]}: Sobol' indices`;
    const y = { field: 'factor', type: 'nominal' as const, title: null, sort: order.map((i) => analysis.factors[i].path), axis: FACTOR_AXIS };
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
          `(ST, light, with 95 % CI) and on its own (S1, dark), over the documented ranges (bars clamped to 0–100 %); top ${order.length} of ${analysis.factors.length} factors.`,
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
                x: { field: 'shown', type: 'quantitative', title: 'Share of variance', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
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
              encoding: {
                x: { field: 'shown', type: 'quantitative' },
                color,
                tooltip: [
                  { field: 'factor', title: 'factor' },
                  { field: 'value', title: 'S1', format: '.2f' },
                ],
              },
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
