/**
 * The run outcomes a sweep can be asked about: the numeric fields of RunSummary. Sweep files name
 * them under `metrics:`; aggregation and exports use this list so they stay in step with the model.
 */
import type { RunSummary } from '../sim/index.js';

/** Numeric summary fields (the nested per-disposition outcomes are exported, not aggregated). */
export const SUMMARY_METRICS = [
  'finalAdoption',
  'everAdopted',
  'sustainedCapacity',
  'timeTo25',
  'timeTo50',
  'timeTo75',
  'ringCorrelation',
  'finalAim',
  'finalIam',
  'finalFim',
  'finalTrust',
  'finalCredibility',
  'ispHours',
  'ispHoursPerAdopter',
  'requests',
  'engagementsStarted',
  'peakWaiting',
] as const satisfies readonly (keyof RunSummary)[];
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

/** The study's headline outcomes: what `compare` prints and a sweep reports by default. */
export const HEADLINE_METRICS = [
  'finalAdoption',
  'sustainedCapacity',
  'timeTo50',
  'finalAim',
  'finalIam',
  'finalFim',
] as const satisfies readonly SummaryMetric[];

export function isSummaryMetric(name: string): name is SummaryMetric {
  return (SUMMARY_METRICS as readonly string[]).includes(name);
}

/** The value of a metric in one run's summary (null when not reached, e.g. time to 50 %). */
export function metricValue(summary: RunSummary, metric: SummaryMetric): number | null {
  return summary[metric];
}
