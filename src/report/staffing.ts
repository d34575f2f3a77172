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
  };
}
