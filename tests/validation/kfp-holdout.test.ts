/**
 * The kfp-holdout pipeline at its fast scale (3 training + 2 held-out villages, 40 particles × 2
 * generations): it checks the pipeline — villages load as organizations, models differ as
 * declared, every held-out village-year is predicted, statements are reported — not the finding.
 */
import { describe, expect, it } from 'vitest';
import { exposureStrata, kfpHoldoutCase, modelScenario, readKfp, villageRun } from '../../src/validation/kfp-holdout.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { KFP_DIR } from '../../src/validation/kfp-holdout.js';
import { join } from 'node:path';

describe('kfp-holdout', () => {
  it('exposure counts adopted ties by the end of the year before; adopters leave the risk set', () => {
    // A path 0–1–2: 0 adopts in year 1, 1 in year 3, 2 never.
    const offsets = Int32Array.of(0, 1, 3, 4);
    const neighbors = Int32Array.of(1, 0, 2, 1);
    const strata = exposureStrata(offsets, neighbors, [1, 3, null]);
    expect(strata).toHaveLength(9);
    expect(strata[0]).toEqual({ cases: [], controls: [0.5, 0] }); // year 2: 1 sees 1 of its 2 ties adopted; 2 sees none
    expect(strata[1]).toEqual({ cases: [0.5], controls: [0] }); // year 3: 1 adopts at exposure ½
    expect(strata[2]).toEqual({ cases: [], controls: [1] }); // year 4: 2 now sees 1 adopted
  });

  it('the three models: real ties, full mixing of the village, the ties rewired; never-adopters never adopt', () => {
    const data = readKfp();
    const { scenario } = loadScenario(join(KFP_DIR, 'kfp.yaml'));
    const women = data.women.length;
    const full = modelScenario(scenario, 40, 'full', [0.01, 0.1, 0.5, 0.3]);
    expect(full.organization.network).toBe('full');
    expect(full.organization.staff).toBe(40);
    const rewired = modelScenario(scenario, women, 'rewired', [0.01, 0.1, 0.5, 0.3]);
    expect(rewired.organization.nullTies).toBe(true);
    expect(rewired.dispositions.interested.threshold).toEqual([0, 0.5]);
    expect(rewired.dispositions.disinterested.share).toBe(0.3);
    // Everyone never adopts ⇒ nobody adopts, whatever the push.
    const village = { name: 'x', women: 40, adopted: [], scenario, organization: undefined as never };
    expect(Array.from(villageRun({ ...village, scenario: full }, 'full', [0.05, 0.5, 0, 1], 1))).toEqual(new Array(10).fill(0));
    expect(villageRun({ ...village, scenario: full }, 'full', [0.05, 0, 0, 0], 1)[9]).toBeGreaterThan(0.9);
  });

  it('the fast pipeline predicts every held-out village-year and reports the four statements', async () => {
    const outcome = await kfpHoldoutCase.run('fast');
    expect(outcome.checks.filter((c) => !c.pass)).toEqual([]);
    expect(outcome.predictions?.map((p) => p.id)).toEqual(['K1', 'K2', 'K3', 'K4']);
    const table = outcome.tables.find((t) => t.caption.startsWith('Held-out predictions'))!;
    expect(table.rows.map((r) => r[0])).toEqual(['village03', 'village10']);
    expect(outcome.charts.map((c) => c.id)).toEqual(['kfp-holdout-bands']);
  }, 300_000); // about 5 s of CPU; minutes of wall time on a host at load 30+
});
