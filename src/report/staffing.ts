/**
 * The staffing report: the answer per setting first, a table per setting, how it was computed,
 * and the charts (src/report/charts/staffing.ts).
 */
import type { StaffingAnalysis } from '../sweep/staffing/index.js';
import { answerWords, breakWords, settingWords, staffingMethodWords, TEAM_HEADER, teamRows } from '../sweep/staffing/index.js';
import { staffingCharts } from './charts/staffing.js';
import type { QuestionProvenance, QuestionReport } from './figures.js';

/** The analysis as plain JSON (per-replicate arrays left out). */
export function staffingJson(analysis: StaffingAnalysis): unknown {
  return {
    ...analysis,
    answers: analysis.answers.map((answer) => ({
      ...answer,
      smallest: answer.smallest?.isps ?? null,
      closest: answer.closest?.isps ?? null,
      teams: answer.teams.map(({ censoredByReplicate: _, ...team }) => team),
    })),
  };
}

/** A CSV cell: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const STAFFING_CSV = 'staffing.csv';

/**
 * The answer table for a spreadsheet: one row per team and setting (engagement length, hours,
 * co-leads, first units when they vary), the share of runs reaching the target with its 95 % CI,
 * and the costs; `answer` marks the smallest team that reaches it (or the closest when none does).
 */
export function staffingCsv(analysis: StaffingAnalysis): string {
  const settingPaths = [...new Set(analysis.answers.flatMap((answer) => Object.keys(answer.setting)))];
  const header = [
    ...settingPaths,
    'isps',
    'at_once',
    'runs',
    'reached',
    'reach_share',
    'reach_ci_low',
    'reach_ci_high',
    'mean_applying_at_month',
    'median_month_reached',
    'mean_waiting',
    'mean_peak_waiting',
    'isp_hours_per_adopter',
    'answer',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const answer of analysis.answers) {
    for (const team of answer.teams) {
      const mark = answer.smallest === team ? 'smallest reaching target' : answer.closest === team ? 'closest (none reaches it)' : '';
      const share = team.runs > 0 ? team.probability : null;
      lines.push(
        [
          ...settingPaths.map((path) => (answer.setting[path] === undefined ? '' : String(answer.setting[path]))),
          team.isps,
          team.capacity,
          team.runs,
          team.reached,
          share?.share,
          share?.low,
          share?.high,
          team.adoption?.mean,
          team.monthReached?.median,
          team.waiting?.mean,
          team.peakWaiting?.mean,
          team.hoursPerAdopter?.mean,
          mark,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}

export function staffingReport(analysis: StaffingAnalysis, provenance: QuestionProvenance): QuestionReport {
  const sections: QuestionReport['sections'][number][] = analysis.answers.map((answer) => {
    const note = breakWords(answer);
    return {
      heading: `Teams ${settingWords(answer.setting) || 'in this scenario'}`.trim(),
      paragraphs: [answerWords(answer, analysis), ...(note ? [note] : [])],
      table: { header: TEAM_HEADER, rows: teamRows(answer) },
    };
  });
  sections.push({ heading: 'How this was computed', paragraphs: [staffingMethodWords(analysis)] });
  return {
    title: `How many ISPs? ${analysis.scenario}: ${Math.round(analysis.target * 100)} % applying by month ${analysis.byMonth}`,
    answer: analysis.answers.map((answer) => answerWords(answer, analysis)).join(' '),
    sections,
    charts: staffingCharts(analysis),
    provenance,
    json: { analysis: staffingJson(analysis) },
    jsonName: 'staffing.json',
    extraFiles: new Map([[STAFFING_CSV, staffingCsv(analysis)]]),
  };
}
