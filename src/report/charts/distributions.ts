/**
 * Distributions of final outcomes by engagement length: a box (quartiles, median, min–max) from
 * every run, with runs drawn as jittered dots (at most MAX_DOTS per length, so a 1,000-run report
 * stays light).
 */
import { caption, chartTitle } from '../captions.js';
import type { ReportModel } from '../model.js';
import { OUTCOME_KEYS, OUTCOMES, outcomeValue, toDisplay } from '../outcomes.js';
import { boxLayers, boxRow, jitter, lengthColor, lengthLabel, r4, top, type Chart } from './common.js';

export const MAX_DOTS = 60;
const DOT_SPREAD = 0.25;

export function outcomeTitle(key: (typeof OUTCOME_KEYS)[number]): string {
  const outcome = OUTCOMES[key];
  return `${outcome.label} (${outcome.unit})`;
}

export function distributions(model: ReportModel): Chart[] {
  const rows: Record<string, string | number>[] = [];
  const largest = Math.max(...model.groups.map((g) => g.runs.length));
  model.groups.forEach((group, index) => {
    const months = Number(group.length.toFixed(2));
    for (const key of OUTCOME_KEYS) {
      const outcome = OUTCOMES[key];
      const values = group.runs.map((run) => {
        const { value, censored } = outcomeValue(run, outcome, run.series.month[run.series.month.length - 1]);
        return { run, value: toDisplay(outcome, value), censored };
      });
      const sorted = values.map((v) => v.value).sort((a, b) => a - b);
      rows.push({
        kind: 'box',
        outcome: outcomeTitle(key),
        lengthLabel: lengthLabel(group.length),
        months,
        at: index,
        ...boxRow(sorted, index),
      });
      for (const { run, value, censored } of values.slice(0, MAX_DOTS)) {
        rows.push({
          kind: 'run',
          outcome: outcomeTitle(key),
          lengthLabel: lengthLabel(group.length),
          months,
          at: r4(index + jitter(run.id) * 2 * DOT_SPREAD),
          value: r4(value),
          censored: censored ? 'never reached 50 %' : 'observed',
          replicate: run.replicate,
        });
      }
    }
  });
  const color = { ...lengthColor(model), legend: null };
  const width = Math.max(150, Math.min(230, 60 * model.lengths.length));
  // One slot per length on a quantitative axis, labelled with the months: boxes, whiskers and dots share it exactly.
  const labels = JSON.stringify(model.lengths.map((length) => String(Number(length.toFixed(2)))));
  const x = {
    field: 'at',
    type: 'quantitative' as const,
    title: 'Engagement (months)',
    scale: { domain: [-0.6, model.lengths.length - 0.4], nice: false, zero: false },
    axis: { values: model.lengths.map((_, i) => i), labelExpr: `${labels}[datum.value]`, grid: false },
  };
  return [
    {
      id: 'distributions',
      title: chartTitle.distributions,
      caption: caption.distributions(largest > MAX_DOTS ? MAX_DOTS : null),
      spec: {
        ...top(chartTitle.distributions),
        data: { values: rows },
        facet: { field: 'outcome', type: 'nominal', title: null, sort: OUTCOME_KEYS.map(outcomeTitle) },
        columns: 3,
        resolve: { scale: { y: 'independent' } },
        spec: {
          width,
          height: 180,
          encoding: { x },
          layer: [

            ...boxLayers(color),
            {
              transform: [{ filter: "datum.kind === 'run'" }],
              mark: { type: 'point', filled: true, size: 14, opacity: 0.7 },
              encoding: {
                y: { field: 'value', type: 'quantitative' },
                color,
                shape: {
                  field: 'censored',
                  type: 'nominal',
                  title: 'Time to 50 %',
                  scale: { domain: ['observed', 'never reached 50 %'], range: ['circle', 'triangle-up'] },
                },
                tooltip: [
                  { field: 'lengthLabel', title: 'engagement' },
                  { field: 'replicate', title: 'replicate' },
                  { field: 'value', title: 'value', format: '.2f' },
                ],
              },
            },
          ],
        },
      },
    },
  ];
}
