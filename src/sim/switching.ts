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
import { weeklyChance } from './clock.js';

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
}

export function switchRule(s: Scenario): SwitchRule {
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
  };
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
  const dose = rule.constantDose ? 1 : supportDose(staff.support[i], rule.teamDose, rule.unitDose);
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
