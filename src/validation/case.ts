/**
 * What a validation case is: a named comparison between the engine and something known (a closed
 * form, a published result, a study's observation), with its source, what it establishes and what
 * it does not, the expected values, the tolerance, and a `run` that measures and judges.
 *
 * A case runs at two scales: `full` for `npm run validate` (large N, many seeds) and `fast` for
 * the subset in `npm test` (small N, few seeds, looser windows stated in the case). Outcomes are
 * plain JSON so a worker thread can hand them back.
 */
import type { TopLevelSpec } from 'vega-lite';

export const Scale = { full: 'full', fast: 'fast' } as const;
export type Scale = keyof typeof Scale;

/** One judged comparison. */
export interface Check {
  readonly name: string;
  readonly expected: string;
  readonly tolerance: string;
  readonly measured: string;
  readonly pass: boolean;
}

/**
 * A pre-registered statement about the model's behaviour (docs/VALIDATION.md, committed before the
 * case first ran). Its outcome is a result, not a defect: it never fails `validate`, except under
 * `--strict`, and a refuted one is reported as refuted, never re-stated (DESIGN.md "Results: checks
 * and predictions").
 */
export interface Prediction {
  readonly id: string;
  readonly statement: string;
  /** the commit that registered it */
  readonly committed: string;
  readonly outcome: 'supported' | 'refuted';
  readonly measured: string;
}

/** Measured numbers that are shown but not judged (context for the checks). */
export interface Table {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface CaseChart {
  /** file stem: charts/<id>.svg */
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

export interface CaseOutcome {
  /** properties the code must have: a failed check is a defect (validate exits 1) */
  readonly checks: readonly Check[];
  /** pre-registered predictions, supported or refuted (listed in validation/summary.json) */
  readonly predictions?: readonly Prediction[];
  readonly tables: readonly Table[];
  readonly charts: readonly CaseChart[];
  /** plain-language remarks on the measurement (e.g. why a number sits where it does) */
  readonly notes: readonly string[];
  /** study patterns judged with their knock-outs (study-patterns only): validation/summary.json */
  readonly patterns?: readonly {
    readonly pattern: number;
    /** which form of the pattern, when it is judged in more than one (absent: its main form) */
    readonly form?: string;
    readonly holds: boolean;
    readonly knockout: { readonly set: Readonly<Record<string, number | boolean>>; readonly holds: boolean };
    readonly byConstruction: boolean;
  }[];
}

export interface ValidationCase {
  readonly id: string;
  readonly title: string;
  /** the reference the engine is compared against */
  readonly source: string;
  readonly establishes: string;
  /** what passing does not show */
  readonly limits: string;
  /** the design in one or two sentences: scenario, N, seeds */
  readonly design: string;
  /** synchronous for most cases; the calibration case awaits its simulations */
  run(scale: Scale): CaseOutcome | Promise<CaseOutcome>;
}

export function check(name: string, expected: string, tolerance: string, measured: string, pass: boolean): Check {
  return { name, expected, tolerance, measured, pass };
}

export function prediction(id: string, statement: string, committed: string, supported: boolean, measured: string): Prediction {
  return { id, statement, committed, outcome: supported ? 'supported' : 'refuted', measured };
}

/**
 * Every check holds (a case judges at least one thing). `strict`: every prediction is supported
 * too (`validate --strict`).
 */
export function passed(outcome: CaseOutcome, strict = false): boolean {
  const predictions = outcome.predictions ?? [];
  if (outcome.checks.length === 0 && predictions.length === 0) return false;
  return outcome.checks.every((c) => c.pass) && (!strict || predictions.every((p) => p.outcome === 'supported'));
}
