/**
 * The report's page text that does not depend on a verdict: the title and question, which design
 * answered it (policy or within one organization), the section introductions and the methods.
 */
import type { Design } from '../sweep/types.js';
import { OUTCOMES } from './outcomes.js';
import { marginText, months, trimNumber } from './format.js';

export function policyDesign(): string {
  return (
    'Design: whole organizations, each run under one engagement-length policy (every unit gets the same length) — the policy ' +
    'question. The study compared recipients inside one organization whose engagements differed in length: that is the other ' +
    'question, answered by `concentric compare --within`.'
  );
}

export function withinDesign(): string {
  return (
    "Design: the study's comparison — inside one organization, each unit was assigned one of the lengths at random (equal shares), " +
    "and recipients (the staff of engaged units) are compared by their own unit's length, paired within run. Comparing whole " +
    'organizations run under one policy each is the other question (`concentric compare`).'
  );
}

export const WITHIN_INTRO =
  'Each unit of the organization was assigned one engagement length at random (equal shares, from the run\'s seed; recorded per ' +
  'unit in runs.jsonl). Recipients are the staff of units that were engaged; each length\'s value in a run is the mean over its ' +
  'recipients, and the difference between lengths is taken within the run, then pooled over replicates (bootstrap-t, TOST). ' +
  '"After start" compares recipients at the same time since their own engagement began, so a unit engaged late is not ' +
  'penalised for having had less time; units whose follow-up falls after the horizon are left out of it.';

export const POWER_INTRO =
  'The study interviewed 13 implementation-team members of engaged units, about 2 per unit, after their engagements (Metz et al. ' +
  '2024). Here, per run, 50 such studies are drawn (seeded): 2 team members per unit of the two lengths compared, units taken from ' +
  'each length in turn, each interviewed at a month end in a window near the horizon and read at the furthest pathway stage they had ' +
  'reached by then (src/sweep/study-design.ts; docs/VALIDATION.md, case study-design). The study reported that every recipient ' +
  'described the pathway through application, whatever the length: how often a draw shows that (all 13 had reached applying), and ' +
  "how often Fisher's exact test of reaching applying by length (α = 0.05) would detect a difference — its power — next to how " +
  'often it fires when there is no true difference (the lengths shuffled among units): its false-alarm rate. Two team members of one ' +
  'unit share its course, so the false-alarm rate is measured, not assumed to be 5 %.';

export const ROBUSTNESS_INTRO =
  'The same policy comparison (final adoption, each length against the reference) repeated with other ISP headcounts, numbers of ' +
  'units and horizons — one factor at a time, fewer replicates each, same master seed. "More than the margin": the estimate lies ' +
  'beyond the margin and its 95 % interval excludes zero.';

export const TITLE = 'Do engagement lengths differ?';

export function question(scenario: string, lengths: readonly number[], reference: number, horizon: number): string {
  return (
    `In the ${scenario} scenario, does the length of implementation-support engagements ` +
    `(${lengths.map(trimNumber).join(', ')} months) change how far implementation capacity spreads after ${horizon} months? ` +
    `Each length is compared with ${months(reference)}. The study this model comes from (Metz et al. 2024) found ` +
    `that results did not differ between limited (6–12 months) and high (12+ months) engagements.`
  );
}

export function designText(design: Design): string {
  switch (design.type) {
    case 'grid':
      return 'full grid';
    case 'lhs':
      return `Latin hypercube, ${design.n} points`;
    case 'sobol':
      return `Sobol (Saltelli), n = ${design.n}`;
    case 'morris':
      return `Morris, r = ${design.r}, ${design.levels} levels`;
  }
}

export interface MethodsFacts {
  readonly scenario: string;
  readonly runs: number;
  readonly lengths: readonly number[];
  readonly replicates: number;
  readonly horizon: number;
  readonly reference: number;
  readonly paired: boolean;
  readonly seeds: 'common' | 'independent';
  readonly masterSeed: number;
  readonly resamples: number;
  readonly marginPp: number;
  readonly otherFactors: readonly string[];
  /** compare --posterior: parameters drawn per replicate from a calibration */
  readonly parameterDraws?: { readonly source: string; readonly fields: readonly string[] };
  /** the within-organization design: months to the follow-up; null for the policy comparison */
  readonly withinFollowUpMonths: number | null;
}

/** Methods, as paragraphs (plain text; the HTML and summary.md both use them). */
export function methods(f: MethodsFacts): string[] {
  const share = OUTCOMES.finalAdoption;
  const score = OUTCOMES.finalAim;
  const time = OUTCOMES.timeTo50;
  const fraction = f.marginPp / 100;
  const design =
    f.withinFollowUpMonths !== null
      ? [
          `Design: ${f.runs} runs of the ${f.scenario} scenario over ${f.horizon} months; in each run the organization's units were ` +
            `assigned the engagement lengths ${f.lengths.map(trimNumber).join(', ')} months at random in equal shares (a stream of ` +
            `the run's seed of its own), and recipients — the staff of engaged units — are compared by their own unit's length, at ` +
            `the horizon and ${trimNumber(f.withinFollowUpMonths)} months after their unit's first engagement began. Master seed ${f.masterSeed}.`,
          'Pairing: both lengths are in every run, so each difference is taken within the run (the mean over one length\'s ' +
            'recipients minus the other\'s) and the runs are the units resampled; a run without recipients of one length has no pair.',
        ]
      : [];
  const policy = [
    `Design: ${f.runs} runs of the ${f.scenario} scenario over ${f.horizon} months — ${f.lengths.length} engagement ` +
      `lengths (${f.lengths.map(trimNumber).join(', ')} months) × ${f.replicates} replicates` +
      (f.otherFactors.length > 0 ? `, crossed with ${f.otherFactors.join(', ')} (differences are averaged over them)` : '') +
      `. Master seed ${f.masterSeed}.`,
    f.seeds === 'common'
      ? `Seeds: common random numbers — replicate r of every length runs with the same seed (hash of master seed and r), ` +
        `so lengths are compared ${f.paired ? 'paired by replicate: the mean of the within-replicate differences' : 'unpaired (pairing was not possible for some comparisons)'}.`
      : 'Seeds: independent per design point, so lengths are compared as independent groups (Welch standard error).',
    f.parameterDraws
      ? `Parameter uncertainty included: each replicate drew ${f.parameterDraws.fields.join(', ')} from the posterior of the calibration in ` +
        `${f.parameterDraws.source} (seeded by replicate, the same draw at every length), so the intervals cover what the data leave unknown ` +
        'about these parameters as well as seed noise. The "Does it hold?" grid, when run, draws the same parameters for the same replicate.'
      : 'Parameters fixed at the scenario\'s values: the intervals cover seed noise only, not uncertainty about the parameters (see `compare --posterior`).',
  ];
  return [
    ...(design.length > 0 ? design : policy),
    `Differences: mean of each length minus mean of ${months(f.reference)}, with a 95 % studentized bootstrap (bootstrap-t) ` +
      `confidence interval from ${f.resamples} resamples of the ${f.paired ? 'pairs' : 'runs in each group'}; resampling is seeded, ` +
      'so the same results directory always gives the same report.',
    `Equivalence: two one-sided tests (TOST, α = 0.05 each) against a margin of ${trimNumber(f.marginPp)} % of each outcome's range — ` +
      `${marginText(share, fraction)} for shares of staff, ${marginText(score, fraction * 4)} on the 1–5 AIM/IAM/FIM scales, ` +
      `${marginText(time, fraction * f.horizon)} for time to 50 %. A length is "equivalent" when the 90 % bootstrap-t interval lies ` +
      'inside the margin; it "differs" when it is not equivalent and the 95 % interval excludes zero; otherwise the result is ' +
      '"inconclusive" and more replicates are needed (the suggested count assumes the observed spread and 80 % power).',
    "Effect size: Hedges' g — the difference over the pooled between-run SD of the two lengths, small-sample corrected " +
      '(0.2 small, 0.5 medium, 0.8 large).',
    `Time to 50 %: a run that never had half its staff applying is counted at month ${f.horizon + 1} (censored), so its mean is a ` +
      'restricted mean and a lower bound; the share of runs reaching 50 % is shown beside it, and a comparison in which more ' +
      'than half the runs of either group are censored is not assessed.',
    'Several lengths and outcomes are compared. "All equivalent" is an intersection–union conclusion and needs no ' +
      'multiplicity correction; each "differs" is a per-comparison statement at α = 0.05, not adjusted.',
    'Bands on curves are 95 % t-intervals of the mean across replicates. The pathway chart rescales each mean curve to its ' +
      'own rise (0 = lowest, 1 = highest value) so that lags show as horizontal gaps; half-rise months are interpolated.',
  ];
}
