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
