/** Scores of the kfp-holdout case against values worked by hand. */
import { describe, expect, it } from 'vitest';
import { clusterBootstrap, covers, crps, quantileSorted, sorted, stratifiedAuc } from '../../src/validation/kfp-scores.js';

/** CRPS by its definition, over all pairs (the check on the sorted-sample shortcut). */
function crpsByPairs(xs: readonly number[], y: number): number {
  const m = xs.length;
  let a = 0;
  let b = 0;
  for (const x of xs) a += Math.abs(x - y);
  for (const x of xs) for (const z of xs) b += Math.abs(x - z);
  return a / m - b / (2 * m * m);
}

describe('kfp scores', () => {
  it('CRPS of a point forecast is the absolute error; of a sample, E|X − y| − ½E|X − X′|', () => {
    expect(crps(sorted([0.3]), 0.5)).toBeCloseTo(0.2, 12);
    const xs = [0.1, 0.4, 0.4, 0.9, 0.2];
    for (const y of [0, 0.35, 1]) expect(crps(sorted(xs), y)).toBeCloseTo(crpsByPairs(xs, y), 12);
    // A sharper sample centred on the truth scores better than a wide one.
    expect(crps(sorted([0.45, 0.5, 0.55]), 0.5)).toBeLessThan(crps(sorted([0.1, 0.5, 0.9]), 0.5));
  });

  it('quantiles interpolate (type 7) and coverage uses the central interval', () => {
    const xs = sorted(Array.from({ length: 101 }, (_, k) => k / 100));
    expect(quantileSorted(xs, 0.05)).toBeCloseTo(0.05, 12);
    expect(quantileSorted(sorted([0, 1]), 0.25)).toBeCloseTo(0.25, 12);
    expect(covers(xs, 0.5)).toBe(true);
    expect(covers(xs, 0.04)).toBe(false);
    expect(covers(xs, 0.96)).toBe(false);
  });

  it('the cluster bootstrap is seeded, centred on the mean, and narrow when clusters agree', () => {
    const same = clusterBootstrap([[1, 1], [1, 1], [1, 1]], 200, 's');
    expect(same).toEqual({ mean: 1, low: 1, high: 1 });
    const spread = clusterBootstrap([[0, 0], [1, 1], [2, 2], [3, 3]], 500, 's');
    expect(spread.mean).toBe(1.5);
    expect(spread.low).toBeLessThan(1.5);
    expect(spread.high).toBeGreaterThan(1.5);
    expect(clusterBootstrap([[0, 0], [1, 1], [2, 2], [3, 3]], 500, 's')).toEqual(spread);
  });

  it('AUC within strata compares cases only with controls of their stratum', () => {
    expect(stratifiedAuc([{ cases: [0.5], controls: [0.1, 0.5] }])).toEqual({ auc: 0.75, pairs: 2 });
    // Across strata the case would lose (0.2 < 0.9), within its stratum it wins.
    expect(stratifiedAuc([{ cases: [0.2], controls: [0.1] }, { cases: [], controls: [0.9] }]).auc).toBe(1);
    expect(stratifiedAuc([{ cases: [], controls: [1] }]).auc).toBeNaN();
  });
});
