/**
 * Rows shared by index.html and summary.md: the headline table, the methods facts and the
 * provenance list, so both files state the same numbers in the same words.
 */
import { conditionText, fixed, interval, months, signedDifference, studyPowerSentence, value, type MethodsFacts } from './messages.js';
import type { Comparison, ReportModel } from './model.js';
import { HEADLINE_OUTCOME, OUTCOMES } from './outcomes.js';
import type { ComparisonVerdict } from './model.js';
import { mean as meanOf } from '../stats/index.js';

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
    const mean = meanOf(group.runs.map((run) => run.summary.finalAdoption));
    if (!comparison) return { length: `${months(group.length)} (reference)`, mean: value(outcome, mean), difference: '—', effect: '—', comparison };
    return {
      length: months(group.length),
      mean: value(outcome, mean),
      difference: comparison.verdict === 'not-assessed' ? 'not assessed' : `${signedDifference(outcome, comparison.estimate)} (${interval(outcome, comparison.ci95)})`,
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
    withinFollowUpMonths: model.within ? model.within.followUpMonths : null,
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

/** A table as header + rows of text, with each row's verdict (for colouring) when it has one. */
export interface TextTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly cells: readonly string[]; readonly verdict: ComparisonVerdict | null }[];
}

/** The within design's comparisons: every outcome, at the horizon and at equal time since the start. */
export function withinTable(model: ReportModel): TextTable | null {
  const within = model.within;
  if (!within) return null;
  const when = (timing: string) => (timing === 'horizon' ? `after ${model.months} months` : `${within.followUpMonths} months after start`);
  return {
    header: ['Outcome', 'When', 'Length', 'Recipients’ mean', `Mean at ${months(within.reference)}`, 'Difference (95 % CI)', "Hedges' g", 'Runs', 'Verdict'],
    rows: within.comparisons.map((c) => {
      const outcome = OUTCOMES[c.outcome];
      const shown = Number.isFinite(c.estimate);
      return {
        cells: [
          outcome.label,
          when(c.timing),
          months(c.length),
          shown ? value(outcome, c.meanLength) : '—',
          shown ? value(outcome, c.meanReference) : '—',
          shown ? `${signedDifference(outcome, c.estimate)} (${interval(outcome, c.ci95)})` : '—',
          c.effectSize === null ? '—' : fixed(c.effectSize, 2),
          String(c.n),
          c.words,
        ],
        verdict: c.verdict,
      };
    }),
  };
}

/** The arms of the within design: units and recipients per run, by length. */
export function armsTable(model: ReportModel): TextTable | null {
  const within = model.within;
  if (!within) return null;
  return {
    header: ['Length', 'Engaged units per run (mean)', 'Recipients per run (mean)'],
    rows: within.arms.map((arm) => ({ cells: [months(arm.length), fixed(arm.units, 1), fixed(arm.recipients, 1)], verdict: null })),
  };
}

/** The study of the study's design: one sentence per length compared with the reference. */
export function powerSentences(model: ReportModel): string[] {
  return (model.within?.study ?? []).map((p) => studyPowerSentence(p));
}

/** "Does it hold?": final adoption against the reference in each condition of the grid. */
export function robustnessTable(model: ReportModel): TextTable | null {
  if (model.robustness.length === 0) return null;
  const outcome = OUTCOMES[HEADLINE_OUTCOME];
  return {
    header: ['Condition', 'Length', `Difference vs ${months(model.reference)} (95 % CI)`, "Hedges' g", 'Replicates', 'Verdict'],
    rows: model.robustness.map((r) => ({
      cells: [
        conditionText(r.factor, r.value),
        months(r.length),
        `${signedDifference(outcome, r.difference)} (${interval(outcome, { low: r.ciLow, high: r.ciHigh })})`,
        r.effectSize === null ? '—' : fixed(r.effectSize, 2),
        String(r.replicates),
        r.words + (r.materiallyDifferent ? ' — more than the margin' : ''),
      ],
      verdict: r.verdict,
    })),
  };
}
