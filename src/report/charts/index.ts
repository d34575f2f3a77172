/** The report's charts, in page order. Each module: ReportModel → Chart[] (empty when it does not apply). */
import { adoptionCurves } from './adoption-curves.js';
import type { Chart, ChartBuilder } from './common.js';
import { distributions } from './distributions.js';
import { factorEffects } from './factor-effects.js';
import { forest } from './forest.js';
import { heatmap } from './heatmap.js';
import { ispDemand } from './isp-demand.js';
import { pathway } from './pathway.js';
import { rings } from './rings.js';
import { withinCharts } from './within.js';
import type { ReportModel } from '../model.js';

export const CHART_BUILDERS: readonly ChartBuilder[] = [
  forest, // the verdict's picture first
  adoptionCurves,
  distributions,
  pathway,
  rings,
  ispDemand,
  factorEffects,
  heatmap,
];

export function buildCharts(model: ReportModel): Chart[] {
  // A within design has one organization per run with the lengths mixed inside it: the charts by
  // length would show one curve under the scenario's unused lengthMonths, so the forest
  // (recipients' differences) and the within design's own charts are drawn instead.
  if (model.within) return [...forest(model), ...withinCharts(model)];
  return CHART_BUILDERS.flatMap((build) => build(model));
}

export { type Chart, type ChartBuilder, CONFIG, FONT } from './common.js';
