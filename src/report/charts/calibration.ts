/**
 * Calibration charts: prior against posterior for each parameter (weighted histogram over the
 * prior's range, the uniform prior as a dashed line); the particles pair by pair (size = weight);
 * and the posterior predictive — 95 % bands of simulated wave means, one panel per measure, with
 * the data's points on top (red where they fall outside).
 */
import type { CalibrationOutcome, ParameterPrior } from '../../calibrate/index.js';
import { r4, top, type Chart } from './common.js';

const BINS = 20;

export function calibrationCharts(outcome: CalibrationOutcome, priors: readonly ParameterPrior[]): Chart[] {
  // As the runs used them: whole-number fields rounded, like posterior.csv and the table.
  const particles = outcome.posteriorValues;
  const { weights } = outcome.final;
  const d = priors.length;
  const n = weights.length;
  const histogram = priors.flatMap((prior, a) => {
    const width = (prior.high - prior.low) / BINS;
    const mass = new Float64Array(BINS);
    for (let i = 0; i < n; i++) mass[Math.min(BINS - 1, Math.max(0, Math.floor((particles[i * d + a] - prior.low) / width)))] += weights[i];
    return Array.from(mass, (m, b) => ({ field: prior.field, from: r4(prior.low + b * width), to: r4(prior.low + (b + 1) * width), density: r4(m / width), prior: r4(1 / (prior.high - prior.low)) }));
  });
  const charts: Chart[] = [
    {
      id: 'marginals',
      title: 'What the data say about each parameter: prior and posterior',
      caption: `Bars: the posterior (${n} weighted particles of the last generation) as a density over the prior's range; dashed: the uniform prior.`,
      spec: {
        ...top('What the data say about each parameter: prior and posterior'),
        data: { values: histogram },
        facet: { field: 'field', type: 'nominal', title: null },
        columns: Math.min(3, d),
        resolve: { scale: { x: 'independent', y: 'independent' } },
        spec: {
          width: 220,
          height: 150,
          layer: [
            { mark: { type: 'rect', color: '#2166ac', opacity: 0.8 }, encoding: { x: { field: 'from', type: 'quantitative', title: 'value' }, x2: { field: 'to' }, y: { field: 'density', type: 'quantitative', title: 'density' } } },
            { mark: { type: 'rule', strokeDash: [5, 4], color: '#444' }, encoding: { y: { field: 'prior', type: 'quantitative', aggregate: 'mean' } } },
          ],
        },
      } as Chart['spec'],
    },
  ];
  if (d >= 2) {
    const pairs = [];
    for (let a = 0; a < d; a++) {
      for (let b = a + 1; b < d; b++) {
        for (let i = 0; i < n; i++) pairs.push({ pair: `${priors[a].field} × ${priors[b].field}`, x: r4(particles[i * d + a]), y: r4(particles[i * d + b]), weight: r4(weights[i] * n) });
      }
    }
    charts.push({
      id: 'pairs',
      title: 'Particles of the posterior, pair by pair',
      caption: 'Each point a particle of the last generation (size: its weight); a tilted cloud means the data trade one parameter against the other.',
      spec: {
        ...top('Particles of the posterior, pair by pair'),
        data: { values: pairs },
        facet: { field: 'pair', type: 'nominal', title: null },
        columns: 3,
        resolve: { scale: { x: 'independent', y: 'independent' } },
        spec: {
          width: 220,
          height: 220,
          mark: { type: 'circle', color: '#2166ac', opacity: 0.35 },
          encoding: {
            x: { field: 'x', type: 'quantitative', scale: { zero: false }, title: 'first' },
            y: { field: 'y', type: 'quantitative', scale: { zero: false }, title: 'second' },
            size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [4, 60] } },
          },
        },
      } as Chart['spec'],
    });
  }
  const bands = outcome.predictive.map((b) => ({ measure: b.measure, month: b.month, low: r4(b.low), high: r4(b.high), median: r4(b.median), observed: r4(b.observed), fit: b.miss ? 'outside the band' : 'inside the band' }));
  charts.push({
    id: 'predictive',
    title: 'Posterior predictive: simulated waves against the data',
    caption: 'Grey bars: 95 % of wave means simulated from posterior draws, line at the median; points: the data (red where outside the band).',
    spec: {
      ...top('Posterior predictive: simulated waves against the data'),
      data: { values: bands },
      facet: { field: 'measure', type: 'nominal', title: null },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: 220,
        height: 160,
        layer: [
          { mark: { type: 'rule', strokeWidth: 8, color: '#cccccc' }, encoding: { x: { field: 'month', type: 'quantitative', title: 'month' }, y: { field: 'low', type: 'quantitative', scale: { zero: false }, title: 'wave mean' }, y2: { field: 'high' } } },
          { mark: { type: 'tick', color: '#666666', thickness: 2 }, encoding: { x: { field: 'month', type: 'quantitative' }, y: { field: 'median', type: 'quantitative' } } },
          {
            mark: { type: 'point', filled: true, size: 50 },
            encoding: {
              x: { field: 'month', type: 'quantitative' },
              y: { field: 'observed', type: 'quantitative' },
              color: { field: 'fit', type: 'nominal', title: 'data', scale: { domain: ['inside the band', 'outside the band'], range: ['#222222', '#d73027'] } },
            },
          },
        ],
      },
    } as Chart['spec'],
  });
  return charts;
}
