/**
 * Rows shared by index.html and summary.md: the headline table, the methods facts and the
 * provenance list, so both files state the same numbers in the same words.
 */
import { fixed, interval, months, signedDifference, value, type MethodsFacts } from './messages.js';
import type { Comparison, ReportModel } from './model.js';
import { HEADLINE_OUTCOME, OUTCOMES } from './outcomes.js';

export interface HeadlineRow {
  readonly length: string;
  readonly mean: string;
  readonly difference: string;
  readonly effect: string;
  /** null for the reference row */
  readonly comparison: Comparison | null;
}

export function headlineRows(model: ReportModel): HeadlineRow[] {
  if (!model.comparesLengths) return [];
  const outcome = OUTCOMES[HEADLINE_OUTCOME];
  return model.groups.map((group) => {
    const comparison = model.comparisons.find((c) => c.outcome === HEADLINE_OUTCOME && c.length === group.length) ?? null;
    const mean = group.runs.reduce((sum, run) => sum + run.summary.finalAdoption, 0) / group.runs.length;
    if (!comparison) return { length: `${months(group.length)} (reference)`, mean: value(outcome, mean), difference: '—', effect: '—', comparison };
    return {
      length: months(group.length),
      mean: value(outcome, mean),
      difference: `${signedDifference(outcome, comparison.estimate)} (${interval(outcome, comparison.ci95)})`,
      effect: comparison.effectSize === null ? '—' : fixed(comparison.effectSize, 2),
      comparison,
    };
  });
}

export function methodsFacts(model: ReportModel): MethodsFacts {
  const p = model.provenance;
  return {
    scenario: p.scenarioName,
    runs: p.runs,
    lengths: model.lengths,
    replicates: p.replicates,
    horizon: model.months,
    reference: model.reference,
    paired: model.paired,
    seeds: p.seeds,
    masterSeed: p.masterSeed,
    resamples: model.resamples,
    marginPp: model.marginFraction * 100,
    otherFactors: model.otherFactors.map((f) => f.name),
    parameterDraws: p.parameterDraws,
  };
}

function factorsText(factors: Readonly<Record<string, readonly unknown[]>>): string {
  const entries = Object.entries(factors);
  if (entries.length === 0) return 'none';
  return entries.map(([name, values]) => `${name} = ${values.map(String).join(', ')}`).join('; ');
}

/** Provenance as (label, text) pairs. */
export function provenanceRows(model: ReportModel): [string, string][] {
  const p = model.provenance;
  return [
    ['Tool', `Concentric ${p.version} (report format ${p.reportVersion})`],
    ['Scenario', `${p.scenarioName} (base ${p.base}${p.overrides.length > 0 ? `, with ${p.overrides.join(', ')}` : ''}); the resolved scenario is recorded below and in report.json`],
    ['Design', `${p.sweepKind} "${p.sweepName}": ${p.design}, ${p.points} design points × ${p.replicates} replicates`],
    ['Factors', factorsText(p.factors)],
    ['Seeds', `${p.seeds === 'common' ? 'common random numbers' : 'independent'}, master seed ${p.masterSeed}`],
    ['Runs', `${p.runs} finished${p.failed > 0 ? `, ${p.failed} failed` : ''}`],
    ['Sweep hash', p.sweepHash],
    ['Results written', p.resultsCreatedAt],
    ['Report built', p.reportCreatedAt],
    ['Results directory', p.resultsDir],
  ];
}

/** One line for the foot of each exported chart. */
export function provenanceLine(model: ReportModel): string {
  const p = model.provenance;
  return (
    `Concentric ${p.version} · ${p.scenarioName} · ${model.lengths.length} lengths × ${p.replicates} replicates · ` +
    `seeds ${p.seeds} (master ${p.masterSeed}) · results ${p.resultsCreatedAt.slice(0, 10)}`
  );
}
