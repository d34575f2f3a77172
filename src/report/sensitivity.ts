/**
 * The sensitivity report: the answer ("what drives each outcome"), one ranking table per output,
 * the method, the factors left out, and the charts (src/report/charts/sensitivity-*.ts).
 */
import type { SensitivityAnalysis } from '../sweep/sensitivity/index.js';
import { headline, methodWords, noiseWords, outputLabel, outputMeaning, rankingTable } from '../sweep/sensitivity/index.js';
import { morrisCharts } from './charts/sensitivity-morris.js';
import { sobolCharts } from './charts/sensitivity-sobol.js';
import type { QuestionProvenance, QuestionReport } from './figures.js';

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function sensitivityReport(analysis: SensitivityAnalysis, provenance: QuestionProvenance): QuestionReport {
  const charts = [...sobolCharts(analysis), ...morrisCharts(analysis)];
  const sections: QuestionReport['sections'][number][] = analysis.outputs.map((output) => ({
    heading: outputLabel(output.output, analysis),
    paragraphs: [
      `${capitalize(outputMeaning(output.output, analysis))}. Across the design points: mean ${(output.mean * 100).toFixed(1)} %, sd ${(output.sd * 100).toFixed(1)} pp.`,
      noiseWords(output, analysis),
    ],
    table: rankingTable(output, analysis),
  }));
  sections.push({ heading: 'Method', paragraphs: [methodWords(analysis)] });
  if (analysis.leftOut.length > 0) {
    sections.push({
      heading: 'Assumptions left out',
      paragraphs: [
        'Their documented range (set for the foundation) does not hold this scenario\'s value, so they keep the scenario\'s value; name them in --factors with a range (path=low:high) to include them.',
      ],
      table: { header: ['field', 'scenario value', 'documented range'], rows: analysis.leftOut.map((f) => [f.path, String(f.value), `${f.low}–${f.high}`]) },
    });
  }
  return {
    title: `Which assumptions drive the results? ${analysis.scenario}, ${analysis.method === 'sobol' ? "Sobol' indices" : 'Morris screening'}`,
    answer: analysis.outputs.map((output) => headline(output, analysis)).join(' '),
    sections,
    charts,
    provenance,
    json: { analysis },
    jsonName: 'sensitivity.json',
  };
}
