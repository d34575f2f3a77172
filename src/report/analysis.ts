/**
 * The aggregate phase: results directory → ReportModel. Groups runs by engagement length, compares
 * each length with the reference (paired by replicate under common random numbers), summarises the
 * monthly series into bands, finds half-rise times, and states the headline and the study's
 * patterns 1 and 2.
 */
import { InputError, LENGTH_FIELD } from '../scenarios/index.js';
import { estimate } from '../stats/index.js';
import { compare, groupByLength, runMonths } from './comparison.js';
import { analyseHypotheses } from './hypotheses.js';
import { analyseRobustness, loadRobustness } from './robustness.js';
import { analyseWithin, hasUnits, type WithinAnalysis } from './within.js';
import type { FactorValue } from '../sweep/types.js';
import { loadResults, type Results } from './load.js';
import { message } from './messages.js';
import {
  type BandRow,
  type Comparison,
  type HalfRise,
  type Headline,
  type LengthGroup,
  type Pattern,
  type Provenance,
  type ReportModel,
  type ReportOptions,
} from './model.js';
import { HEADLINE_OUTCOME, OUTCOME_KEYS, OUTCOMES } from './outcomes.js';
import { DEFAULT_RESAMPLES } from '../stats/index.js';
import { halfRiseMonth, isLimited, isMaterialDifference, meanPathway, orderHolds, pathwayHalfRises, pattern2Verdict, ringsAgainstNull, type RingSummary } from './patterns.js';

export const REPORT_VERSION = '1';
export const DEFAULT_MARGIN_PP = 5;
export const DEFAULT_REFERENCE_MONTHS = 12;
/** Lengths are compared pairwise when at least two of them have this many runs … */
export const MIN_RUNS_PER_LENGTH = 3;
/** … and there are no more distinct lengths than this (a continuous design is read from its factor chart). */
export const MAX_COMPARED_LENGTHS = 12;

/** Monthly series summarised into bands (mean and 95 % CI per length and month). */
export const BAND_SERIES = [
  'adoption',
  'everAdopted',
  'sustained',
  'trust',
  'affect',
  'aim',
  'iam',
  'fim',
  'knowledge',
  'ring0',
  'ring1',
  'ring2',
  'ring3',
  'credibility',
  'ispHours',
  'demand',
  'active',
  'waiting',
] as const;

/** The pathway of the study's Figure 1, in causal order. */
export const PATHWAY = ['trust', 'aim', 'iam', 'fim', 'knowledge', 'adoption', 'sustained'] as const;

export function chooseReference(lengths: readonly number[], requested: number | undefined): number {
  if (requested !== undefined) {
    if (!lengths.includes(requested)) throw new InputError(message.unknownReference(requested, lengths));
    return requested;
  }
  return lengths.includes(DEFAULT_REFERENCE_MONTHS) ? DEFAULT_REFERENCE_MONTHS : lengths[0];
}

function bandsFor(groups: readonly LengthGroup[]): BandRow[] {
  const rows: BandRow[] = [];
  for (const group of groups) {
    const months = Math.max(...group.runs.map(runMonths));
    for (const series of BAND_SERIES) {
      for (let month = 0; month <= months; month++) {
        const values = group.runs.filter((run) => month < run.series[series].length).map((run) => run.series[series][month]);
        const summary = estimate(values);
        if (!summary) continue;
        rows.push({ length: group.length, series, month, mean: summary.mean, low: summary.ciLow, high: summary.ciHigh });
      }
    }
  }
  return rows;
}

/** Half-rise month of a curve: the study patterns' one definition (src/report/patterns.ts). */
export { halfRiseMonth } from './patterns.js';

function halfRisesFor(bands: readonly BandRow[], lengths: readonly number[]): HalfRise[] {
  const rises: HalfRise[] = [];
  for (const length of lengths) {
    for (const series of PATHWAY) {
      const curve = bands.filter((row) => row.length === length && row.series === series).map((row) => row.mean);
      rises.push({ length, series, month: halfRiseMonth(curve) });
    }
  }
  return rises;
}

/** Pattern 1 on the reference length's mean curves, by the one definition in patterns.ts. */
function pattern1(groups: readonly LengthGroup[], reference: number, where?: string): Pattern {
  const group = groups.find((g) => g.length === reference);
  if (!group) return { status: 'not-assessed', sentence: message.pattern1NotAssessed(reference, where) };
  const halves = pathwayHalfRises(meanPathway(group.runs));
  if (halves.some((value) => value === null)) return { status: 'not-assessed', sentence: message.pattern1NotAssessed(reference, where) };
  const holds = orderHolds(halves);
  return {
    status: holds ? 'holds' : 'does-not-hold',
    sentence: message.pattern1(holds, reference, halves as number[], where),
  };
}

function pattern2(comparisons: readonly Comparison[], lengths: readonly number[], reference: number): Pattern {
  const crossing = comparisons.filter((c) => c.outcome === HEADLINE_OUTCOME && isLimited(c.length) !== isLimited(reference));
  if (crossing.length === 0) return { status: 'not-assessed', sentence: message.pattern2NotAssessed(lengths) };
  // The verdict is patterns.ts' (the one `validate` uses): "materially" = beyond the margin; a real
  // but smaller difference (CI excludes 0, straddles the margin) leaves it undetermined.
  const status = pattern2Verdict(crossing);
  if (status === 'does-not-hold') return { status, sentence: message.pattern2DoesNotHold(crossing.filter(isMaterialDifference)) };
  if (status === 'holds') return { status, sentence: message.pattern2Holds(crossing) };
  return { status, sentence: message.pattern2Undetermined(crossing.filter((c) => c.verdict !== 'equivalent')) };
}

/** Pattern 3 against the null network, for the length the null was run at (paired by seed). */
function ringsOf(results: Results, groups: readonly LengthGroup[], where?: string): ReportModel['rings'] {
  const nullRings = results.nullRings;
  if (!nullRings) return null;
  const group = groups.find((g) => g.length === nullRings.length);
  if (!group) return null;
  const bySeed = new Map(nullRings.runs.map((run) => [run.seed, run]));
  const model: RingSummary[] = [];
  const nul: RingSummary[] = [];
  for (const run of group.runs) {
    const match = bySeed.get(run.seed);
    if (!match) continue;
    model.push(run.summary as unknown as RingSummary);
    nul.push(match);
  }
  const statistics = ringsAgainstNull(model, nul, `${results.manifest.sweep.seed}:${nullRings.length}`);
  return { length: nullRings.length, statistics, sentence: message.pattern3(nullRings.length, statistics, where) };
}

function provenanceOf(results: Results, now: Date): Provenance {
  const { manifest } = results;
  const sweep = manifest.sweep;
  return {
    tool: manifest.tool,
    version: manifest.version,
    reportVersion: REPORT_VERSION,
    scenarioName: manifest.scenario.name,
    scenario: manifest.scenario,
    sweepKind: sweep.kind,
    sweepName: sweep.name,
    base: sweep.base,
    overrides: sweep.overrides,
    design: message.designText(sweep.design),
    factors: sweep.factors,
    points: manifest.points.length,
    replicates: sweep.replicates,
    masterSeed: sweep.seed,
    seeds: sweep.seeds,
    ...(sweep.replicateValues ? { parameterDraws: { source: sweep.replicateValues.source, fields: sweep.replicateValues.fields } } : {}),
    runs: results.runs.length,
    failed: results.failed,
    sweepHash: manifest.sweepHash,
    resultsCreatedAt: manifest.createdAt,
    reportCreatedAt: now.toISOString(),
    resultsDir: results.dir,
  };
}

function otherFactorsOf(results: Results): ReportModel['otherFactors'] {
  return Object.keys(results.manifest.sweep.factors)
    .filter((name) => name !== LENGTH_FIELD)
    .map((name) => {
      const values: FactorValue[] = [];
      for (const run of results.runs) {
        const value = run.params[name];
        if (value !== undefined && !values.includes(value)) values.push(value);
      }
      values.sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
      return { name, values };
    });
}

/**
 * Results → ReportModel. `robustnessSets`: the "Does it hold?" sweeps written beside a compare
 * (robustness.ts), summarised into the panel and named in the headline.
 */
export function analyse(results: Results, options: ReportOptions = {}, robustnessSets: readonly Results[] = []): ReportModel {
  const marginPp = options.margin ?? DEFAULT_MARGIN_PP;
  if (!(marginPp > 0 && marginPp < 100)) throw new InputError(message.badMargin(marginPp));
  const marginFraction = marginPp / 100;
  const { manifest, runs } = results;
  const months = Math.max(...runs.map(runMonths));
  const groups = groupByLength(runs, manifest.scenario.engagement.lengthMonths);
  const lengths = groups.map((g) => g.length);
  const comparesLengths =
    lengths.length <= MAX_COMPARED_LENGTHS && groups.filter((g) => g.runs.length >= MIN_RUNS_PER_LENGTH).length >= 2;
  // In a within design the reference is one of the assigned lengths (withinOf), not of the runs' policy length.
  const reference = chooseReference(lengths, hasUnits(runs) ? undefined : options.reference);
  const paired = manifest.sweep.seeds === 'common';
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const referenceGroup = groups.find((g) => g.length === reference)!;

  const comparisons: Comparison[] = [];
  if (comparesLengths) {
    for (const key of OUTCOME_KEYS) {
      for (const group of groups) {
        if (group.length === reference) continue;
        comparisons.push(
          compare({
            outcome: OUTCOMES[key],
            group,
            reference: referenceGroup,
            paired,
            marginFraction,
            months,
            seed: `${manifest.sweep.seed}:${key}:${group.length}:${reference}`,
            resamples,
          }),
        );
      }
    }
  }
  const bands = bandsFor(groups);
  const halfRises = halfRisesFor(bands, lengths);
  const within = hasUnits(runs) ? withinOf(results, options, { marginFraction, marginPp, months, resamples }) : null;
  const robustness = analyseRobustness(robustnessSets, { reference, marginFraction });
  const headlineComparisons = comparisons.filter((c) => c.outcome === HEADLINE_OUTCOME);
  let headline: Headline;
  if (within) {
    const shown = within.comparisons.filter((c) => c.outcome === HEADLINE_OUTCOME);
    const atHorizon = shown.filter((c) => c.timing === 'horizon');
    headline = {
      sentence:
        message.withinHeadline(atHorizon, shown.filter((c) => c.timing === 'followUp'), within.reference, within.followUpMonths, months) +
        message.reliableSmall(atHorizon),
      pattern1: pattern1(groups, reference, message.wholeOrganization()),
      pattern2: pattern2(atHorizon, within.lengths, within.reference),
      design: message.withinDesign(),
    };
  } else {
    headline = {
      sentence: comparesLengths
        ? message.headline(headlineComparisons, reference, months) +
          message.reliableSmall(headlineComparisons) +
          message.holdsWhere(robustness, reference, OUTCOMES[HEADLINE_OUTCOME], marginFraction)
        : message.headlineNoLengths(lengths, MAX_COMPARED_LENGTHS, MIN_RUNS_PER_LENGTH),
      pattern1: pattern1(groups, reference),
      pattern2: comparesLengths
        ? pattern2(comparisons, lengths, reference)
        : { status: 'not-assessed', sentence: message.pattern2NotCompared() },
      design: message.policyDesign(),
    };
  }
  const notes = [...results.notes];
  // Verdicts drawn from a posterior that did not reproduce its data rest on a model that failed its check.
  const fitWarning = manifest.sweep.replicateValues?.fitWarning;
  if (fitWarning) notes.push(`The calibration these parameters were drawn from failed its posterior predictive check (${fitWarning}): the verdicts below rest on a model that did not reproduce the survey data.`);
  if (paired && comparisons.some((c) => !c.paired)) notes.push(message.pairingFellBack());
  return {
    manifest,
    provenance: provenanceOf(results, options.now ?? new Date()),
    months,
    marginFraction,
    resamples,
    comparesLengths,
    lengths: within ? within.lengths : lengths,
    reference: within ? within.reference : reference,
    groups,
    paired: within ? true : paired && comparisons.every((c) => c.paired),
    // a within design compares recipients: its comparisons at the horizon are the page's comparisons
    comparisons: within ? within.comparisons.filter((c) => c.timing === 'horizon') : comparisons,
    headline,
    bands,
    halfRises,
    // A within design's runs are one group (the lengths are mixed inside each organization).
    rings: ringsOf(results, groups, within ? message.wholeOrganization() : undefined),
    otherFactors: otherFactorsOf(results),
    runs,
    notes,
    within,
    robustness,
  };
}

/** The within-organization analysis: lengths as assigned in the runs, reference as for the policy comparison. */
function withinOf(results: Results, options: ReportOptions, settings: { marginFraction: number; marginPp: number; months: number; resamples: number }): WithinAnalysis {
  const assigned = new Set<number>();
  for (const run of results.runs) for (const unit of run.units ?? []) assigned.add(unit.lengthMonths);
  const lengths = [...assigned].sort((a, b) => a - b);
  const reference = chooseReference(lengths, options.reference);
  return analyseWithin(results.runs, lengths, reference, results.manifest.scenario.engagement.withinFollowUpMonths, {
    ...settings,
    seed: results.manifest.sweep.seed,
  });
}

export async function analyseDirectory(dir: string, options: ReportOptions = {}): Promise<ReportModel> {
  const results = await loadResults(dir);
  const robustness = await loadRobustness(dir, results.manifest);
  const model = analyse({ ...results, notes: [...results.notes, ...robustness.notes] }, options, robustness.sets);
  if (model.within || !model.comparesLengths) return model;
  // Under each explanation (hypotheses.ts): the same comparison rerun under each explanation; when
  // they disagree the headline says so instead of choosing one.
  const { section, notes } = await analyseHypotheses(dir, results.manifest, model.reference, model.marginFraction * 100);
  if (!section && notes.length === 0) return model;
  const headline = section?.disagree ? { ...model.headline, sentence: `${model.headline.sentence} ${section.headline}` } : model.headline;
  return { ...model, headline, structural: section, notes: [...model.notes, ...notes] };
}
