/**
 * RunResult: what one run produces — monthly series (columnar: one array per series, index =
 * month 0..months) and a summary. Plain JSON; numbers rounded to 6 decimals so files stay small
 * and byte-identical across platforms.
 */
import { STAGES } from '../agents/index.js';

export const RINGS = ['ring0', 'ring1', 'ring2', 'ring3'] as const;

/** Every monthly series, in output order. Shares are of current staff (0–1); scores are 1–5. */
export const SERIES = [
  'month',
  ...STAGES,
  'trust',
  'affect',
  'safety',
  'aim',
  'iam',
  'fim',
  'knowledge',
  'adoption',
  'everAdopted',
  'sustained',
  ...RINGS,
  'credibility',
  'ispHours',
  'requests',
  'active',
  'waiting',
  'demand',
] as const;
export type SeriesName = (typeof SERIES)[number];
export type MonthlySeries = Record<SeriesName, number[]>;

export interface DispositionOutcome {
  readonly staff: number;
  /** people of this disposition who ever applied */
  readonly adopted: number;
  /** of those, how many had a low-stakes ISP contact before first applying */
  readonly adoptedAfterLowStakes: number;
  /** people with at least one low-stakes contact, and how many of them adopted */
  readonly withLowStakes: number;
  readonly adoptedWithLowStakes: number;
}

/**
 * Pattern 5 made falsifiable (issue 23): skeptics of the same team of an engaged unit (not on its
 * implementation team) compared by the quality of their first low-stakes contact — x = 1 positive,
 * 0 negative — against whether they adopted, y (only those whose first low-stakes contact came
 * before any adoption); sums of within-team centred products, so runs pool. Sxy / Sxx is the
 * adoption difference between a positive and a negative first low-stakes contact.
 */
export interface LowStakesQuality {
  /** skeptics in teams with at least two of them compared */
  readonly people: number;
  readonly sxx: number;
  readonly sxy: number;
}

export interface RunSummary {
  /** share of staff applying at the end (penetration) */
  readonly finalAdoption: number;
  /** share of staff at the end who ever applied */
  readonly everAdopted: number;
  /** share of staff applying continuously for ≥ sustainment.sustainedAfterMonths */
  readonly sustainedCapacity: number;
  /** first month the applying share reached 25 / 50 / 75 %, or null */
  readonly timeTo25: number | null;
  readonly timeTo50: number | null;
  readonly timeTo75: number | null;
  /** Spearman ρ between ring distance and first-adoption week among adopters (null if < 3) */
  readonly ringCorrelation: number | null;
  /** the same among adopters outside ring 0 (null if < 3 or no variation) */
  readonly ringCorrelationBeyond0: number | null;
  /** the same among adopters whose unit never had an engagement (spread apart from the rollout) */
  readonly ringCorrelationUnengaged: number | null;
  readonly finalAim: number;
  readonly finalIam: number;
  readonly finalFim: number;
  readonly finalTrust: number;
  readonly finalCredibility: number;
  readonly ispHours: number;
  /** ISP hours per adoption event (null when nobody adopted) */
  readonly ispHoursPerAdopter: number | null;
  readonly requests: number;
  readonly engagementsStarted: number;
  readonly peakWaiting: number;
  readonly dispositions: Readonly<Record<'interested' | 'skeptical' | 'disinterested', DispositionOutcome>>;
  /** skeptics of the same engaged units by the quality of their low-stakes contacts (pattern 5) */
  readonly lowStakesQuality: LowStakesQuality;
  /**
   * What adoption.initiative contributes: the mean, over first adopters, of the share of their
   * adoption hazard that came through their own initiative (p·initiative·K of the bracket) —
   * the expected share of adopters who adopted through it (null when nobody adopted).
   */
  readonly initiativeShare: number | null;
}

/** A unit's staff at one moment: counts of people, and mean AIM/IAM/FIM scale scores (1–5). */
export interface UnitSnapshot {
  readonly staff: number;
  readonly applying: number;
  readonly sustained: number;
  readonly aim: number;
  readonly iam: number;
  readonly fim: number;
}

/** A unit measured a fixed time after its first engagement began (engagement.withinFollowUpMonths). */
export interface UnitFollowUp extends UnitSnapshot {
  /** weeks completed when it was measured */
  readonly week: number;
}

/** The pathway stages a team member's record dates, in order (STAGES without `unaware`). */
export const RECORDED_STAGES = ['contacted', 'trusting', 'accepting', 'learning', 'applying', 'sustaining'] as const;

/**
 * One person's time on a unit's implementation team (a within-organization run): when they took
 * the place and left it (turnover puts a newcomer in the same place), and the first moment they
 * were at or beyond each pathway stage while there — so the furthest stage they had reached by
 * any week (an interview) can be read afterwards. Weeks are weeks completed.
 */
export interface TeamMemberRecord {
  /** the place on the unit's implementation team, 0 .. engagement.teamMembers − 1 */
  readonly member: number;
  /** weeks completed when this person took the place (0: from the start) */
  readonly joinedWeek: number;
  /** weeks completed when they had left (null: still there at the horizon) */
  readonly leftWeek: number | null;
  /** per RECORDED_STAGES: weeks completed when first seen at or beyond that stage (null: never) */
  readonly reached: readonly (number | null)[];
}

/**
 * One unit of a within-organization run (engagement.lengthAssignment = within): its assigned
 * length, when it was first engaged (null: never), its staff at the horizon, and its follow-up
 * (null: never engaged, or the follow-up falls after the horizon).
 */
export interface UnitOutcome extends UnitSnapshot {
  readonly unit: number;
  readonly lengthMonths: number;
  readonly startWeek: number | null;
  readonly followUp: UnitFollowUp | null;
  /** everyone who held a place on the unit's implementation team, by place, then by joining */
  readonly team: readonly TeamMemberRecord[];
}

export interface RunResult {
  /** the engine that computed it (src/sim/version.ts) */
  readonly engineVersion: number;
  readonly scenario: string;
  readonly seed: number;
  readonly months: number;
  readonly staff: number;
  readonly series: MonthlySeries;
  readonly summary: RunSummary;
  /** per-unit outcomes: only in runs whose units were assigned lengths (lengthAssignment = within) */
  readonly units?: readonly UnitOutcome[];
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
