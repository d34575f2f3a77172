/**
 * The outcomes the report compares between engagement lengths, their units and margins, and how
 * a run's value is read (time to 50 % is censored at months + 1 when a run never reaches it).
 *
 * One equivalence margin serves every outcome as the same fraction of its possible range:
 * ±5 pp of staff for shares, ±0.2 points of the 4-point (1–5) AIM/IAM/FIM scale, ±1.8 months
 * of a 36-month horizon for time to 50 %.
 */
import type { FinishedRun } from '../sweep/types.js';

export const OutcomeKind = { share: 'share', time: 'time', score: 'score' } as const;
export type OutcomeKind = keyof typeof OutcomeKind;

export const OUTCOME_KEYS = ['finalAdoption', 'sustainedCapacity', 'timeTo50', 'finalAim', 'finalIam', 'finalFim'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** The outcome the headline verdict is about. */
export const HEADLINE_OUTCOME: OutcomeKey = 'finalAdoption';

export interface Outcome {
  readonly key: OutcomeKey;
  readonly kind: OutcomeKind;
  /** e.g. "Final adoption" */
  readonly label: string;
  /** unit of values and differences as displayed: "%"/"pp", "months", "points" */
  readonly unit: string;
  readonly differenceUnit: string;
}

export const OUTCOMES: Readonly<Record<OutcomeKey, Outcome>> = {
  finalAdoption: { key: 'finalAdoption', kind: 'share', label: 'Final adoption', unit: '%', differenceUnit: 'pp' },
  sustainedCapacity: { key: 'sustainedCapacity', kind: 'share', label: 'Sustained capacity', unit: '%', differenceUnit: 'pp' },
  timeTo50: { key: 'timeTo50', kind: 'time', label: 'Time to 50 % applying', unit: 'months', differenceUnit: 'months' },
  finalAim: { key: 'finalAim', kind: 'score', label: 'AIM (acceptability)', unit: 'points', differenceUnit: 'points' },
  finalIam: { key: 'finalIam', kind: 'score', label: 'IAM (appropriateness)', unit: 'points', differenceUnit: 'points' },
  finalFim: { key: 'finalFim', kind: 'score', label: 'FIM (feasibility)', unit: 'points', differenceUnit: 'points' },
};

/** Width of the 1–5 AIM/IAM/FIM scales. */
const SCORE_RANGE = 4;

/** The margin in the outcome's own units (shares 0–1, months, scale points). */
export function marginFor(outcome: Outcome, marginFraction: number, months: number): number {
  switch (outcome.kind) {
    case 'share':
      return marginFraction;
    case 'score':
      return marginFraction * SCORE_RANGE;
    case 'time':
      return marginFraction * months;
  }
}

/** Native value → display value (shares as percent). */
export function toDisplay(outcome: Outcome, value: number): number {
  return outcome.kind === 'share' ? value * 100 : value;
}

export interface OutcomeValue {
  readonly value: number;
  /** time to 50 % not reached within the horizon: value = months + 1 */
  readonly censored: boolean;
}

export function outcomeValue(run: FinishedRun, outcome: Outcome, months: number): OutcomeValue {
  const raw = run.summary[outcome.key];
  if (raw === null) return { value: months + 1, censored: true };
  return { value: raw, censored: false };
}

/** Digits shown for values/differences of an outcome in display units. */
export function digitsFor(outcome: Outcome): number {
  return outcome.kind === 'score' ? 2 : 1;
}
