/**
 * The model-choice recovery case's pipeline, tiny (its fast scale: one dataset from H1 and one
 * from H2, 40 particles × 3 generations). The ≥ 8 of 10 recovery is `npm run validate`'s.
 */
import { describe, expect, it } from 'vitest';
import { Scale, type CaseOutcome } from '../../src/validation/case.js';
import { modelChoiceRecoveryCase } from '../../src/validation/model-choice-recovery.js';

describe('model-choice-recovery (fast scale)', () => {
  it('selects H1 for data from H1 and H2 for data from H2, with probabilities that sum to 1', async () => {
    const outcome = (await modelChoiceRecoveryCase.run(Scale.fast)) as CaseOutcome;
    expect(outcome.checks.filter((c) => !c.pass).map((c) => `${c.name}: ${c.measured}`)).toEqual([]);
    const rows = outcome.tables[0].rows;
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(Number(row[3]) + Number(row[4]) + Number(row[5])).toBeCloseTo(1, 2);
  }, 240_000);
});

describe('the study observation as evidence (tiny)', () => {
  it('gives likelihoods in [0, 1] and posterior model probabilities that sum to 1', async () => {
    const { studyEvidence } = await import('../../src/validation/model-choice-recovery.js');
    const e = studyEvidence(3, 5);
    for (const l of e.likelihood) {
      expect(l).toBeGreaterThanOrEqual(0);
      expect(l).toBeLessThanOrEqual(1);
    }
    expect(e.posterior.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  }, 120_000);
});
