/** For sweeps: each outcome against each factor (mean and 95 % CI per factor level, averaged over the others). */
import { estimate } from '../../stats/index.js';
import { caption, chartTitle } from '../captions.js';
import type { ReportModel } from '../model.js';
import { OUTCOME_KEYS, OUTCOMES, outcomeValue, toDisplay } from '../outcomes.js';
import { r4, top, type Chart } from './common.js';
import { outcomeTitle } from './distributions.js';
import { groupByLevel, levelsOf } from './levels.js';

/** At most this many factors get a chart (a sensitivity design may sweep dozens: its own report ranks them). */
export const MAX_FACTOR_CHARTS = 12;

/** Factors charted for a design, in the sweep's order: all swept factors except in a plain length comparison. */
export function sweptFactors(model: ReportModel): string[] {
  if (model.manifest.sweep.kind === 'compare' && model.otherFactors.length === 0) return [];
  return Object.keys(model.manifest.sweep.factors)
    .filter((name) => new Set(model.runs.map((run) => run.params[name])).size >= 2)
    .slice(0, MAX_FACTOR_CHARTS);
}

export function fileStem(factor: string): string {
  return factor.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function factorEffects(model: ReportModel): Chart[] {
  return sweptFactors(model).map((factor) => {
    const levels = levelsOf(factor, model.runs);
    const groups = groupByLevel(model.runs, levels);
    const rows: Record<string, string | number | boolean>[] = [];
    for (const [level, runs] of groups) {
      for (const key of OUTCOME_KEYS) {
        const outcome = OUTCOMES[key];
        const values = runs.map((run) => toDisplay(outcome, outcomeValue(run, outcome, run.series.month.length - 1).value));
        const summary = estimate(values);
        if (!summary) continue;
        rows.push({ outcome: outcomeTitle(key), level: typeof level === 'number' ? level : String(level), mean: r4(summary.mean), low: r4(summary.ciLow), high: r4(summary.ciHigh), n: summary.n });
      }
    }
    const x = levels.numeric
      ? { field: 'level', type: 'quantitative' as const, title: factor + (levels.binned ? ' (binned)' : ''), scale: { zero: false } }
      : { field: 'level', type: 'ordinal' as const, title: factor };
    return {
      id: `factor-${fileStem(factor)}`,
      title: chartTitle.factorEffects(factor),
      caption: caption.factorEffects(factor),
      spec: {
        ...top(chartTitle.factorEffects(factor)),
        data: { values: rows },
        facet: { field: 'outcome', type: 'nominal', title: null, sort: OUTCOME_KEYS.map(outcomeTitle) },
        columns: 3,
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: 200,
          height: 150,
          encoding: { x },
          layer: [
            ...(levels.numeric ? [{ mark: { type: 'line' as const, color: '#2166ac' }, encoding: { y: { field: 'mean', type: 'quantitative' as const } } }] : []),
            { mark: { type: 'rule', color: '#2166ac' }, encoding: { y: { field: 'low', type: 'quantitative', title: null, scale: { zero: false } }, y2: { field: 'high' } } },
            {
              mark: { type: 'point', filled: true, color: '#2166ac' },
              encoding: {
                y: { field: 'mean', type: 'quantitative' },
                tooltip: [
                  { field: 'level', title: factor },
                  { field: 'mean', title: 'mean', format: '.2f' },
                  { field: 'n', title: 'runs' },
                ],
              },
            },
          ],
        },
      },
    };
  });
}
