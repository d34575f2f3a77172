/**
 * Discovery in words: the case of interest, each restriction, the answer with its coverage and
 * density on both halves, and how it was computed. Functions of the numbers they state, so tests
 * can match them.
 */
import type { DiscoverAnalysis, DiscoveredBox, FactorRange, Measured } from './analyse.js';
import type { Level, Restriction } from './box.js';
import type { Question } from './question.js';

/** A number for prose: at most 3 significant digits, no trailing zeros. */
export function shortNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const rounded = Math.abs(x) >= 1000 ? Math.round(x) : Number(x.toPrecision(3));
  return String(rounded).replace('-', '\u2212');
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

const OP_WORDS: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/**
 * What makes a case "of interest", e.g. "engagement.lengthMonths 24 gives higher finalAdoption than
 * 12" (higher or lower, not better or worse: for timeTo50 or ispHours lower is better).
 */
export function caseWords(question: Question): string {
  const { threshold } = question;
  if (question.kind === 'where') return `${question.outcome} ${OP_WORDS[threshold.op]} ${shortNumber(threshold.value)}`;
  const { field, value, reference, outcome } = question;
  const up = threshold.op === '>' || threshold.op === '>=';
  if (threshold.value === 0) return `${field} ${value} gives ${up ? 'higher' : 'lower'} ${outcome} than ${reference}`;
  return `${outcome} at ${field} ${value} minus at ${reference} is ${up ? 'above' : 'below'} ${shortNumber(threshold.value)}`;
}

function levelList(values: readonly Level[]): string {
  const texts = values.map(String);
  return texts.length <= 1 ? texts.join('') : `${texts.slice(0, -1).join(', ')} or ${texts[texts.length - 1]}`;
}

/** One restriction, e.g. "isps.count ≥ 7.5", "organization.units ≤ 15", "0.2 ≤ x ≤ 0.6", "network is lattice or full". */
export function restrictionWords(restriction: Restriction, factors: readonly FactorRange[]): string {
  if ('values' in restriction) return `${restriction.field} is ${levelList(restriction.values)}`;
  const range = factors.find((factor) => factor.field === restriction.field);
  const full = range?.kind === 'numeric' ? range : undefined;
  const lowCut = full === undefined || restriction.low > full.low;
  const highCut = full === undefined || restriction.high < full.high;
  if (lowCut && highCut) return `${shortNumber(restriction.low)} ≤ ${restriction.field} ≤ ${shortNumber(restriction.high)}`;
  if (lowCut) return `${restriction.field} ≥ ${shortNumber(restriction.low)}`;
  return `${restriction.field} ≤ ${shortNumber(restriction.high)}`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function measuredWords(m: Measured): string {
  return `coverage ${percent(m.coverage)}, density ${percent(m.density)}`;
}

/** The sentence for one box, e.g. "… when isps.count ≥ 7.5 and organization.units ≤ 15: coverage 81 %, density 88 % (held-out half: …)". */
export function boxWords(analysis: DiscoverAnalysis, box: DiscoveredBox): string {
  const conditions = andList(box.restrictions.map((restriction) => restrictionWords(restriction, analysis.factors)));
  const test = box.test.n > 0 ? ` (held-out half: ${measuredWords(box.test)}, ${box.test.n} ${analysis.unit}s)` : ' (held-out half: empty)';
  return `${caseWords(analysis.question)} when ${conditions}: ${measuredWords(box)}${test}.`;
}

/** Restrictions whose quasi-p is large: the box would do about as well without them. */
export function weakWords(box: DiscoveredBox): string | undefined {
  const weak = box.restrictions.filter((restriction) => restriction.quasiP > 0.05);
  if (weak.length === 0) return undefined;
  return `Weak restriction${weak.length === 1 ? '' : 's'} (quasi-p > 0.05, the box does about as well without): ${weak.map((r) => `${r.field} (${shortNumber(r.quasiP)})`).join(', ')}.`;
}

/** The answer: the first box in words, or why there is none. */
export function answerWords(analysis: DiscoverAnalysis): string {
  const { cases, unit } = analysis;
  const what = caseWords(analysis.question);
  const base = `${percent(cases.baseRate)} of ${cases.total} ${unit}s`;
  if (cases.interest === 0) return `${what} in none of the ${cases.total} ${unit}s: there is nothing to discover.`;
  if (cases.interest === cases.total) return `${what} in all ${cases.total} ${unit}s: it holds everywhere in this sweep.`;
  const box = analysis.boxes[0];
  if (!box || box.restrictions.length === 0) {
    return `${what} in ${base}, and no restriction of ${andList(analysis.factors.map((f) => f.field))} makes it markedly more likely: no conditions found.`;
  }
  return `${boxWords(analysis, box)} Across the sweep it holds in ${base}.`;
}

/** How the numbers were made, in one paragraph. */
export function methodWords(analysis: DiscoverAnalysis): string {
  const { options, cases } = analysis;
  const unitWords =
    analysis.question.kind === 'contrast'
      ? `Each case is a pair of runs that differ only in ${analysis.question.field} (same replicate${analysis.seeds === 'common' ? ' and seed' : ''}, same values of every other factor)${analysis.seeds === 'common' ? '' : '; the sweep used independent seeds, so a pair is not the same simulated organization'}.`
      : 'Each case is one run.';
  const dropped = cases.dropped > 0 ? ` ${cases.dropped} ${analysis.unit}s without a defined outcome were left out.` : '';
  const constant = analysis.constant.length > 0 ? ` Left out as constant: ${analysis.constant.join(', ')}.` : '';
  return (
    `${unitWords}${dropped}${constant} PRIM (Friedman & Fisher 1999; as used for scenario discovery by Lempert, Bryant & Bankes 2008) ` +
    `ran on a seeded half of the cases (${cases.train}; split seed "${options.splitSeed}") and the box was measured on the other half (${cases.test}). ` +
    `Peeling removed ${percent(options.peelAlpha)} of the box per step, down to a minimum mass of ${percent(options.massMin)}; ` +
    `the box was ${options.step === null ? 'chosen at the step with the best harmonic mean of coverage and density' : `taken at step ${options.step}`}, then pasted (${percent(options.pasteAlpha)} slices) while that raised its density. ` +
    `Coverage = share of all cases of interest inside the box; density = share of the box's cases that are of interest; mass = share of all cases inside the box.`
  );
}
