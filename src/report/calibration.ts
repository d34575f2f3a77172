/**
 * The calibration report: the answer in plain words (each parameter's posterior against its prior),
 * the diagnostics per generation, the posterior predictive table, how it was computed, and the
 * charts (src/report/charts/calibration.ts).
 */
import { marginalWords, missWords, plain, predictiveFails, type CalibrationOutcome } from '../calibrate/index.js';
import { calibrationCharts } from './charts/calibration.js';
import type { QuestionProvenance, QuestionReport } from './figures.js';

export function calibrationReport(outcome: CalibrationOutcome, provenance: QuestionProvenance): QuestionReport {
  const { record } = outcome;
  const misses = outcome.predictive.filter((b) => b.miss);
  const answer =
    outcome.marginals.map((m, a) => marginalWords(m, { ess: outcome.final.ess, integer: outcome.record.parameters[a]?.integer })).join('; ') +
    '. ' +
    (outcome.predictive.length === 0
      ? 'The posterior predictive check was not made (the calibration was stopped before it): these values are not checked against the data.'
      : misses.length === 0
      ? `Waves simulated from the posterior cover all ${outcome.predictive.length} data points (95 % bands).`
      : predictiveFails(outcome.predictive)
        ? `Warning: ${missWords(misses)}`
        : `${misses.length} of ${outcome.predictive.length} data points fall outside their 95 % band, no more than chance would put there.`);
  return {
    title: `Calibration of ${record.scenario} to ${record.data.file}`,
    answer,
    sections: [
      {
        heading: 'Posterior',
        table: {
          header: ['parameter', 'prior (uniform)', 'median', 'mean', '90 % CI', 'CI width / prior width'],
          rows: outcome.marginals.map((m) => [m.field, `${plain(m.prior[0])}–${plain(m.prior[1])}`, plain(m.median), plain(m.mean), `${plain(m.low)}–${plain(m.high)}`, m.narrowing.toFixed(2)]),
        },
      },
      {
        heading: 'Generations',
        paragraphs: [
          (record.options.distance === 'adaptive'
            ? 'ε: the distance within which simulated waves counted as matching the data (each statistic in units of its spread over the last generation). '
            : 'ε: the distance within which simulated waves counted as matching the data (each parameter\'s regression on the statistics, in units of the parameter\'s spread over the last generation). ') +
            'Acceptance: particles kept per candidate simulated. ESS: effective sample size of the weighted particles.',
        ],
        table: {
          header: ['generation', 'ε', 'acceptance', 'ESS', 'simulations', 'seconds'],
          rows: record.generations.map((g) => [String(g.index), Number.isFinite(g.epsilon) ? g.epsilon.toFixed(3) : '∞ (prior)', `${(100 * g.acceptanceRate).toFixed(1)} %`, g.ess.toFixed(0), String(g.simulations), g.seconds.toFixed(1)]),
        },
      },
      {
        heading: 'Posterior predictive',
        table: {
          header: ['month', 'measure', 'data', 'simulated median', '95 % band', 'fit'],
          rows: outcome.predictive.map((b) => [String(b.month), b.measure, plain(b.observed), plain(b.median), `${plain(b.low)}–${plain(b.high)}`, b.miss ? 'MISS' : 'ok']),
        },
      },
      {
        heading: 'How this was computed',
        paragraphs: [
          `ABC-SMC (Beaumont et al. 2009; Del Moral et al. 2012; as in pyabc): ${record.options.particles} particles, up to ${record.options.generations} generations, ` +
            `${record.options.repsPerParticle} run${record.options.repsPerParticle === 1 ? '' : 's'} per particle, master seed ${record.options.seed}. ` +
            'Summary statistics: the wave means of the measures in the data; ' +
            (record.options.distance === 'adaptive'
              ? 'distance (adaptive): 2-norm with each statistic divided by its median absolute deviation, re-estimated each generation; '
              : 'distance (regression; Fearnhead & Prangle 2012): 2-norm over each parameter\'s least-squares prediction from the statistics, in units of the parameter\'s spread, refitted to each generation\'s simulations; ') +
            'ε: the weighted median of the previous generation\'s distances; moves: multivariate normal with half the weighted particle covariance, one in ten with twice it (a defensive mixture); importance weights prior / Σ w·K. ' +
            `${record.simulationsUsed} simulations in ${record.wallSeconds.toFixed(0)} s. See docs/CALIBRATE.md for what the data can and cannot tell apart.`,
          ...outcome.warnings.map((w) => `Warning: ${w}`),
        ],
      },
    ],
    charts: calibrationCharts(outcome, record.parameters),
    provenance,
    json: { posterior: outcome.marginals, predictive: outcome.predictive },
    jsonName: 'report.json',
  };
}
