/**
 * Who starts or stops applying this week (M6 adoption, M7 sustainment), given the week's draw.
 * Module-level functions over a rule read once from the scenario: small enough for V8 to inline
 * into the weekly loops (closures made per simulation are not reliably inlined).
 */
import {
  discontinuationHazard,
  gatedHazard,
  knowledgeGate,
  readinessGate,
  Support,
  supportDose,
  thresholdReached,
  ungatedHazard,
  type StaffState,
} from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import { weeklyChance, WEEKS_PER_MONTH } from './clock.js';

/**
 * Slack for skipping the adoption gate: A, P, F and knowledge are shares, so the gate is ≤ 1 up
 * to rounding (a few ulps); a chance compared against the ungated one times this margin can
 * only be a miss, exactly as the gated comparison would find.
 */
const GATE_MARGIN = 1 + 1e-9;

export interface SwitchRule {
  readonly thresholdRule: boolean;
  /** off ⇒ every threshold is 0, so the peer term always counts */
  readonly thresholds: boolean;
  readonly p: number;
  readonly q: number;
  readonly initiative: number;
  readonly constantDose: boolean;
  readonly teamDose: number;
  readonly unitDose: number;
  readonly readinessGate: boolean;
  readonly knowledgeGate: boolean;
  readonly learningAt: number;
  readonly discontinuation: number;
  readonly duringSupport: number;
  readonly peerProtection: number;
  readonly buyIn: number;
  readonly buyInProtection: number;
  /**
   * The fading ISP push (engagement.pushDecay > 0): each person's unit and the factor
   * e^(−age/τ) of that unit's engagement, set weekly by the run (week.ts). null: the push lasts
   * as long as the engagement (no reads).
   */
  readonly push: FadingPush | null;
}

/** Per-unit factor on the ISP dose, e^(−age/τ) of the unit's current engagement. */
export interface FadingPush {
  readonly unitOf: Int32Array;
  readonly factor: Float64Array;
  /** 1/τ per week */
  readonly perWeek: number;
}

export function switchRule(s: Scenario, push: FadingPush | null = null): SwitchRule {
  return {
    thresholdRule: s.adoption.rule === 'threshold',
    thresholds: s.adoption.thresholds,
    p: s.adoption.p,
    q: s.adoption.q,
    initiative: s.adoption.initiative,
    constantDose: s.adoption.constantDose,
    teamDose: s.engagement.teamDose,
    unitDose: s.engagement.unitDose,
    readinessGate: s.adoption.readinessGate,
    knowledgeGate: s.adoption.knowledgeGate,
    learningAt: s.knowledge.learningAt,
    discontinuation: s.sustainment.discontinuation,
    duringSupport: s.sustainment.duringSupport,
    peerProtection: s.sustainment.peerProtection,
    buyIn: s.context.leadershipBuyIn,
    buyInProtection: s.sustainment.buyInProtection,
    push,
  };
}

/** The fading push's arrays for an organization, or null when engagement.pushDecay is 0. */
export function fadingPush(s: Scenario, unitOf: Int32Array, units: number): FadingPush | null {
  const perMonth = s.engagement.pushDecay;
  if (perMonth === 0) return null;
  return { unitOf, factor: new Float64Array(units).fill(1), perWeek: perMonth / WEEKS_PER_MONTH };
}

/** Set a unit's push factor for an engagement `ageWeeks` old: e^(−age/τ) (MODEL-GROUNDING Revisions 8). */
export function agePush(push: FadingPush, unit: number, ageWeeks: number): void {
  push.factor[unit] = Math.exp(-push.perWeek * ageWeeks);
}

/** The ISPs' push on person i this week: the support dose, faded by the engagement's age. */
function doseOf(rule: SwitchRule, staff: StaffState, i: number): number {
  if (rule.constantDose) return 1;
  const dose = supportDose(staff.support[i], rule.teamDose, rule.unitDose);
  const push = rule.push;
  return push === null || dose === 0 ? dose : dose * push.factor[push.unitOf[i]];
}

/** Whether anyone applying can stop: with no base hazard nobody does (every factor is finite and ≥ 0). */
export function mayStop(rule: SwitchRule): boolean {
  return rule.discontinuation !== 0;
}

/** Whether person i, applying, stops this week (M7), given draw u. */
export function stops(rule: SwitchRule, staff: StaffState, i: number, u: number, exposure: number): boolean {
  if (!mayStop(rule)) return false; // skip the reads
  const supported = staff.support[i] !== Support.none;
  const hazard = discontinuationHazard(rule.discontinuation, supported, rule.duringSupport, exposure, rule.peerProtection, rule.buyIn, rule.buyInProtection);
  return u < weeklyChance(hazard);
}

/** Whether person i, not applying, starts this week (M6), given draw u. */
export function starts(rule: SwitchRule, staff: StaffState, i: number, u: number, exposure: number, knowledge: number): boolean {
  if (rule.thresholdRule) return thresholdReached(exposure, staff.threshold[i]);
  // Each array read only when it can matter (the reduced model reads none of them).
  const dose = doseOf(rule, staff, i);
  const threshold = rule.thresholds ? staff.threshold[i] : 0;
  const ungated = ungatedHazard(rule.p, dose, rule.initiative, knowledge, rule.q, exposure, threshold);
  // The gate (≤ 1) can only lower the chance: when even the ungated chance misses, skip it.
  if (u >= weeklyChance(ungated) * GATE_MARGIN) return false;
  let gate = 1;
  // A, P, F as updated this week (or as they started, with the pathway off).
  if (rule.readinessGate) gate *= readinessGate(staff.acceptability[i], staff.appropriateness[i], staff.feasibility[i]);
  if (rule.knowledgeGate) gate *= knowledgeGate(knowledge, rule.learningAt);
  return u < weeklyChance(gatedHazard(ungated, gate));
}

/**
 * The share of person i's adoption hazard that came through their own initiative
 * (p·initiative·K of the bracket p·(dose + initiative·K) + q·E·1(E ≥ φ)), read when they first
 * adopt: under competing hazards, the chance that this channel is the one that fired. Its mean
 * over adopters is the expected share of adopters who adopted through initiative.
 */
export function initiativeShareOf(rule: SwitchRule, staff: StaffState, i: number, exposure: number, knowledge: number): number {
  if (rule.thresholdRule || rule.initiative === 0) return 0;
  const dose = doseOf(rule, staff, i);
  const threshold = rule.thresholds ? staff.threshold[i] : 0;
  const bracket = ungatedHazard(rule.p, dose, rule.initiative, knowledge, rule.q, exposure, threshold);
  return bracket > 0 ? (rule.p * rule.initiative * knowledge) / bracket : 0;
}
