/**
 * The verdicts in plain language, beside the research register of verdict-words.ts: for ISP
 * leads, the terminal and the explorer. No TOST, g, ρ, CI, pp or field paths — "about 3 in 100
 * staff fewer, and we are fairly sure of it". Same verdicts (verdict.ts), other words; summary.md
 * and report.json keep the research register.
 */
import type { LengthVerdict } from './verdict.js';
import { OUTCOMES, toDisplay, type OutcomeKey } from './outcomes.js';
import { trimNumber } from './format.js';

/** What each outcome is about, as a reader would say it. */
const ABOUT: Readonly<Record<OutcomeKey, string>> = {
  finalAdoption: 'staff applying the practices',
  sustainedCapacity: 'staff who sustain them',
  timeTo50: 'time until half the staff apply them',
  finalAim: 'how acceptable staff find them (1–5)',
  finalIam: 'how appropriate staff find them (1–5)',
  finalFim: 'how feasible staff find them (1–5)',
};

/** A size in the outcome's everyday unit: "about 3 in 100 staff", "about 2 months", "about 0.2 points". */
function amount(outcome: OutcomeKey, size: number): string {
  const o = OUTCOMES[outcome];
  const shown = Math.abs(toDisplay(o, size));
  switch (o.kind) {
    case 'share': {
      const per100 = Math.round(shown);
      return per100 === 0 ? 'less than 1 in 100 staff' : `about ${per100} in 100 staff`;
    }
    case 'time':
      return shown < 0.5 ? 'less than half a month' : `about ${shown < 1.5 ? 1 : Math.round(shown)} month${shown < 1.5 ? '' : 's'}`;
    case 'score':
      return shown < 0.05 ? 'less than 0.1 points' : `about ${trimNumber(Number(shown.toFixed(1)))} points`;
  }
}

/** The direction of a difference in the outcome's terms: fewer/more staff, later/sooner, lower/higher. */
function direction(outcome: OutcomeKey, estimate: number): string {
  const kind = OUTCOMES[outcome].kind;
  if (kind === 'share') return estimate < 0 ? 'fewer' : 'more';
  if (kind === 'time') return estimate < 0 ? 'sooner' : 'later';
  return estimate < 0 ? 'lower' : 'higher';
}

function difference(v: LengthVerdict): string {
  return `${amount(v.outcome, v.estimate)} ${direction(v.outcome, v.estimate)}`;
}

/**
 * The verdict in plain words, without the lengths: "about 3 in 100 staff fewer, and we are fairly
 * sure of it", "no difference that matters (less than 5 in 100 staff either way), and we are fairly
 * sure of it", "we cannot tell yet: …".
 */
export function plainVerdict(v: LengthVerdict): string {
  switch (v.kind) {
    case 'differs':
      return `${difference(v)}, and we are fairly sure of it`;
    case 'equivalent': {
      const margin = amount(v.outcome, v.margin);
      const bound = `no difference that matters (${margin.startsWith('less than') ? margin : margin.replace(/^about/, 'less than')} either way)`;
      if (v.notable === 'reliable') return `${bound}, though a small one is real: ${difference(v)}`;
      if (v.notable === 'effect-size') return `${bound}, though it may be ${difference(v)}`;
      return `${bound}, and we are fairly sure of it`;
    }
    case 'inconclusive':
      return `we cannot tell yet (${difference(v)} on average, but the runs disagree too much); more runs would settle it`;
    case 'not-assessed':
      return 'not compared: too few runs to tell';
  }
}

/** One sentence: "Staff applying the practices, 18 months of support against 12: about 3 in 100 staff fewer, and we are fairly sure of it." */
export function plainSentence(v: LengthVerdict): string {
  const about = ABOUT[v.outcome];
  return `${about[0].toUpperCase()}${about.slice(1)}, ${trimNumber(v.length)} months of support against ${trimNumber(v.reference)}: ${plainVerdict(v)}.`;
}
