/**
 * The fast subset of `npm run validate`: the same cases at small N and few seeds (their `fast`
 * configurations, with the looser windows stated in each case). Bass docking and the study's
 * patterns run in tests/sim on the shared code; the full suite runs them at scale.
 */
import { describe, expect, it } from 'vitest';
import { Scale, type CaseOutcome, type ValidationCase } from '../../src/validation/case.js';
import { complexContagionCase } from '../../src/validation/complex-contagion.js';
import { CASES } from '../../src/validation/index.js';
import { siLogisticCase } from '../../src/validation/si-logistic.js';
import { sustainmentCase } from '../../src/validation/sustainment.js';
import { wattsCascadeCase } from '../../src/validation/watts-cascade.js';

function failures(outcome: CaseOutcome): string[] {
  return outcome.checks.filter((c) => !c.pass).map((c) => `${c.name}: measured ${c.measured}; expected ${c.expected} (${c.tolerance})`);
}

async function expectAllPass(validationCase: ValidationCase): Promise<CaseOutcome> {
  const outcome = await validationCase.run(Scale.fast);
  expect(outcome.checks.length).toBeGreaterThan(0);
  expect(failures(outcome)).toEqual([]);
  return outcome;
}

describe('validation cases (fast scale)', () => {
  it('every case declares its source, design, what it establishes and what it does not', async () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const c of CASES) for (const text of [c.title, c.source, c.design, c.establishes, c.limits]) expect(text.length, c.id).toBeGreaterThan(10);
  });

  it('Watts cascades at N = 2,000: frequent inside the window, none well outside', async () => {
    const outcome = await expectAllPass(wattsCascadeCase);
    expect(outcome.charts.map((c) => c.id)).toEqual(['watts-cascade']);
  });

  it('SI on a complete graph at N = 2,000 follows the (discrete) logistic', async () => {
    await expectAllPass(siLogisticCase);
  });

  it('complex contagion at N = 500: clustered spreads further without push; long ties are faster with it', async () => {
    await expectAllPass(complexContagionCase);
  });

  describe('sustainment (UniSIC)', () => {
    const outcome = sustainmentCase.run(Scale.fast) as CaseOutcome; // a synchronous case
    const [mechanism, unisic] = outcome.checks;

    it('the bare discontinuation hazard gives the survival it implies, (1 − 0.05·12/52)^104 ≈ 29.9 %', async () => {
      expect(mechanism.pass, mechanism.measured).toBe(true);
    });

    it('foundation defaults: share still applying 24 months after support ends lies inside UniSIC 25.1–37.1 %', async () => {
      expect(unisic.pass, unisic.measured).toBe(true);
    });
  });
});
