/**
 * Scenario-discovery charts (src/discover):
 *   - the peeling trajectory: density against coverage, one point per box, labelled by how many
 *     factors it restricts; the chosen box ringed, the reported (pasted) box and its held-out
 *     measure marked;
 *   - the box: each restricted factor's range inside its full range;
 *   - the cases on the box's first two restricted factors (or one factor and the outcome), the box
 *     drawn over them;
 *   - box plots of the outcome (or the contrast's difference) inside and outside the box.
 */
import type { CasePoint, DiscoverAnalysis, FactorRange } from '../../discover/index.js';
import { caseWords, restrictionWords, shortNumber } from '../../discover/index.js';
import { jitter, LENGTH_COLORS, r4, top, WIDTH, type Chart } from './common.js';

/** At most this many cases drawn as dots (every k-th case beyond it), so the SVG stays light. */
export const MAX_POINTS = 1500;
/** At most this many cases behind the box plots (quartiles of every k-th case), so the spec stays small. */
export const MAX_BOXPLOT_CASES = 10_000;

const INTEREST_COLORS = { domain: ['of interest', 'not of interest'], range: ['#d95f02', '#9e9e9e'] };

function trajectoryChart(analysis: DiscoverAnalysis): Chart {
  const rows = analysis.boxes.flatMap((box, b) =>
    box.trajectory.map((point) => ({
      box: `box ${b + 1}`,
      step: point.step,
      coverage: r4(point.coverage),
      density: r4(point.density),
      mass: r4(point.mass),
      n: point.n,
      dimensions: point.dimensions,
      chosen: point.step === box.chosenStep,
      conditions: point.restrictions.map((r) => restrictionWords(r, analysis.factors)).join('; ') || 'none',
    })),
  );
  const marks = analysis.boxes.flatMap((box, b) => [
    { box: `box ${b + 1}`, kind: 'reported box (training half)', coverage: r4(box.coverage), density: r4(box.density) },
    ...(box.test.n > 0 ? [{ box: `box ${b + 1}`, kind: 'reported box (held-out half)', coverage: r4(box.test.coverage), density: r4(box.test.density) }] : []),
  ]);
  const names = analysis.boxes.map((_, b) => `box ${b + 1}`);
  const color = { field: 'box', type: 'nominal' as const, title: null, scale: { domain: names, range: LENGTH_COLORS.slice(0, Math.max(1, names.length)) }, ...(names.length === 1 ? { legend: null } : {}) };
  const x = { field: 'coverage', type: 'quantitative' as const, title: 'Coverage (share of the cases of interest inside)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const y = { field: 'density', type: 'quantitative' as const, title: 'Density (share of the box that is of interest)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const title = 'Peeling trajectory: coverage against density';
  return {
    id: 'discover-trajectory',
    title,
    caption:
      `Each point is a box on PRIM's peeling trajectory for "${caseWords(analysis.question)}", from the whole sweep (right, at the base rate) ` +
      'to the smallest box (left); the number is how many factors it restricts. Ringed: the box chosen; square: the reported box after pasting; ' +
      'diamond: the same box on the held-out half.',
    spec: {
      ...top(title),
      width: WIDTH - 120,
      height: 320,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'line', strokeWidth: 1, opacity: 0.5 },
          encoding: { x, y, color, order: { field: 'step', type: 'quantitative' } },
        },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 36 },
          encoding: {
            x,
            y,
            color,
            tooltip: [
              { field: 'step', title: 'step' },
              { field: 'coverage', title: 'coverage', format: '.0%' },
              { field: 'density', title: 'density', format: '.0%' },
              { field: 'mass', title: 'mass', format: '.0%' },
              { field: 'n', title: 'cases' },
              { field: 'conditions', title: 'conditions' },
            ],
          },
        },
        {
          data: { values: rows },
          mark: { type: 'text', dy: -9, fontSize: 9, color: '#333333' },
          encoding: { x, y, text: { field: 'dimensions', type: 'quantitative' } },
        },
        {
          data: { values: rows },
          transform: [{ filter: 'datum.chosen' }],
          mark: { type: 'point', size: 260, strokeWidth: 2, filled: false, color: '#111111' },
          encoding: { x, y },
        },
        {
          data: { values: marks },
          mark: { type: 'point', size: 110, strokeWidth: 2, filled: false },
          encoding: {
            x,
            y,
            color,
            shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: ['reported box (training half)', 'reported box (held-out half)'], range: ['square', 'diamond'] } },
          },
        },
      ],
    },
  };
}

/** Where each restricted factor's box sits within its full range (numeric: a bar; categorical: dots). */
function limitsChart(analysis: DiscoverAnalysis): Chart | null {
  const box = analysis.boxes[0];
  if (!box || box.restrictions.length === 0) return null;
  const bars: Record<string, string | number>[] = [];
  const levels: Record<string, string | number | boolean>[] = [];
  for (const restriction of box.restrictions) {
    const factor = analysis.factors.find((f) => f.field === restriction.field) as FactorRange;
    const label = restrictionWords(restriction, analysis.factors);
    if ('values' in restriction && factor.kind === 'categorical') {
      factor.values.forEach((value, k) => {
        levels.push({ factor: label, at: r4(factor.values.length === 1 ? 0.5 : k / (factor.values.length - 1)), level: String(value), inBox: restriction.values.includes(value) ? 'in the box' : 'left out' });
      });
    } else if ('low' in restriction && factor.kind === 'numeric') {
      const span = factor.high - factor.low || 1;
      bars.push({
        factor: label,
        from: r4((restriction.low - factor.low) / span),
        to: r4((restriction.high - factor.low) / span),
        lowText: shortNumber(factor.low),
        highText: shortNumber(factor.high),
      });
    }
  }
  const names = box.restrictions.map((r) => restrictionWords(r, analysis.factors));
  const y = { field: 'factor', type: 'nominal' as const, title: null, sort: names, axis: { labelLimit: 320 } };
  const x = { type: 'quantitative' as const, title: 'Within the range or the values swept (minimum → maximum)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const title = 'The box: each restricted factor';
  const layers: object[] = [
    { data: { values: names.map((factor) => ({ factor, from: 0, to: 1 })) }, mark: { type: 'bar', color: '#eeeeee', height: 14 }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' } } },
  ];
  if (bars.length > 0) {
    layers.push(
      { data: { values: bars }, mark: { type: 'bar', color: '#1b9e77', height: 14 }, encoding: { y, x: { ...x, field: 'from' }, x2: { field: 'to' } } },
      // the factor's minimum and maximum in the sweep, above the ends of its bar
      { data: { values: bars }, mark: { type: 'text', align: 'left', dy: -12, fontSize: 9, color: '#555555' }, encoding: { y, x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] } }, text: { field: 'lowText' } } },
      { data: { values: bars }, mark: { type: 'text', align: 'right', dy: -12, fontSize: 9, color: '#555555' }, encoding: { y, x: { datum: 1, type: 'quantitative', scale: { domain: [0, 1] } }, text: { field: 'highText' } } },
    );
  }
  if (levels.length > 0) {
    const shade = { field: 'inBox', type: 'nominal' as const, title: null, scale: { domain: ['in the box', 'left out'], range: ['#1b9e77', '#bbbbbb'] } };
    layers.push(
      { data: { values: levels }, mark: { type: 'point', filled: true, size: 90 }, encoding: { y, x: { ...x, field: 'at' }, color: shade } },
      { data: { values: levels }, mark: { type: 'text', dy: -11, fontSize: 9, color: '#333333' }, encoding: { y, x: { ...x, field: 'at' }, text: { field: 'level' } } },
    );
  }
  return {
    id: 'discover-box',
    title,
    caption: `Box 1's limits: for each factor it restricts, the green part of its range (grey: the whole range swept) or the levels it keeps.`,
    spec: { ...top(title), width: WIDTH - 260, height: { step: 40 }, layer: layers } as Chart['spec'],
  };
}

/** Every k-th case so that at most `most` are kept (deterministic). */
function thinned(points: readonly CasePoint[], most = MAX_POINTS): CasePoint[] {
  const every = Math.max(1, Math.ceil(points.length / most));
  return points.filter((_, i) => i % every === 0);
}

function outcomeLabel(analysis: DiscoverAnalysis): string {
  const q = analysis.question;
  return q.kind === 'contrast' ? `${q.outcome}: ${q.value} minus ${q.reference}` : q.outcome;
}

/** The cases on the box's first two restricted numeric factors (or one and the outcome), the box drawn over them. */
function casesChart(analysis: DiscoverAnalysis, points: readonly CasePoint[]): Chart | null {
  const box = analysis.boxes[0];
  const numeric = box?.restrictions.filter((r): r is Extract<typeof r, { low: number }> => 'low' in r) ?? [];
  if (!box || numeric.length === 0) return null;
  const [first, second] = numeric;
  const range = (field: string) => analysis.factors.find((f) => f.field === field) as Extract<FactorRange, { kind: 'numeric' }>;
  const spread = (field: string) => {
    const r = range(field);
    const distinct = new Set(points.map((p) => p.values[field])).size;
    // grid factors stack on a few values: jitter them by a fraction of the spacing
    return distinct <= 12 ? ((r.high - r.low) / Math.max(1, distinct - 1)) * 0.3 : 0;
  };
  const sx = spread(first.field);
  const sy = second ? spread(second.field) : 0;
  const yField = second ? second.field : outcomeLabel(analysis);
  const rows = thinned(points).map((p, i) => ({
    x: r4((p.values[first.field] as number) + sx * jitter(i)),
    y: r4(second ? (p.values[second.field] as number) + sy * jitter(i + 7919) : p.outcome),
    interest: p.interest ? 'of interest' : 'not of interest',
    half: p.half === 'train' ? 'training half' : 'held-out half',
  }));
  const yLow = second ? second.low : Math.min(...rows.map((r) => r.y));
  const yHigh = second ? second.high : Math.max(...rows.map((r) => r.y));
  const rect = [{ x: r4(first.low), x2: r4(first.high), y: r4(yLow), y2: r4(yHigh) }];
  const title = second ? `The cases on ${first.field} and ${second.field}` : `The cases on ${first.field}`;
  return {
    id: 'discover-cases',
    title,
    caption:
      `Each dot is a case (${analysis.unit}), orange when "${caseWords(analysis.question)}"` +
      `${rows.length < points.length ? ` (every ${Math.ceil(points.length / MAX_POINTS)}th of ${points.length})` : ''}; grid values are spread slightly so they do not hide each other. ` +
      `The rectangle is box 1 on ${second ? 'these two factors' : 'this factor'}${numeric.length > 2 || box.restrictions.length > numeric.length ? ' (it restricts further factors not drawn here)' : ''}.`,
    spec: {
      ...top(title),
      width: WIDTH - 160,
      height: 320,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 18, opacity: 0.6 },
          encoding: {
            x: { field: 'x', type: 'quantitative', title: first.field, scale: { zero: false } },
            y: { field: 'y', type: 'quantitative', title: yField, scale: { zero: false } },
            color: { field: 'interest', type: 'nominal', title: null, scale: INTEREST_COLORS },
            shape: { field: 'half', type: 'nominal', title: null, scale: { domain: ['training half', 'held-out half'], range: ['circle', 'triangle-up'] } },
          },
        },
        {
          data: { values: rect },
          mark: { type: 'rect', fillOpacity: 0, stroke: '#111111', strokeWidth: 2 },
          encoding: { x: { field: 'x', type: 'quantitative' }, x2: { field: 'x2' }, y: { field: 'y', type: 'quantitative' }, y2: { field: 'y2' } },
        },
      ],
    },
  };
}

/** Box plots of the outcome (or difference) for the cases inside and outside box 1, by half. */
function outcomeBoxplots(analysis: DiscoverAnalysis, points: readonly CasePoint[]): Chart | null {
  const box = analysis.boxes[0];
  if (!box || box.restrictions.length === 0) return null;
  const rows = thinned(points, MAX_BOXPLOT_CASES).map((p) => ({ where: p.inside ? 'inside box 1' : 'outside box 1', half: p.half === 'train' ? 'training half' : 'held-out half', outcome: r4(p.outcome) }));
  const label = outcomeLabel(analysis);
  const title = `${label}, inside and outside the box`;
  const threshold = analysis.question.threshold.value;
  return {
    id: 'discover-outcome',
    title,
    caption: `Box plots (quartiles, whiskers to 1.5 IQR) of ${label} for the cases inside and outside box 1, on each half; dashed: the threshold ${shortNumber(threshold)} that marks a case of interest.`,
    spec: {
      ...top(title),
      data: { values: rows },
      facet: { column: { field: 'half', type: 'nominal', title: null, sort: ['training half', 'held-out half'] } },
      spec: {
        width: 240,
        height: 240,
        layer: [
          {
            mark: { type: 'boxplot', extent: 1.5, size: 40 },
            encoding: {
              x: { field: 'where', type: 'nominal', title: null, sort: ['inside box 1', 'outside box 1'], axis: { labelAngle: 0 } },
              y: { field: 'outcome', type: 'quantitative', title: label, scale: { zero: false } },
              color: { field: 'where', type: 'nominal', legend: null, scale: { domain: ['inside box 1', 'outside box 1'], range: ['#1b9e77', '#9e9e9e'] } },
            },
          },
          { mark: { type: 'rule', color: '#777777', strokeDash: [5, 4] }, encoding: { y: { datum: threshold, type: 'quantitative' } } },
        ],
      },
    } as Chart['spec'],
  };
}

export function discoverCharts(analysis: DiscoverAnalysis, points: readonly CasePoint[]): Chart[] {
  return [trajectoryChart(analysis), limitsChart(analysis), casesChart(analysis, points), outcomeBoxplots(analysis, points)].filter((chart): chart is Chart => chart !== null);
}
