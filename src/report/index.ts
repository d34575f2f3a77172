/**
 * src/report — from a results directory to a report a researcher can hand on:
 *
 *   load → aggregate (analysis.ts: groups, paired bootstrap, TOST, bands, patterns)
 *        → specs (charts/*.ts: one typed Vega-Lite spec per chart)
 *        → render (render.ts: Vega-Lite → Vega → SVG, PNG via resvg)
 *        → assemble (html.ts, summary.ts, report.json) → write (write.ts: staged, renamed into place)
 *
 * Imports: src/sweep (results contract, statistics), src/scenarios; types only from src/sim.
 */
import { resolve } from 'node:path';
import { analyseDirectory } from './analysis.js';
import { buildCharts, type Chart } from './charts/index.js';
import { renderHtml } from './html.js';
import type { ReportModel, ReportOptions } from './model.js';
import { toPng, toSvg, toVega, withSvgProvenance } from './render.js';
import { renderSummary } from './summary.js';
import { provenanceLine } from './tables.js';
import { writeReportFiles } from './write.js';

export interface ReportResult {
  /** the output directory (absolute) */
  readonly dir: string;
  readonly index: string;
  readonly summary: string;
  /** the headline verdict, one sentence */
  readonly headline: string;
  readonly pattern2: string;
  readonly charts: readonly string[];
  /** vega-lite warnings while compiling the charts (empty for a healthy report) */
  readonly warnings: readonly string[];
  readonly model: ReportModel;
}

/** The spec as exported to SVG/PNG: the chart carries its provenance as a subtitle. */
function exportSpec(chart: Chart, model: ReportModel): Chart['spec'] {
  const title = chart.spec.title;
  const text = typeof title === 'object' && title !== null && 'text' in title ? title.text : chart.title;
  return { ...chart.spec, title: { text, subtitle: provenanceLine(model) } } as Chart['spec'];
}

function reportJson(model: ReportModel, charts: readonly Chart[]): string {
  const { provenance, headline, comparisons, halfRises, rings, lengths, reference, marginFraction, resamples, paired, notes, within } = model;
  const groups = model.groups.map((g) => ({ length: g.length, runs: g.runs.length }));
  const robustness = model.robustness.map(({ factor, value, length, reference: ref, difference, ciLow, ciHigh, verdict, effectSize, materiallyDifferent, replicates }) => ({
    factor,
    value,
    length,
    reference: ref,
    difference,
    ciLow,
    ciHigh,
    verdict,
    effectSize,
    materiallyDifferent,
    replicates,
  }));
  return (
    JSON.stringify(
      {
        provenance,
        headline,
        margin: marginFraction,
        reference,
        lengths,
        paired,
        resamples,
        groups,
        comparisons,
        halfRises,
        rings,
        notes,
        ...(within ? { within } : {}),
        robustness,
        ...(model.structural
          ? {
              structural: model.structural.entries.map(({ name, label, weight, difference, low, high, verdict, sentence }) => ({ name, label, weight, difference, low, high, verdict, sentence })),
              structuralAverage: model.structural.averaged,
              structuralDisagree: model.structural.disagree,
              structuralContrast: model.structural.contrast,
              structuralWeights: model.structural.weightsFrom,
            }
          : {}),
        charts: charts.map((c) => ({ id: c.id, title: c.title, caption: c.caption })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Build the report for a results directory (default output: the directory itself). */
export async function buildReport(dir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const model = await analyseDirectory(dir, options);
  const charts = buildCharts(model);
  const files = new Map<string, string | Buffer>();
  const warnings: string[] = [];
  for (const chart of charts) {
    const exported = toVega(exportSpec(chart, model));
    warnings.push(...exported.warnings.map((w) => `${chart.id}: ${w}`));
    const svg = withSvgProvenance(await toSvg(exported.vega), chart.title, chart.caption, model.provenance);
    files.set(`charts/${chart.id}.svg`, svg);
    files.set(`charts/${chart.id}.vl.json`, JSON.stringify({ ...chart.spec, usermeta: { provenance: model.provenance } }, null, 2) + '\n');
    if (options.png) files.set(`charts/${chart.id}.png`, toPng(svg, model.provenance));
  }
  files.set('report.json', reportJson(model, charts));
  files.set('summary.md', renderSummary(model));
  files.set('index.html', renderHtml(model, charts));
  const out = resolve(options.out ?? dir);
  writeReportFiles(out, files);
  return {
    dir: out,
    index: resolve(out, 'index.html'),
    summary: resolve(out, 'summary.md'),
    headline: model.headline.sentence,
    pattern2: model.headline.pattern2.sentence,
    charts: charts.map((c) => c.id),
    warnings,
    model,
  };
}

export { analyse, analyseDirectory, DEFAULT_MARGIN_PP, DEFAULT_REFERENCE_MONTHS } from './analysis.js';
export { loadResults, NULL_RINGS_FILE, type NullRings, type Results } from './load.js';
export type { ReportModel, ReportOptions, Comparison, Headline } from './model.js';
// Verdicts as data and in plain language, for staffing, the explorer and briefs (summary.md keeps the research register).
export { verdictOf, notabilityOf, NOTABLE_EFFECT_SIZE, type LengthVerdict, type Notable } from './verdict.js';
export { plainVerdict, plainSentence } from './plain-words.js';
