/**
 * Every user-facing word of the report in one place: errors, verdicts, the headline, captions,
 * methods. Functions of the numbers they state, so a test can match them word for word.
 */
import { pattern3Holds, RING_LABELS, type RingAgainstNull } from './patterns.js';
import type { Design } from '../sweep/types.js';
import type { Comparison, ComparisonVerdict } from './model.js';
import type { RobustnessRow } from './robustness.js';
import type { StudyDesignPower } from './within.js';
import { digitsFor, OUTCOMES, toDisplay, type Outcome } from './outcomes.js';
import type { Interval } from '../stats/index.js';

// ── numbers ──────────────────────────────────────────────────────────────────────────────────────

const MINUS = '\u2212';

/** A number with a real minus sign. */
export function fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  const zero = Number(text) === 0;
  return value < 0 && !zero ? `${MINUS}${text}` : text;
}

/** A difference with an explicit sign and its unit, e.g. "−5.9 pp", "+0.12 points". */
export function signedDifference(outcome: Outcome, value: number): string {
  const shown = toDisplay(outcome, value);
  const text = fixed(shown, digitsFor(outcome));
  const sign = shown > 0 && Number(text) !== 0 ? '+' : '';
  return `${sign}${text} ${outcome.differenceUnit}`;
}

export function interval(outcome: Outcome, range: Interval): string {
  if (!Number.isFinite(range.low) || !Number.isFinite(range.high)) return 'unbounded';
  const digits = digitsFor(outcome);
  return `${fixed(toDisplay(outcome, range.low), digits)} to ${fixed(toDisplay(outcome, range.high), digits)}`;
}

/** A value in display units, e.g. "77.1 %", "24.3 months", "3.56". */
export function value(outcome: Outcome, native: number): string {
  const text = fixed(toDisplay(outcome, native), digitsFor(outcome));
  if (outcome.kind === 'share') return `${text} %`;
  if (outcome.kind === 'time') return `${text} months`;
  return text;
}

/** The margin of an outcome in words, e.g. "±5 pp", "±0.20 points", "±1.8 months". */
export function marginText(outcome: Outcome, margin: number): string {
  const shown = toDisplay(outcome, margin);
  const text = outcome.kind === 'share' ? trimNumber(shown) : shown.toFixed(digitsFor(outcome));
  return `±${text} ${outcome.differenceUnit}`;
}

function trimNumber(x: number): string {
  return Number(x.toFixed(2)).toString();
}

export function months(length: number): string {
  return `${trimNumber(length)} months`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ── verdicts ─────────────────────────────────────────────────────────────────────────────────────

interface VerdictFacts {
  readonly verdict: ComparisonVerdict;
  readonly estimate: number;
  readonly ci95: Interval;
  readonly margin: number;
  readonly beyondMargin: boolean;
  readonly replicatesNeeded: number | null;
}

/** The verdict in words: "equivalent within ±5 pp", "differs by X pp (95 % CI …)", "inconclusive — …". */
export function verdictWords(outcome: Outcome, facts: VerdictFacts, _marginPp: number, reason: string | null): string {
  const margin = marginText(outcome, facts.margin);
  switch (facts.verdict) {
    case 'not-assessed':
      return `not assessed — ${reason ?? 'too few runs'}`;
    case 'equivalent':
      return `equivalent within ${margin}`;
    case 'differs':
      return (
        `differs by ${signedDifference(outcome, facts.estimate)} (95 % CI ${interval(outcome, facts.ci95)})` +
        (facts.beyondMargin ? `, beyond the ${margin} margin` : '')
      );
    case 'inconclusive':
      return (
        'inconclusive — more replicates needed' +
        (facts.replicatesNeeded !== null ? ` (about ${facts.replicatesNeeded} per length to decide at ${margin})` : '')
      );
  }
}

export function tooFewRuns(): string {
  return 'fewer than two runs in a group';
}

export function mostlyCensored(horizon: number): string {
  return `more than half the runs of a group never reached 50 % within ${horizon} months`;
}

// ── headline and the study's patterns ────────────────────────────────────────────────────────────

/** Lengths grouped by verdict: "6 and 18 months equivalent within ±5 pp", each "differs" with its numbers. */
function byVerdict(comparisons: readonly Comparison[], name: (c: Comparison) => string): string[] {
  const parts: string[] = [];
  for (const c of comparisons.filter((x) => x.verdict === 'differs')) parts.push(`${name(c)} ${c.words}`);
  const grouped: [ComparisonVerdict, string][] = [
    ['equivalent', ''],
    ['inconclusive', 'inconclusive — more replicates needed'],
    ['not-assessed', ''],
  ];
  for (const [verdict, words] of grouped) {
    const group = comparisons.filter((x) => x.verdict === verdict);
    if (group.length === 0) continue;
    const text = words || (group.every((c) => c.words === group[0].words) ? group[0].words : verdict.replace('-', ' '));
    const single = group.length === 1 && group[0].verdict === 'inconclusive' ? group[0].words : text;
    parts.push(`${list(group.map(name))} ${single}`);
  }
  return parts;
}

export function headline(finalAdoption: readonly Comparison[], reference: number, _marginPp: number, horizon: number): string {
  const outcome = OUTCOMES.finalAdoption;
  if (finalAdoption.length === 0) return 'No comparison was possible.';
  const others = finalAdoption.map((c) => trimNumber(c.length));
  if (finalAdoption.every((c) => c.verdict === 'equivalent')) {
    const margin = marginText(outcome, finalAdoption[0].margin);
    return (
      `Engagement length made no material difference to final adoption after ${horizon} months: ` +
      `${list(others)} months ${finalAdoption.length === 1 ? 'is' : 'are each'} equivalent to ${months(reference)} within ${margin}.`
    );
  }
  const lead = finalAdoption.some((c) => c.verdict === 'differs')
    ? 'Engagement length matters for final adoption'
    : 'Whether engagement length matters for final adoption is not yet decided';
  const parts = byVerdict(finalAdoption, (c) => months(c.length));
  return `${lead} after ${horizon} months, against ${months(reference)}: ${parts.join('; ')}.`;
}

export function headlineNoLengths(lengths: readonly number[], maxLengths: number, minRuns: number): string {
  if (lengths.length === 1) {
    return `Engagement length was not varied in this design (every run used ${months(lengths[0])}), so lengths are not compared.`;
  }
  if (lengths.length > maxLengths) {
    return (
      `Engagement length takes ${lengths.length} different values in this design, too many to compare pairwise: ` +
      'read its effect from the chart of outcomes against engagement.lengthMonths (or run `concentric compare` on a few lengths with replicates).'
    );
  }
  return `Too few runs per engagement length to compare lengths (at least ${minRuns} runs at two or more lengths are needed).`;
}

export function pattern2Holds(crossing: readonly Comparison[], _marginPp: number): string {
  const pairs = crossing.map((c) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)}`);
  return (
    `Pattern 2 holds: final adoption does not differ materially between limited (≤ 12 months) and high (> 12 months) ` +
    `engagements — ${list(pairs)} months: equivalent within ${marginText(OUTCOMES.finalAdoption, crossing[0].margin)} (TOST, α = 0.05).`
  );
}

export function pattern2DoesNotHold(material: readonly Comparison[], _marginPp: number): string {
  const parts = material.map((c) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)} months ${c.words}`);
  return `Pattern 2 does not hold here: final adoption differs materially between limited and high engagements — ${parts.join('; ')}.`;
}

export function pattern2Undetermined(open: readonly Comparison[]): string {
  const name = (c: Comparison) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)} months`;
  const parts = byVerdict(open, name).map((part) =>
    part.includes(' differs by ') && !part.includes('beyond the')
      ? `${part} — a real difference, not shown to lie within or beyond ${marginText(OUTCOMES.finalAdoption, open[0].margin)}`
      : part,
  );
  return `Pattern 2 is not confirmed: ${parts.join('; ')}.`;
}

export function pattern2NotAssessed(lengths: readonly number[]): string {
  return (
    `Pattern 2 (limited ≤ 12 vs high > 12 months) is not assessed: the lengths compared ` +
    `(${lengths.map(trimNumber).join(', ')} months) do not include both a limited and a high engagement with the reference on one side.`
  );
}

export function pattern2NotCompared(): string {
  return 'Pattern 2 (limited ≤ 12 vs high > 12 months) is not assessed: engagement lengths are not compared in this design.';
}

const PATHWAY_STEPS = ['trust', 'A/P/F (mean)', 'knowledge', 'application', 'sustained capacity'];

export function pattern1(holds: boolean, reference: number, order: readonly number[], where = `at ${months(reference)}`): string {
  const steps = order.map((month, i) => `${PATHWAY_STEPS[i]} ${month.toFixed(1)}`).join(' → ');
  return holds
    ? `Pattern 1 holds ${where}: each step reaches half its rise after the one before (month ${steps}).`
    : `Pattern 1 does not hold ${where}: the half-rise months are out of order (month ${steps}).`;
}

/** Pattern 3 in words: "spreads through colleagues" only where a statistic beats the null. */
export function pattern3(length: number, statistics: readonly RingAgainstNull[], where = `at ${months(length)}`): string {
  const parts = statistics.map((r) =>
    Number.isNaN(r.difference)
      ? `${RING_LABELS[r.statistic]}: not assessed (${r.n} runs have it)`
      : `${RING_LABELS[r.statistic]} ${r.model.toFixed(3)} vs ${r.null.toFixed(3)} on the null network (difference ${r.difference.toFixed(3)}, 95 % CI ${r.ci95.low.toFixed(3)} to ${r.ci95.high.toFixed(3)}): ${r.reading}`,
  );
  const verdict = pattern3Holds(statistics)
    ? 'adoption spreads through colleagues beyond the first-engaged units'
    : 'the rings follow the rollout order: outside ring 0 the model does not beat a network with the same units and degrees and rewired ties';
  return `Pattern 3 ${where}: ${verdict}. ${parts.join('; ')}.`;
}

export function pattern1NotAssessed(reference: number, where = `at ${months(reference)}`): string {
  return `Pattern 1 is not assessed ${where}: a pathway series did not rise within the horizon.`;
}

// ── which question, and when the verdict holds ───────────────────────────────────────────────────

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

export function wholeOrganization(): string {
  return 'in the whole organization (lengths mixed within it)';
}

/** The within headline: recipients by their own unit's length, at the horizon and at equal time since their start. */
export function withinHeadline(
  atHorizon: readonly Comparison[],
  atFollowUp: readonly Comparison[],
  reference: number,
  followUpMonths: number,
  horizon: number,
): string {
  if (atHorizon.length === 0) return 'No comparison was possible.';
  const name = (c: Comparison) => `${months(c.length)} vs ${months(reference)}`;
  const part = (list: readonly Comparison[]) => byVerdict(list, name).join('; ');
  const follow = atFollowUp.length > 0 ? `; ${trimNumber(followUpMonths)} months after their engagement began: ${part(atFollowUp)}` : '';
  return (
    `Within one organization (the study's comparison: recipients by their own unit's engagement length), final adoption ` +
    `after ${horizon} months: ${part(atHorizon)}${follow}.`
  );
}

/** A difference the interval says is real (or |g| ≥ this) is named even when it lies within the margin. */
export const NOTABLE_EFFECT_SIZE = 0.3;

/**
 * Reliable small differences among equivalent lengths, e.g. " 24 months is reliably 3.1 pp lower
 * than 12 months (95 % CI −4.0 to −2.2, g = −0.44)." — empty when there are none.
 */
export function reliableSmall(comparisons: readonly Comparison[]): string {
  const notable = comparisons.filter(
    (c) => c.verdict === 'equivalent' && ((c.ci95.low > 0 || c.ci95.high < 0) || (c.effectSize !== null && Math.abs(c.effectSize) >= NOTABLE_EFFECT_SIZE)),
  );
  if (notable.length === 0) return '';
  const parts = notable.map((c) => {
    const outcome = OUTCOMES[c.outcome];
    const size = fixed(Math.abs(toDisplay(outcome, c.estimate)), digitsFor(outcome));
    const direction = c.estimate < 0 ? 'lower' : 'higher';
    const reliable = c.ci95.low > 0 || c.ci95.high < 0;
    const g = c.effectSize === null ? '' : `, g = ${fixed(c.effectSize, 2)}`;
    return `${months(c.length)} is ${reliable ? 'reliably ' : ''}${size} ${outcome.differenceUnit} ${direction} than ${months(c.reference)} (95 % CI ${interval(outcome, c.ci95)}${g})`;
  });
  return ` Within the margin, but not nothing: ${list(parts)}.`;
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

/** What a study of the study's design would see, for one length against the reference, in one sentence. */
export function studyPowerSentence(p: StudyDesignPower): string {
  const pct = (share: number) => `${Math.round(share * 100)} %`;
  const pair = `${months(p.length)} vs ${months(p.reference)}`;
  if (p.runs === 0) return `${pair}: no run carries implementation-team records (results of an engine before 3), so no study can be drawn.`;
  if (p.comparable === 0) return `${pair}: no draw had team members of both lengths interviewed in months ${p.interviewMonths[0]}–${p.interviewMonths[1]} (units engaged at least 6 months before), so no study of this design is possible here.`;
  const truth =
    p.applyingDifference === null ? '' : ` Over all such team members, ${signedPoints(p.applyingDifference)} had reached applying with ${months(p.length)}.`;
  return (
    `${pair}: a study of ${p.recipients} team members interviewed in months ${p.interviewMonths[0]}–${p.interviewMonths[1]} would find every one ` +
    `had reached applying in ${pct(p.showShare)} of draws (${pct(p.showShareNoDifference)} if length made no difference); a test at α = 0.05 ` +
    `would detect a difference by length in ${pct(p.power)} of draws (power), against ${pct(p.falseAlarm)} when there is none (false alarms).${truth}`
  );
}

function signedPoints(share: number): string {
  const value = share * 100;
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} pp`;
}

/** A condition of the robustness grid in words: "2 ISPs", "24 units", "a 60-month horizon". */
export function conditionText(factor: string, value: unknown): string {
  switch (factor) {
    case 'isps.count':
      return `${String(value)} ISP${value === 1 ? '' : 's'}`;
    case 'organization.units':
      return `${String(value)} units`;
    case 'months':
      return `a ${String(value)}-month horizon`;
    default:
      return `${factor} = ${String(value)}`;
  }
}

/**
 * Where the verdict holds (the "Does it hold?" grid): the conditions under which a length differs by
 * more than the margin, or that none does. Empty when the grid was not run.
 */
export function holdsWhere(rows: readonly RobustnessRow[], reference: number, outcome: Outcome, marginFraction: number): string {
  if (rows.length === 0) return '';
  const margin = marginText(outcome, marginFraction);
  const conditions = [...new Set(rows.map((r) => `${r.factor}=${String(r.value)}`))].length;
  const material = rows.filter((r) => r.materiallyDifferent);
  const open = rows.filter((r) => r.verdict === 'inconclusive' || r.verdict === 'not-assessed').length;
  const caveat = open > 0 ? ` (${open} of ${rows.length} comparisons there are inconclusive at ${Math.min(...rows.map((r) => r.replicates))} replicates)` : '';
  if (material.length === 0) {
    return (
      ` Does it hold? In none of the ${conditions} conditions of the grid (ISP headcount, number of units, horizon) does a length ` +
      `differ from ${months(reference)} by more than ${margin}${caveat}.`
    );
  }
  const parts = material.map(
    (r) => `${months(r.length)} with ${conditionText(r.factor, r.value)} (${signedDifference(outcome, r.difference)}, 95 % CI ${interval(outcome, { low: r.ciLow, high: r.ciHigh })})`,
  );
  return ` It does not hold everywhere: final adoption differs from ${months(reference)} by more than ${margin} for ${list(parts)}.`;
}

// ── the page ─────────────────────────────────────────────────────────────────────────────────────

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

// ── captions (one sentence per chart) ─────────────────────────────────────────────────────────────

export const caption = {
  adoptionCurves: (replicates: number, finals: readonly { length: number; share: number }[], horizon: number) =>
    `Share of staff applying the practices each month, mean of ${replicates} replicates per length with a 95 % band; ` +
    `at month ${horizon}: ${finals.map((f) => `${months(f.length)} ${(f.share * 100).toFixed(1)} %`).join(', ')}.`,
  pathway: (pattern: string) =>
    `Each step of the pathway rescaled to its own rise so that lags show as gaps, dots at half-rise — ${pattern}`,
  rings: (rho: number | null) =>
    'Share applying by network distance from the first-engaged units (ring 0 = those units, 3 = three or more steps away)' +
    (rho === null ? '.' : `; mean Spearman ρ between distance and adoption time ${fixed(rho, 2)} (positive = widening circles).`),
  distributions: (dotsPerLength: number | null) =>
    'Each outcome by engagement length: boxes span the quartiles of all runs, with the median as a bar and the range as a line; ' +
    (dotsPerLength === null ? 'every run is a dot' : `dots are the first ${dotsPerLength} replicates`) +
    ' (time to 50 % is drawn at the horizon + 1, as a triangle, when a run never reached it).',
  forest: (reference: number) =>
    `Difference from ${months(reference)} per outcome: dot = mean difference, thick bar = 90 % interval (the TOST test), ` +
    'thin bar = 95 % interval, shaded band = equivalence margin; a thick bar inside the band means equivalent.',
  ispDemand: (hours: readonly { length: number; hours: number }[]) =>
    'ISP hours used per month and demand for support (engagements active plus waiting), mean with 95 % band; ' +
    `total ISP hours per run: ${hours.map((h) => `${months(h.length)} ${Math.round(h.hours).toLocaleString('en-US')}`).join(', ')}.`,
  factorEffects: (factor: string) =>
    `Mean of each outcome at each value of ${factor}, averaged over the other factors, with 95 % confidence intervals ` +
    '(time to 50 % counts a run that never reached it at the horizon + 1).',
  heatmap: (a: string, b: string) =>
    `Mean final adoption over ${a} × ${b}; each cell averages the runs at that combination (binned when values are continuous).`,
  withinRecipients: (dotsPerLength: number | null) =>
    "Recipients (staff of engaged units) by their own unit's engagement length, at the horizon: one value per run and length " +
    '(recipient-weighted mean); boxes span the quartiles of all runs, with the median as a bar and the range as a line; ' +
    (dotsPerLength === null ? 'every run is a dot.' : `dots are the first ${dotsPerLength} runs.`),
  withinStudy: (recipients: number, reference: number) =>
    `In each run, studies of ${recipients} implementation-team members (2 per unit, interviewed near the horizon) drawn as the study ` +
    `interviewed, each length against ${months(reference)}: the share of draws in which all ${recipients} had reached applying (the study's ` +
    'observation), with and without a true difference (lengths shuffled among units), and the share in which a test at α = 0.05 ' +
    'detects a difference by length (power) or fires with no true difference (false alarms).',
};

export const chartTitle = {
  adoptionCurves: 'Adoption over time by engagement length',
  pathway: 'The pathway: trust → acceptability/appropriateness/feasibility → knowledge → application → sustained',
  rings: 'Concentric circles: adoption by network ring',
  distributions: 'Final outcomes by engagement length',
  forest: 'Equivalence: differences from the reference length',
  ispDemand: 'ISP hours and demand for support',
  factorEffects: (factor: string) => `Outcomes against ${factor}`,
  heatmap: (a: string, b: string) => `Final adoption over ${a} × ${b}`,
  withinRecipients: "Within one organization: recipients' outcomes by their unit's length",
  withinStudy: 'What would a study of the study’s design see?',
};

export const seriesLabel: Readonly<Record<string, string>> = {
  trust: 'trust in ISPs',
  aim: 'acceptability (AIM)',
  iam: 'appropriateness (IAM)',
  fim: 'feasibility (FIM)',
  knowledge: 'knowledge',
  adoption: 'application (applying)',
  sustained: 'sustained capacity',
  ring0: 'ring 0 (first engaged)',
  ring1: 'ring 1',
  ring2: 'ring 2',
  ring3: 'ring 3+',
  ispHours: 'ISP hours per month',
  demand: 'engagements active + waiting',
};

// ── loading and options ──────────────────────────────────────────────────────────────────────────

export const message = {
  noFinishedRuns: (path: string) => `${path}: no finished runs to report on`,
  shardOnly: (index: number, count: number) =>
    `This directory is shard ${index + 1} of ${count}: the report covers only its runs — merge the shards (\`concentric merge\`) for the whole sweep.`,
  missingRuns: (have: number, expected: number) => `Only ${have} of ${expected} runs are present: the sweep did not finish.`,
  failedRuns: (count: number) => `${count} run${count === 1 ? '' : 's'} failed and ${count === 1 ? 'is' : 'are'} left out.`,
  unknownReference: (requested: number, lengths: readonly number[]) =>
    `--reference: expected one of the engagement lengths in the results (${lengths.map(trimNumber).join(', ')}), got ${requested}`,
  badMargin: (margin: number) => `--margin: expected percentage points between 0 and 100 (exclusive), got ${margin}`,
  pairingFellBack: () => 'Some comparisons could not be paired by replicate (missing or mismatched seeds) and were made unpaired.',
  tooFewRuns,
  mostlyCensored,
  designText,
  headline,
  headlineNoLengths,
  pattern1,
  pattern1NotAssessed,
  pattern3,
  pattern3NotAssessed: () =>
    'Pattern 3 (rings through colleagues) is not assessed: these results have no runs on the null network (concentric compare writes them as null-rings.json).',
  pattern2Holds,
  pattern2DoesNotHold,
  pattern2Undetermined,
  pattern2NotAssessed,
  pattern2NotCompared,
  policyDesign,
  withinDesign,
  wholeOrganization,
  withinHeadline,
  reliableSmall,
  holdsWhere,
  chromiumMissing: (path: string) =>
    `Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH — the browser test cannot run without it.`,
};
