/**
 * Pathway stages for reporting (the study's Figure 1 read left to right). A person is in the
 * furthest stage whose condition holds.
 */
export const STAGES = ['unaware', 'contacted', 'trusting', 'accepting', 'learning', 'applying', 'sustaining'] as const;
export type StageName = (typeof STAGES)[number];
export const Stage = { unaware: 0, contacted: 1, trusting: 2, accepting: 3, learning: 4, applying: 5, sustaining: 6 } as const;

export interface StageThresholds {
  readonly trustingAt: number;
  readonly acceptingAt: number;
  readonly learningAt: number;
  /** weeks of continuous application that count as sustaining */
  readonly sustainedAfterWeeks: number;
}

export function stageOf(
  contact: number,
  trust: number,
  readinessMean: number,
  knowledge: number,
  applying: number,
  weeksApplying: number,
  t: StageThresholds,
): number {
  return applying ? applyingStage(weeksApplying, t) : restingStage(contact, trust, readinessMean, knowledge, t);
}

/** The stage of someone applying: sustaining after enough weeks of it. */
function applyingStage(weeksApplying: number, t: StageThresholds): number {
  return weeksApplying >= t.sustainedAfterWeeks ? Stage.sustaining : Stage.applying;
}

/** The stage of someone not applying: how far along the pathway they are. */
export function restingStage(contact: number, trust: number, readinessMean: number, knowledge: number, t: StageThresholds): number {
  if (knowledge >= t.learningAt) return Stage.learning;
  if (readinessMean >= t.acceptingAt) return Stage.accepting;
  if (trust >= t.trustingAt) return Stage.trusting;
  return contact > 0 ? Stage.contacted : Stage.unaware;
}
