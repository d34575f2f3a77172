/**
 * The verdicts in the research register — the words of summary.md, report.json and the HTML:
 * "equivalent within ±5 pp", "differs by −3.1 pp (95 % CI …)", the headline, the study's
 * patterns and "Does it hold?". Functions of the comparisons they state, so tests match them word
 * for word. What a verdict is (and what is notable) is decided before: comparison.ts, verdict.ts.
 */
import { pattern3Holds, RING_LABELS, type RingAgainstNull } from './patterns.js';
import type { Comparison, ComparisonVerdict } from './model.js';
import type { RobustnessRow } from './robustness.js';
import type { StudyDesignPower } from './within.js';
import { digitsFor, OUTCOMES, toDisplay, type Outcome } from './outcomes.js';
import type { Interval } from '../stats/index.js';
import { fixed, interval, list, marginText, months, signedDifference, trimNumber } from './format.js';
import { notabilityOf, realButUnplaced } from './verdict.js';

export { NOTABLE_EFFECT_SIZE } from './verdict.js';

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
export function verdictWords(outcome: Outcome, facts: VerdictFacts, reason: string | null): string {
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

/**
 * Lengths grouped by verdict: "6 and 18 months equivalent within ±5 pp", each "differs" with its
 * numbers (and `differsNote(c)` after them, when given).
 */
function byVerdict(comparisons: readonly Comparison[], name: (c: Comparison) => string, differsNote: (c: Comparison) => string = () => ''): string[] {
  const parts: string[] = [];
  for (const c of comparisons.filter((x) => x.verdict === 'differs')) parts.push(`${name(c)} ${c.words}${differsNote(c)}`);
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

export function headline(finalAdoption: readonly Comparison[], reference: number, horizon: number): string {
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

export function pattern2Holds(crossing: readonly Comparison[]): string {
  const pairs = crossing.map((c) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)}`);
  return (
    `Pattern 2 holds: final adoption does not differ materially between limited (≤ 12 months) and high (> 12 months) ` +
    `engagements — ${list(pairs)} months: equivalent within ${marginText(OUTCOMES.finalAdoption, crossing[0].margin)} (TOST, α = 0.05).`
  );
}

export function pattern2DoesNotHold(material: readonly Comparison[]): string {
  const parts = material.map((c) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)} months ${c.words}`);
  return `Pattern 2 does not hold here: final adoption differs materially between limited and high engagements — ${parts.join('; ')}.`;
}

export function pattern2Undetermined(open: readonly Comparison[]): string {
  const name = (c: Comparison) => `${trimNumber(c.length)} vs ${trimNumber(c.reference)} months`;
  const unplaced = ` — a real difference, not shown to lie within or beyond ${marginText(OUTCOMES.finalAdoption, open[0].margin)}`;
  const parts = byVerdict(open, name, (c) => (realButUnplaced(c) ? unplaced : ''));
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
      : !Number.isFinite(r.ci95.low) || !Number.isFinite(r.ci95.high)
      ? `${RING_LABELS[r.statistic]} ${r.model.toFixed(3)} vs ${r.null.toFixed(3)} on the null network: not assessed (too few runs to say: no finite 95 % interval from ${r.n} runs)`
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

/**
 * Reliable small differences among equivalent lengths, e.g. " 24 months is reliably 3.1 pp lower
 * than 12 months (95 % CI −4.0 to −2.2, g = −0.44)." — empty when there are none.
 */
export function reliableSmall(comparisons: readonly Comparison[]): string {
  const notable = comparisons.filter((c) => notabilityOf(c) !== null);
  if (notable.length === 0) return '';
  const parts = notable.map((c) => {
    const outcome = OUTCOMES[c.outcome];
    const size = fixed(Math.abs(toDisplay(outcome, c.estimate)), digitsFor(outcome));
    const direction = c.estimate < 0 ? 'lower' : 'higher';
    const reliable = notabilityOf(c) === 'reliable';
    const g = c.effectSize === null ? '' : `, g = ${fixed(c.effectSize, 2)}`;
    return `${months(c.length)} is ${reliable ? 'reliably ' : ''}${size} ${outcome.differenceUnit} ${direction} than ${months(c.reference)} (95 % CI ${interval(outcome, c.ci95)}${g})`;
  });
  return ` Within the margin, but not nothing: ${list(parts)}.`;
}


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
