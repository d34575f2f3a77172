/**
 * The explorer's Vega-Lite specs: adoption curves with their bands per policy, and the paired
 * difference with its 95 % CI as runs arrive. Colours are the Okabe–Ito blue and vermillion
 * (distinct for colour-blind readers, ≥ 4.5:1 on white for text).
 */
import type { BandRow } from './whatif.js';

export const POLICY_COLOURS = { A: '#0060a8', B: '#b84500' } as const;

export interface DifferencePoint {
  readonly pairs: number;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

type Spec = Record<string, unknown>;

const base = (title: string, width: number): Spec => ({
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title,
  width,
  height: 220,
  config: { font: 'system-ui, sans-serif', axis: { labelFontSize: 13, titleFontSize: 13 }, legend: { labelFontSize: 13, titleFontSize: 13 }, title: { fontSize: 15 } },
});

export function curvesSpec(rows: readonly BandRow[], width: number): Spec {
  const colour = { field: 'policy', type: 'nominal', title: 'policy', scale: { domain: ['A', 'B'], range: [POLICY_COLOURS.A, POLICY_COLOURS.B] } };
  return {
    ...base('Staff applying, by month (line: mean; band: 10–90 % of runs)', width),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { x: { field: 'month', type: 'quantitative', title: 'month', scale: { nice: false } }, y: { field: 'low', type: 'quantitative', title: 'staff applying (%)' }, y2: { field: 'high' }, color: colour },
      },
      { mark: { type: 'line', strokeWidth: 2.5 }, encoding: { x: { field: 'month', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' }, color: colour } },
    ],
  };
}

export function differenceSpec(points: readonly DifferencePoint[], marginPp: number, width: number): Spec {
  return {
    ...base('B − A, final share applying (pp): estimate and 95 % CI as pairs arrive', width),
    data: { values: points },
    layer: [
      { data: { values: [{ y: -marginPp }, { y: marginPp }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#595959' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      { data: { values: [{ y: 0 }] }, mark: { type: 'rule', color: '#222' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
      {
        mark: { type: 'area', opacity: 0.25, color: POLICY_COLOURS.B },
        encoding: { x: { field: 'pairs', type: 'quantitative', title: 'paired runs' }, y: { field: 'low', type: 'quantitative', title: 'difference (pp)' }, y2: { field: 'high' } },
      },
      { mark: { type: 'line', color: POLICY_COLOURS.B, strokeWidth: 2.5 }, encoding: { x: { field: 'pairs', type: 'quantitative' }, y: { field: 'estimate', type: 'quantitative' } } },
    ],
  };
}
