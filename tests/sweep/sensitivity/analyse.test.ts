import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManifest, runSweep } from '../../../src/sweep/index.js';
import { analyseSensitivity, headline, planSensitivity, rankingTable, type SensitivityPlan } from '../../../src/sweep/sensitivity/index.js';

async function run(plan: SensitivityPlan): Promise<(label: string) => string> {
  const root = mkdtempSync(join(tmpdir(), 'concentric-sensitivity-'));
  const dirOf = (label: string) => join(root, label);
  for (const sweep of plan.sweeps) {
    const outcome = await runSweep({ dir: dirOf(sweep.label), manifest: createManifest(sweep.spec, sweep.scenario, null), threads: 1 });
    expect(outcome.failed).toBe(0);
  }
  return dirOf;
}

// trust.trustingAt only labels stages: under common random numbers it cannot change a run.
const FACTORS = ['trust.trustingAt', 'adoption.initiative'];

describe('sensitivity analysis of real runs', () => {
  it('Morris: an inert factor gets μ* = 0 exactly (common random numbers), a strong one does not; three outputs', async () => {
    const plan = planSensitivity({
      scenario: 'foundation',
      overrides: ['months=12'],
      method: 'morris',
      n: 3,
      levels: 4,
      factors: FACTORS,
      replicates: 2,
      seed: 3,
      difference: { limited: 6, high: 12 },
    });
    const analysis = await analyseSensitivity(plan, await run(plan), { resamples: 100 });
    expect(analysis.outputs.map((o) => o.output)).toEqual(['finalAdoption', 'sustainedCapacity', 'lengthDifference']);
    const adoption = analysis.outputs[0];
    expect(adoption.morris!.factors[0].muStar).toBe(0);
    expect(adoption.morris!.factors[1].muStar).toBeGreaterThan(0.01);
    expect(adoption.noise.floor).not.toBeNull();
    expect(rankingTable(adoption, analysis).rows[0][1]).toBe('adoption.initiative');
    expect(headline(adoption, analysis)).toMatch(/^final adoption \(12-month engagements\) depends most on adoption\.initiative/);
    const difference = analysis.outputs[2];
    expect(difference.morris!.factors[0].muStar).toBe(0);
  });

  it("Sobol': the inert factor has ST = 0; with one replicate the noise is not estimated", async () => {
    const plan = planSensitivity({
      scenario: 'foundation',
      overrides: ['months=12'],
      method: 'sobol',
      n: 8,
      levels: 4,
      factors: FACTORS,
      replicates: 1,
      seed: 3,
      difference: null,
    });
    const analysis = await analyseSensitivity(plan, await run(plan), { resamples: 100 });
    const [adoption] = analysis.outputs;
    const [inert, initiative] = adoption.sobol!.factors;
    expect(inert!.total).toBe(0);
    // With the other factor inert, AB_initiative = B and AB_inert = A, so the Jansen estimators
    // give S1(inert) = 1 − ST(initiative) exactly: S1(inert) → 0 as n grows; it is noisy at n = 8.
    expect(inert!.first + initiative!.total).toBeCloseTo(1, 9);
    expect(initiative!.total).toBeGreaterThan(0.5);
    expect(adoption.noise.floor).toBeNull();
  });
});
