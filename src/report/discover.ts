/**
 * The discovery report: the answer in words, the boxes (a table per box: each restriction with its
 * quasi-p, the box on the training and the held-out half), the peeling trajectory, how it was
 * computed, and the charts (src/report/charts/discover.ts). Written with writeQuestionReport as
 * index.html, summary.md, discover.json and charts/.
 */
import type { Discovery, DiscoverAnalysis, DiscoveredBox } from '../discover/index.js';
import { answerWords, boxWords, caseWords, methodWords, percent, restrictionWords, shortNumber, weakWords } from '../discover/index.js';
import { discoverCharts } from './charts/discover.js';
import type { QuestionProvenance, QuestionReport } from './figures.js';

const BOX_HEADER = ['', 'cases', 'of interest', 'coverage', 'density', 'mass'];

function boxTable(box: DiscoveredBox): { header: readonly string[]; rows: string[][] } {
  const row = (label: string, m: { n: number; interest: number; coverage: number; density: number; mass: number }) => [label, String(m.n), String(m.interest), percent(m.coverage), percent(m.density), percent(m.mass)];
  return { header: BOX_HEADER, rows: [row('training half', box), row('held-out half', box.test)] };
}

function trajectoryTable(analysis: DiscoverAnalysis, box: DiscoveredBox): { header: readonly string[]; rows: string[][] } {
  return {
    header: ['step', 'restricted', 'coverage', 'density', 'mass', 'conditions'],
    rows: box.trajectory.map((point) => [
      `${point.step}${point.step === box.chosenStep ? ' ◀' : ''}`,
      String(point.dimensions),
      percent(point.coverage),
      percent(point.density),
      percent(point.mass),
      point.restrictions.map((r) => restrictionWords(r, analysis.factors)).join('; ') || 'none',
    ]),
  };
}

export function discoverReport(discovery: Discovery, provenance: QuestionProvenance): QuestionReport {
  const { analysis, points } = discovery;
  const sections: QuestionReport['sections'][number][] = [];
  analysis.boxes.forEach((box, b) => {
    if (box.restrictions.length === 0) return;
    const weak = weakWords(box);
    const means =
      box.meanInside !== null && box.meanOutside !== null
        ? `Mean ${analysis.question.kind === 'contrast' ? 'difference' : analysis.question.outcome} on the training half: ${shortNumber(box.meanInside)} inside the box, ${shortNumber(box.meanOutside)} outside.`
        : undefined;
    sections.push({
      heading: `Box ${b + 1}${b > 0 ? ' (among the cases outside the boxes before it)' : ''}`,
      paragraphs: [
        boxWords(analysis, box),
        `Restrictions: ${box.restrictions.map((r) => `${restrictionWords(r, analysis.factors)} (quasi-p ${shortNumber(r.quasiP)})`).join('; ')}.`,
        ...(means ? [means] : []),
        ...(weak ? [weak] : []),
        `Chosen at peeling step ${box.chosenStep} of ${box.trajectory.length - 1}${box.pastes > 0 ? `, widened by ${box.pastes} paste${box.pastes === 1 ? '' : 's'}` : ''}.`,
      ],
      table: boxTable(box),
    });
  });
  if (analysis.boxes[0]) {
    sections.push({
      heading: 'Peeling trajectory of box 1',
      paragraphs: ['Each step removes a slice of cases along one factor; read down for smaller, denser boxes. ◀ marks the box chosen (before pasting).'],
      table: trajectoryTable(analysis, analysis.boxes[0]),
    });
  }
  sections.push({ heading: 'How this was computed', paragraphs: [methodWords(analysis)] });
  return {
    title: `When does it hold? ${caseWords(analysis.question)}`,
    answer: answerWords(analysis),
    sections,
    charts: discoverCharts(analysis, points),
    provenance,
    json: analysis,
    jsonName: 'discover.json',
  };
}
