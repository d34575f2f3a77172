/**
 * Morris screening, two pictures per output:
 *   - a tornado of μ* (mean absolute effect of moving a factor across its whole range, in pp) with
 *     its 95 % CI, coloured by direction (raises / lowers / either way), sorted;
 *   - the classic μ*–σ plane: far right = important, high up = non-linear or interacting.
 */
import type { SensitivityAnalysis } from '../../sweep/sensitivity/index.js';
import { outputLabel, ranking } from '../../sweep/sensitivity/index.js';
import { r4, top, WIDTH, type Chart } from './common.js';
import { FACTOR_AXIS, TORNADO_FACTORS } from './sensitivity-sobol.js';

const DIRECTIONS = ['raises it', 'lowers it', 'either way'];
const DIRECTION_COLORS = ['#1b7837', '#b2182b', '#7570b3'];

function direction(mu: number, muStar: number): string {
  if (Math.abs(mu) >= 0.8 * muStar && muStar > 0) return mu > 0 ? 'raises it' : 'lowers it';
  return 'either way';
}

export function morrisCharts(analysis: SensitivityAnalysis): Chart[] {
  if (analysis.method !== 'morris') return [];
  return analysis.outputs.flatMap((output) => {
    const morris = output.morris;
    if (!morris) return [];
    const order = ranking(output, analysis.factors);
    const rows = order.map((i, rank) => {
      const f = morris.factors[i];
      return {
        factor: analysis.factors[i].path,
        rank: rank + 1,
        muStar: r4(f.muStar * 100),
        mu: r4(f.mu * 100),
        sigma: r4(f.sigma * 100),
        low: r4((f.muStarCi?.low ?? f.muStar) * 100),
        high: r4((f.muStarCi?.high ?? f.muStar) * 100),
        direction: direction(f.mu, f.muStar),
        label: rank < 8 ? analysis.factors[i].path.split('.').pop()! : '',
      };
    });
    const name = outputLabel(output.output, analysis);
    const short = name.split(' (')[0].split(':')[0];
    const floor = output.noise.floor;
    const color = { field: 'direction', type: 'nominal' as const, title: 'Effect', scale: { domain: DIRECTIONS, range: DIRECTION_COLORS } };
    const tornadoRows = rows.slice(0, TORNADO_FACTORS);
    const y = { field: 'factor', type: 'nominal' as const, title: null, sort: tornadoRows.map((row) => row.factor), axis: FACTOR_AXIS };
    const tornadoTitle = `What moves ${short}: Morris μ*`;
    const planeTitle = `Importance and interaction for ${short}: Morris μ* and σ`;
    const noiseLayer =
      floor === null
        ? []
        : [{ mark: { type: 'rule' as const, color: '#999999', strokeDash: [4, 3] }, encoding: { x: { datum: r4(2 * floor * 100), type: 'quantitative' as const } } }];
    return [
      {
        id: `morris-${output.output}`,
        title: tornadoTitle,
        caption:
          `Mean absolute change in ${name} (percentage points) when one assumption moves across its documented range, with 95 % CI; ` +
          `top ${tornadoRows.length} of ${analysis.factors.length} factors${floor === null ? '' : '; dashed line: twice what replicate noise alone would give'}.`,
        spec: {
          ...top(tornadoTitle),
          data: { values: tornadoRows },
          width: WIDTH - 160,
          height: { step: 18 },
          layer: [
            {
              mark: { type: 'bar', height: { band: 0.7 } },
              encoding: {
                y,
                x: { field: 'muStar', type: 'quantitative', title: 'μ* (pp per whole range)' },
                color,
                tooltip: [
                  { field: 'factor', title: 'factor' },
                  { field: 'muStar', title: 'μ* (pp)', format: '.1f' },
                  { field: 'mu', title: 'μ (pp)', format: '.1f' },
                  { field: 'sigma', title: 'σ (pp)', format: '.1f' },
                ],
              },
            },
            { mark: { type: 'rule', color: '#333333' }, encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } } },
            ...noiseLayer,
          ],
        },
      },
      {
        id: `morris-plane-${output.output}`,
        title: planeTitle,
        caption: `Each assumption's μ* (importance) against σ (spread of its effects: non-linearity or interactions) for ${name}; the eight most important are labelled.`,
        spec: {
          ...top(planeTitle),
          data: { values: rows },
          width: WIDTH - 100,
          height: 320,
          encoding: {
            x: { field: 'muStar', type: 'quantitative', title: 'μ* (pp per whole range)' },
            y: { field: 'sigma', type: 'quantitative', title: 'σ (pp)' },
          },
          layer: [
            {
              mark: { type: 'point', filled: true, size: 60, opacity: 0.85 },
              encoding: {
                color,
                tooltip: [
                  { field: 'factor', title: 'factor' },
                  { field: 'muStar', title: 'μ* (pp)', format: '.1f' },
                  { field: 'sigma', title: 'σ (pp)', format: '.1f' },
                ],
              },
            },
            { mark: { type: 'text', align: 'left', dx: 6, dy: -6, fontSize: 10 }, encoding: { text: { field: 'label' } } },
          ],
        },
      },
    ];
  });
}
