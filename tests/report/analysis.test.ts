/**
 * The aggregate phase on real results directories (tests/report/fixtures.ts): the verdict is computed
 * from the runs — altering the runs of one length changes it — pairing follows the seed scheme,
 * censoring of time to 50 % is honest, and the reference is chosen as documented.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseDirectory } from '../../src/report/index.js';
import { alterLength, readRuns, temporaryDir, writeResults } from './fixtures.js';

const RESAMPLES = 1000;
let root: string;
let base: string;

function finalAdoption(model: Awaited<ReturnType<typeof analyseDirectory>>, length: number) {
  const comparison = model.comparisons.find((c) => c.outcome === 'finalAdoption' && c.length === length);
  if (!comparison) throw new Error(`no final-adoption comparison for ${length} months`);
  return comparison;
}

beforeAll(() => {
  root = temporaryDir();
  base = join(root, 'base');
  writeResults(base, { lengths: [6, 12, 18], replicates: 6 });
});

describe('the verdict comes from the runs', () => {
  it('copying the 12-month runs into the 18-month slots makes 18 vs 12 exactly equivalent', async () => {
    const dir = join(root, 'copied');
    const twelve = new Map(
      readRuns(base)
        .filter((run) => run.status === 'ok' && run.params['engagement.lengthMonths'] === 12)
        .map((run) => [run.replicate, run]),
    );
    alterLength(base, dir, 18, (run) => {
      const source = twelve.get(run.replicate)!;
      return source.status === 'ok' ? { ...run, summary: source.summary, series: source.series } : run;
    });
    const model = await analyseDirectory(dir, { resamples: RESAMPLES });
    const c = finalAdoption(model, 18);
    expect(c.paired).toBe(true);
    expect(c.estimate).toBe(0);
    expect(c.verdict).toBe('equivalent');
    expect(c.words).toBe('equivalent within ±5 pp');
  });

  it('cutting the 18-month runs by 20 pp of staff turns 18 vs 12 into "differs"', async () => {
    const before = await analyseDirectory(base, { resamples: RESAMPLES });
    const dir = join(root, 'cut');
    alterLength(base, dir, 18, (run) => ({ ...run, summary: { ...run.summary, finalAdoption: Math.max(0, run.summary.finalAdoption - 0.2) } }));
    const after = await analyseDirectory(dir, { resamples: RESAMPLES });
    const c = finalAdoption(after, 18);
    expect(finalAdoption(before, 18).verdict).not.toBe('differs');
    expect(c.verdict).toBe('differs');
    expect(c.estimate).toBeLessThan(-0.1);
    expect(c.words).toMatch(/^differs by −\d+\.\d pp \(95 % CI −\d+\.\d to −\d+\.\d\)/);
    expect(after.headline.sentence).toMatch(/^Engagement length matters for final adoption/);
    expect(after.headline.sentence).toContain('18 months differs by');
    expect(after.headline.sentence).not.toBe(before.headline.sentence);
    // 6 vs 12 did not change: only the altered length moved
    expect(finalAdoption(after, 6)).toEqual(finalAdoption(before, 6));
  });
});

describe('pairing, reference, censoring', () => {
  it('pairs by replicate under common seeds and not under independent seeds', async () => {
    const common = await analyseDirectory(base, { resamples: RESAMPLES });
    expect(common.paired).toBe(true);
    expect(common.reference).toBe(12);
    expect(common.comparisons).toHaveLength(2 * 6); // 2 lengths × 6 outcomes
    const dir = join(root, 'independent');
    writeResults(dir, { lengths: [6, 12], replicates: 4, seeds: 'independent' });
    const independent = await analyseDirectory(dir, { resamples: RESAMPLES });
    expect(independent.paired).toBe(false);
    expect(independent.comparisons.every((c) => !c.paired && c.n === 4 && c.nReference === 4)).toBe(true);
  });

  it('uses --reference when given and rejects a length that was not run', async () => {
    const model = await analyseDirectory(base, { reference: 18, resamples: RESAMPLES });
    expect(model.reference).toBe(18);
    expect(model.comparisons.map((c) => c.length)).not.toContain(18);
    await expect(analyseDirectory(base, { reference: 24 })).rejects.toThrow(
      '--reference: expected one of the engagement lengths in the results (6, 12, 18), got 24',
    );
  });

  it('counts a run that never reached 50 % at months + 1 and does not assess mostly censored groups', async () => {
    const dir = join(root, 'censored');
    alterLength(base, dir, 6, (run) => ({ ...run, summary: { ...run.summary, timeTo50: null } }));
    const model = await analyseDirectory(dir, { resamples: RESAMPLES });
    const c = model.comparisons.find((x) => x.outcome === 'timeTo50' && x.length === 6)!;
    expect(c.censoredLength).toBe(1);
    expect(c.meanLength).toBe(model.months + 1);
    expect(c.verdict).toBe('not-assessed');
    expect(c.words).toBe(`not assessed — more than half the runs of a group never reached 50 % within ${model.months} months`);
  });

  it('states pattern 2 from the limited-vs-high comparisons only', async () => {
    const model = await analyseDirectory(base, { resamples: RESAMPLES });
    expect(['holds', 'does-not-hold', 'undetermined']).toContain(model.headline.pattern2.status);
    expect(model.headline.pattern2.sentence).toMatch(/^Pattern 2 /);
    expect(model.headline.pattern2.sentence).toContain('18 vs 12');
    expect(model.headline.pattern2.sentence).not.toContain('6 vs 12');
    const limitedOnly = await analyseDirectory(base, { reference: 6, resamples: RESAMPLES });
    expect(limitedOnly.headline.pattern2.sentence).toContain('18 vs 6');
  });

  it('does not compare when engagement length was not varied', async () => {
    const dir = join(root, 'one-length');
    writeResults(dir, { lengths: [12], replicates: 3 });
    const model = await analyseDirectory(dir, { resamples: RESAMPLES });
    expect(model.comparesLengths).toBe(false);
    expect(model.comparisons).toEqual([]);
    expect(model.headline.pattern2.status).toBe('not-assessed');
    expect(model.headline.sentence).toBe('Engagement length was not varied in this design (every run used 12 months), so lengths are not compared.');
  });
});
