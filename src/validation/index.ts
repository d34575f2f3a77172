/**
 * src/validation — `npm run validate`: the engine docked to classic diffusion models and checked
 * against the study's patterns. One module per case; `main.ts` runs them (worker threads, one
 * case per task) and `write.ts` writes validation/summary.md, validation/index.html and one SVG
 * per chart.
 *
 *   cases (bass, si-logistic, watts-cascade, complex-contagion, sustainment, study-patterns,
 *          length-hypotheses, study-design, calibration-recovery, model-choice-recovery, kfp-holdout)
 *     ──► CaseOutcome (checks, predictions, tables, Vega-Lite specs, notes) ──► summary.md · index.html · charts/
 *
 * Imports: src/sim, src/scenarios, src/report (statistics and the chart renderer). Nothing
 * imports src/validation except its tests.
 */
import { bassCase } from './bass.js';
import { calibrationRecoveryCase } from './calibration-recovery.js';
import type { ValidationCase } from './case.js';
import { complexContagionCase } from './complex-contagion.js';
import { kfpHoldoutCase } from './kfp-holdout.js';
import { lengthHypothesesCase } from './length-hypotheses.js';
import { modelChoiceRecoveryCase } from './model-choice-recovery.js';
import { siLogisticCase } from './si-logistic.js';
import { studyDesignCase } from './study-design.js';
import { studyPatternsCase } from './study-patterns.js';
import { sustainmentCase } from './sustainment.js';
import { wattsCascadeCase } from './watts-cascade.js';

/** Every case, in report order. */
export const CASES: readonly ValidationCase[] = [
  bassCase,
  siLogisticCase,
  wattsCascadeCase,
  complexContagionCase,
  sustainmentCase,
  studyPatternsCase,
  lengthHypothesesCase,
  studyDesignCase,
  calibrationRecoveryCase,
  modelChoiceRecoveryCase,
  kfpHoldoutCase,
];

export function caseById(id: string): ValidationCase | undefined {
  return CASES.find((c) => c.id === id);
}

export { Scale, check, passed, prediction, type Prediction, type Check, type CaseOutcome, type CaseChart, type Table, type ValidationCase } from './case.js';
