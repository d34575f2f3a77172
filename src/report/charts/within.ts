/**
 * The within design's own pictures (runs of `compare --within`): recipients' outcomes by their
 * unit's assigned length, one value per run and arm (box and dots, as the distributions chart),
 * and what a study of the study's design would see (its observation, power and false alarms). The
 * policy design's charts by length do not apply: each run is one organization with the lengths
 * mixed inside it.
 */
import { caption, chartTitle } from '../messages.js';
import type { ReportModel } from '../model.js';
import { OUTCOMES, toDisplay } from '../outcomes.js';
import { recipientsValue, snapshotsOf, STUDY_RECIPIENTS, WITHIN_OUTCOMES, type WithinAnalysis, type WithinOutcome } from '../within.js';
import { boxLayers, boxRow, jitter, LENGTH_COLORS, lengthColor, lengthLabel, r4, top, type Chart } from './common.js';
import { MAX_DOTS } from './distributions.js';

const DOT_SPREAD = 0.25;

function outcomeTitle(key: WithinOutcome): string {
  return `${OUTCOMES[key].label} (${OUTCOMES[key].unit})`;
}

/** Per run and arm, the recipients' value at the horizon: a box per arm and the first MAX_DOTS runs as dots. */
function recipientsChart(model: ReportModel, within: WithinAnalysis): Chart {
  const rows: Record<string, string | number>[] = [];
  within.lengths.forEach((length, index) => {
    for (const key of WITHIN_OUTCOMES) {
      const values: { replicate: number; id: number; value: number }[] = [];
      for (const run of model.runs) {
        const value = recipientsValue(snapshotsOf(run, length, 'horizon'), key);
        if (value !== null) values.push({ replicate: run.replicate, id: run.id, value: toDisplay(OUTCOMES[key], value) });
      }
      if (values.length === 0) continue;
      const sorted = values.map((v) => v.value).sort((a, b) => a - b);
      const common = { outcome: outcomeTitle(key), lengthLabel: lengthLabel(length) };
      rows.push({
        kind: 'box',
        ...common,
        ...boxRow(sorted, index),
      });
      for (const v of values.slice(0, MAX_DOTS)) {
        rows.push({ kind: 'run', ...common, at: r4(index + jitter(v.id) * 2 * DOT_SPREAD), value: r4(v.value), replicate: v.replicate });
      }
    }
  });
  const color = { ...lengthColor(model), legend: null };
  const labels = JSON.stringify(within.lengths.map((length) => String(Number(length.toFixed(2)))));
  const x = {
    field: 'at',
    type: 'quantitative' as const,
    title: "Unit's engagement (months)",
    scale: { domain: [-0.6, within.lengths.length - 0.4], nice: false, zero: false },
    axis: { values: within.lengths.map((_, i) => i), labelExpr: `${labels}[datum.value]`, grid: false },
  };
  return {
    id: 'within-recipients',
    title: chartTitle.withinRecipients,
    caption: caption.withinRecipients(model.runs.length > MAX_DOTS ? MAX_DOTS : null),
    spec: {
      ...top(chartTitle.withinRecipients),
      data: { values: rows },
      facet: { field: 'outcome', type: 'nominal', title: null, sort: WITHIN_OUTCOMES.map(outcomeTitle) },
      columns: 3,
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: Math.max(150, Math.min(230, 60 * within.lengths.length)),
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
              tooltip: [
                { field: 'lengthLabel', title: 'engagement' },
                { field: 'replicate', title: 'replicate' },
                { field: 'value', title: 'recipients', format: '.2f' },
              ],
            },
          },
        ],
      },
    },
  };
}

/** The four shares a study of the study's design gives (src/report/within.ts, StudyDesignPower). */
const STUDY_MEASURES = [
  { key: 'showShare', label: 'All 13 reached applying (the study’s observation)' },
  { key: 'showShareNoDifference', label: '… if length made no difference' },
  { key: 'power', label: 'Test detects a difference (power, α = 0.05)' },
  { key: 'falseAlarm', label: 'Test fires with no true difference (false alarm)' },
] as const;

/** What a study of the study's design would see, per length against the reference (shares in %). */
function studyChart(model: ReportModel, within: WithinAnalysis): Chart {
  const rows = within.study
    .filter((p) => p.comparable > 0)
    .flatMap((p) =>
      STUDY_MEASURES.map((m) => ({
        measure: m.label,
        lengthLabel: lengthLabel(p.length),
        share: r4(p[m.key] * 100),
        comparable: p.comparable,
        studies: p.studies,
      })),
    );
  // Colours as elsewhere in the report; the legend lists only the lengths compared with the reference.
  const compared = within.lengths.filter((length) => length !== within.reference);
  const color = {
    field: 'lengthLabel',
    type: 'nominal' as const,
    title: `Engagement (vs ${lengthLabel(within.reference)})`,
    sort: compared.map(lengthLabel),
    scale: { domain: compared.map(lengthLabel), range: compared.map((length) => LENGTH_COLORS[model.lengths.indexOf(length) % LENGTH_COLORS.length]) },
    legend: { titleLimit: 320 },
  };
  return {
    id: 'within-study',
    title: chartTitle.withinStudy,
    caption: caption.withinStudy(STUDY_RECIPIENTS, within.reference),
    spec: {
      ...top(chartTitle.withinStudy),
      data: { values: rows },
      width: 420,
      height: { step: 16 },
      encoding: {
        y: { field: 'measure', type: 'nominal', title: null, sort: STUDY_MEASURES.map((m) => m.label), axis: { labelLimit: 320 } },
        yOffset: { field: 'lengthLabel', sort: compared.map(lengthLabel) },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            x: { field: 'share', type: 'quantitative', title: `Studies of ${STUDY_RECIPIENTS} team members (%)`, scale: { domain: [0, 108] }, axis: { values: [0, 20, 40, 60, 80, 100] } },
            color,
            tooltip: [
              { field: 'measure' },
              { field: 'lengthLabel', title: 'engagement' },
              { field: 'share', title: '% of draws', format: '.1f' },
              { field: 'comparable', title: 'draws with both lengths' },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
          encoding: { x: { field: 'share', type: 'quantitative' }, text: { field: 'share', format: '.0f' } },
        },
      ],
    },
  };
}

export function withinCharts(model: ReportModel): Chart[] {
  const within = model.within;
  if (!within) return [];
  return [recipientsChart(model, within), studyChart(model, within)];
}
