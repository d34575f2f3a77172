import { describe, expect, it } from 'vitest';
import { morrisCharts } from '../../../src/report/charts/sensitivity-morris.js';
import { sobolCharts } from '../../../src/report/charts/sensitivity-sobol.js';
import { toSvg, toVega } from '../../../src/report/render.js';
import { morrisTrajectories, saltelliSamples } from '../../../src/sweep/designs/index.js';
import { morrisEffects, sobolIndices, type SensitivityAnalysis, type SensitivityFactor } from '../../../src/sweep/sensitivity/index.js';
import { G_COEFFICIENTS, gFunction, ishigami } from '../../sweep/sensitivity/test-functions.js';

function factor(path: string): SensitivityFactor {
  return { path, low: 0, high: 1, unit: 'share 0–1', integer: false, help: '', value: 0.5 };
}

function analysis(method: 'morris' | 'sobol'): SensitivityAnalysis {
  const k = method === 'morris' ? G_COEFFICIENTS.length : 3;
  const factors = Array.from({ length: k }, (_, i) => factor(`factor.x${i + 1}`));
  const common = {
    method,
    scenario: 'test',
    factors,
    leftOut: [],
    n: 10,
    levels: method === 'morris' ? 4 : null,
    replicates: 2,
    seed: 1,
    lengthMonths: 12,
    difference: { limited: 9, high: 18 },
    runs: 0,
    failedRuns: 0,
    resamples: 50,
  };
  if (method === 'morris') {
    const design = morrisTrajectories(10, k, 4, 1);
    const y = design.rows.map(gFunction).map((v) => v / 10);
    const morris = morrisEffects(y, design, { resamples: 50 });
    return { ...common, points: y.length, outputs: [{ output: 'finalAdoption', mean: 0.1, sd: 0.05, noise: { pointVariance: 1e-5, floor: 0.002 }, morris }] };
  }
  const y = saltelliSamples(256, 3, 1).map(ishigami);
  const sobol = sobolIndices(y, 3, { resamples: 50 });
  return { ...common, points: y.length, outputs: [{ output: 'sustainedCapacity', mean: 0.1, sd: 0.05, noise: { pointVariance: null, floor: null }, sobol }] };
}

describe('sensitivity charts', () => {
  it('Morris: a tornado sorted by μ* and a μ*–σ plane per output; they compile and render without warnings', async () => {
    const charts = morrisCharts(analysis('morris'));
    expect(charts.map((c) => c.id)).toEqual(['morris-finalAdoption', 'morris-plane-finalAdoption']);
    const rows = (charts[0].spec as { data: { values: { factor: string; muStar: number }[] } }).data.values;
    expect(rows.map((r) => r.factor).slice(0, 4)).toEqual(['factor.x1', 'factor.x2', 'factor.x3', 'factor.x4']);
    for (let i = 0; i + 1 < rows.length; i++) expect(rows[i].muStar).toBeGreaterThanOrEqual(rows[i + 1].muStar);
    for (const chart of charts) {
      const compiled = toVega(chart.spec);
      expect(compiled.warnings).toEqual([]);
      expect(await toSvg(compiled.vega)).toContain('<svg');
    }
    expect(sobolCharts(analysis('morris'))).toEqual([]);
  });

  it("Sobol': ST with S1 inside, sorted by ST (Ishigami: x1, x2, x3), compiles without warnings", async () => {
    const charts = sobolCharts(analysis('sobol'));
    expect(charts.map((c) => c.id)).toEqual(['sobol-sustainedCapacity']);
    const rows = (charts[0].spec as { data: { values: { factor: string; index: string }[] } }).data.values;
    expect(rows.filter((r) => r.index === 'total (ST)').map((r) => r.factor)).toEqual(['factor.x1', 'factor.x2', 'factor.x3']);
    const compiled = toVega(charts[0].spec);
    expect(compiled.warnings).toEqual([]);
    expect(await toSvg(compiled.vega)).toContain('factor.x3');
    expect(morrisCharts(analysis('sobol'))).toEqual([]);
  });
});
