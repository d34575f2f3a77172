/**
 * How the report writes numbers: a real minus sign, signed differences with their unit, intervals,
 * values in display units, margins, months and lists. No verdicts here (verdict-words.ts).
 */
import type { Interval } from '../stats/index.js';
import { digitsFor, toDisplay, type Outcome } from './outcomes.js';

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

/** A 95 % (or other) interval in display units: "−4.0 to −2.2", or "unbounded". */
export function interval(outcome: Outcome, range: Interval): string {
  if (!Number.isFinite(range.low) || !Number.isFinite(range.high)) return 'too few runs to say';
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

export function trimNumber(x: number): string {
  return Number(x.toFixed(2)).toString();
}

/** A length in months, trimmed: "12 months", "7.5 months". */
export function months(length: number): string {
  return `${trimNumber(length)} months`;
}

/** "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
