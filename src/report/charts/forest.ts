/**
 * The equivalence (forest) plot: for each outcome and length, the difference from the reference
 * with its 90 % (TOST) and 95 % intervals, over the shaded equivalence margin.
 */
import { caption, chartTitle } from '../captions.js';
import type { ReportModel } from '../model.js';
import { OUTCOME_KEYS, OUTCOMES, toDisplay } from '../outcomes.js';
import { r4, top, WIDTH, type Chart } from './common.js';

const VERDICT_ORDER = ['equivalent', 'differs', 'inconclusive', 'not-assessed'];
const VERDICT_COLORS = ['#1b7837', '#b2182b', '#e08214', '#999999'];

const VERDICT_COLOR = { field: 'verdict', type: 'nominal' as const, title: 'Verdict', scale: { domain: VERDICT_ORDER, range: VERDICT_COLORS } };

function finite(value: number): number | null {
  return Number.isFinite(value) ? r4(value) : null;
}

export function forestRowTitle(key: (typeof OUTCOME_KEYS)[number]): string {
  const outcome = OUTCOMES[key];
  return `${outcome.label} (${outcome.differenceUnit})`;
}

export function forest(model: ReportModel): Chart[] {
  if (model.comparisons.length === 0) return [];
  const rows = model.comparisons.map((c) => {
    const outcome = OUTCOMES[c.outcome];
    const show = (value: number) => finite(toDisplay(outcome, value));
    return {
      outcome: forestRowTitle(c.outcome),
      comparison: `${Number(c.length.toFixed(2))} vs ${Number(c.reference.toFixed(2))} months`,
      length: c.length,
      estimate: show(c.estimate),
      low95: show(c.ci95.low),
      high95: show(c.ci95.high),
      low90: show(c.ci90.low),
      high90: show(c.ci90.high),
      marginLow: show(-c.margin),
      marginHigh: show(c.margin),
      verdict: c.verdict,
      words: c.words,
    };
  });
  const comparisons = [...new Set(rows.sort((a, b) => a.length - b.length).map((row) => row.comparison))];
  const y = { field: 'comparison', type: 'nominal' as const, title: null, sort: comparisons };
  return [
    {
      id: 'forest',
      title: chartTitle.forest,
      caption: caption.forest(model.reference),
      spec: {
        ...top(chartTitle.forest),
        data: { values: rows },
        facet: { row: { field: 'outcome', type: 'nominal', title: null, sort: OUTCOME_KEYS.map(forestRowTitle), header: { labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top' } } },
        resolve: { scale: { x: 'independent' } },
        spacing: 14,
        spec: {
          width: WIDTH - 80,
          height: { step: 26 },
          encoding: { y },
          layer: [
            {
              mark: { type: 'rect', color: '#d9f0d3', opacity: 0.8 },
              encoding: { x: { field: 'marginLow', type: 'quantitative', title: null }, x2: { field: 'marginHigh' } },
            },
            { mark: { type: 'rule', color: '#777777', strokeDash: [3, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
            {
              mark: { type: 'rule', strokeWidth: 1.5 },
              encoding: {
                x: { field: 'low95', type: 'quantitative' },
                x2: { field: 'high95' },
                color: VERDICT_COLOR,
              },
            },
            {
              mark: { type: 'rule', strokeWidth: 6, opacity: 0.6 },
              encoding: {
                x: { field: 'low90', type: 'quantitative' },
                x2: { field: 'high90' },
                color: VERDICT_COLOR,
              },
            },
            {
              mark: { type: 'point', filled: true, size: 50, stroke: 'white', strokeWidth: 1 },
              encoding: {
                x: { field: 'estimate', type: 'quantitative' },
                color: VERDICT_COLOR,
                tooltip: [
                  { field: 'comparison', title: 'comparison' },
                  { field: 'estimate', title: 'difference', format: '.2f' },
                  { field: 'words', title: 'verdict' },
                ],
              },
            },
          ],
        },
      },
    },
  ];
}
