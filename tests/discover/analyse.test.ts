import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { answerWords, discover, questionFrom, type Question, type SweepResults } from '../../src/discover/index.js';
import type { FactorValue, FinishedRun, Manifest } from '../../src/sweep/types.js';

const FACTORS: Record<string, FactorValue[]> = {
  'engagement.lengthMonths': [12, 24],
  'isps.count': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  'organization.units': [6, 9, 12, 15, 18],
  'organization.network': ['organization', 'small-world'],
};

/**
 * A grid sweep with a planted answer: 24 months beats 12 on final adoption exactly when there are
 * 6 ISPs or more; with few units (≤ 9) final adoption is above 0.55 at either length.
 */
function plantedSweep(replicates = 6): SweepResults {
  const random = seedrandom.alea('sweep');
  const names = Object.keys(FACTORS);
  const points: Record<string, FactorValue>[] = [{}];
  for (const name of names) {
    const next: Record<string, FactorValue>[] = [];
    for (const point of points) for (const value of FACTORS[name]) next.push({ ...point, [name]: value });
    points.splice(0, points.length, ...next);
  }
  const runs: FinishedRun[] = [];
  const base = Array.from({ length: replicates }, () => 0.45 + 0.02 * random());
  points.forEach((params, point) => {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const long = params['engagement.lengthMonths'] === 24;
      const isps = params['isps.count'] as number;
      const few = (params['organization.units'] as number) <= 9;
      const finalAdoption = base[replicate] + (few ? 0.12 : 0) + (long ? (isps >= 6 ? 0.04 : -0.02) : 0) + 0.004 * random();
      runs.push({
        id: point * replicates + replicate,
        point,
        replicate,
        seed: 1000 + replicate,
        status: 'ok',
        params,
        summary: { finalAdoption, timeTo50: null } as unknown as FinishedRun['summary'],
        series: {} as FinishedRun['series'],
      });
    }
  });
  const manifest = {
    tool: 'concentric',
    scenario: { name: 'planted', months: 36 },
    sweep: { kind: 'sweep', name: 'planted', base: 'foundation', overrides: [], factors: FACTORS, design: { type: 'grid' }, replicates, seed: 7, seeds: 'common', metrics: [] },
    points: points.map((values, point) => ({ point, values })),
    totalRuns: runs.length,
    sweepHash: 'x',
    shard: null,
  } as unknown as Manifest;
  return { manifestPath: 'results/planted/manifest.json', manifest, runs };
}

const SWEEP = plantedSweep();
const CONTRAST: Question = questionFrom({ contrast: 'engagement.lengthMonths=24:12', outcome: 'finalAdoption', above: 0 });

describe('discover over a sweep', () => {
  it('pairs runs by replicate and other factors, and finds the planted condition on isps.count alone', () => {
    const { analysis, points } = discover(SWEEP, CONTRAST);
    expect(analysis.cases).toMatchObject({ total: 600, interest: 300, train: 300, test: 300, dropped: 0 });
    expect(analysis.factors.map((f) => f.field)).toEqual(['isps.count', 'organization.units', 'organization.network']);
    const [box] = analysis.boxes;
    expect(box.restrictions).toEqual([{ field: 'isps.count', low: 5.5, high: 10, quasiP: expect.any(Number) }]);
    expect(box.restrictions[0].quasiP).toBeLessThan(1e-6);
    expect(box.coverage).toBe(1);
    expect(box.density).toBe(1);
    // the held-out half: the other 300 pairs, all measured
    expect(box.test.n + analysis.boxes[0].n).toBe(300);
    expect(box.test).toMatchObject({ coverage: 1, density: 1 });
    expect(box.meanInside).toBeCloseTo(0.04, 2);
    expect(box.meanOutside).toBeCloseTo(-0.02, 2);
    expect(points).toHaveLength(600);
    expect(points.filter((p) => p.half === 'test')).toHaveLength(300);
    expect(answerWords(analysis)).toBe(
      'engagement.lengthMonths 24 gives higher finalAdoption than 12 when isps.count ≥ 5.5: coverage 100 %, density 100 % ' +
        `(held-out half: coverage 100 %, density 100 %, ${box.test.n} pairs). Across the sweep it holds in 50 % of 600 pairs.`,
    );
    // the trajectory starts at the whole sweep and ends no smaller than the minimum mass
    expect(box.trajectory[0]).toMatchObject({ step: 0, coverage: 1, mass: 1, dimensions: 0, restrictions: [] });
    expect(box.trajectory[box.trajectory.length - 1].mass).toBeGreaterThanOrEqual(0.05);
  });

  it('is deterministic, and the split follows --seed', () => {
    const first = JSON.stringify(discover(SWEEP, CONTRAST).analysis);
    expect(JSON.stringify(discover(SWEEP, CONTRAST).analysis)).toBe(first);
    const reseeded = discover(SWEEP, CONTRAST, { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, boxes: 1, seed: 99 });
    expect(reseeded.analysis.options.splitSeed).toBe('99:discover');
    expect(reseeded.points.map((p) => p.half)).not.toEqual(discover(SWEEP, CONTRAST).points.map((p) => p.half));
  });

  it('--below marks the other side; a threshold moves the cases of interest', () => {
    const below = discover(SWEEP, questionFrom({ contrast: 'engagement.lengthMonths=24:12', outcome: 'finalAdoption', below: 0 })).analysis;
    expect(below.boxes[0].restrictions).toEqual([{ field: 'isps.count', low: 1, high: 5.5, quasiP: expect.any(Number) }]);
    expect(answerWords(below)).toMatch(/^engagement\.lengthMonths 24 gives lower finalAdoption than 12 when isps\.count ≤ 5\.5:/);
    const none = discover(SWEEP, questionFrom({ contrast: 'engagement.lengthMonths=24:12', outcome: 'finalAdoption', above: 0.1 })).analysis;
    expect(none.cases.interest).toBe(0);
    expect(answerWords(none)).toBe('finalAdoption at engagement.lengthMonths 24 minus at 12 is above 0.1 in none of the 600 pairs: there is nothing to discover.');
  });

  it('--where: one case per run, over every factor', () => {
    const { analysis } = discover(SWEEP, questionFrom({ where: 'finalAdoption > 0.55' }));
    expect(analysis.unit).toBe('run');
    expect(analysis.cases.total).toBe(1200);
    expect(analysis.factors.map((f) => f.field)).toContain('engagement.lengthMonths');
    expect(analysis.boxes[0].restrictions).toEqual([{ field: 'organization.units', low: 6, high: 10.5, quasiP: expect.any(Number) }]);
    expect(answerWords(analysis)).toMatch(/^finalAdoption > 0\.55 when organization\.units ≤ 10\.5: coverage 100 %, density 100 %/);
  });

  it('a time never reached counts as the horizon + 1 month', () => {
    const { analysis } = discover(SWEEP, questionFrom({ where: 'timeTo50 > 36' }));
    expect(analysis.cases).toMatchObject({ interest: 1200, dropped: 0 });
    expect(answerWords(analysis)).toBe('timeTo50 > 36 in all 1200 runs: it holds everywhere in this sweep.');
  });

  it('bad questions: one located line naming what was expected and what was given', () => {
    const cases: [Parameters<typeof questionFrom>[0], string][] = [
      [{ contrast: 'engagement.lenghtMonths=24:12', outcome: 'finalAdoption', above: 0 }, '--contrast: engagement.lenghtMonths: unknown field (did you mean "engagement.lengthMonths"?), expected a scenario field (concentric fields lists them), got "engagement.lenghtMonths=24:12"'],
      [{ contrast: 'engagement.lengthMonths=24', outcome: 'finalAdoption', above: 0 }, '--contrast: expected field=value:reference, e.g. engagement.lengthMonths=24:12, got "engagement.lengthMonths=24"'],
      [{ contrast: 'engagement.lengthMonths=24:12', outcome: 'finalAdoptoin', above: 0 }, '--outcome: unknown outcome (did you mean "finalAdoption"? expected one of: finalAdoption, everAdopted, sustainedCapacity'],
      [{ contrast: 'engagement.lengthMonths=24:12', outcome: 'finalAdoption' }, '--contrast: expected --contrast field=value:reference --outcome <outcome> with --above <x> or --below <x>, or --where "<outcome> <op> <number>", got neither --above nor --below'],
      [{ where: 'finalAdoption >> 0.6' }, '--where: expected "<outcome> <op> <number>" with op one of >, >=, <, <= (e.g. "finalAdoption > 0.6"), got "finalAdoption >> 0.6"'],
      [{ where: 'adoption > 0.6' }, '--where: unknown outcome ('],
      [{ outcome: 'finalAdoption', above: 0 }, 'discover: expected --contrast'],
    ];
    for (const [flags, message] of cases) expect(() => questionFrom(flags), JSON.stringify(flags)).toThrow(message);
  });

  it('--step takes box 1 at that step of the trajectory, and names the steps there are when it is beyond them', () => {
    const options = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, boxes: 1 };
    const { analysis } = discover(SWEEP, CONTRAST, { ...options, step: 0 });
    expect(analysis.boxes[0].chosenStep).toBe(0);
    expect(analysis.boxes[0].restrictions).toEqual([]);
    const steps = analysis.boxes[0].trajectory.length;
    expect(() => discover(SWEEP, CONTRAST, { ...options, step: steps })).toThrow(`--step: expected a step of box 1's peeling trajectory (0–${steps - 1}), got ${steps}`);
  });

  it('bad results for the question: the manifest named, the swept values listed', () => {
    const contrast = (text: string) => questionFrom({ contrast: text, outcome: 'finalAdoption', above: 0 });
    expect(() => discover(SWEEP, contrast('engagement.lengthMonths=36:12'))).toThrow(
      '--contrast: engagement.lengthMonths=36: expected one of the values in results/planted/manifest.json (12, 24), got 36',
    );
    expect(() => discover(SWEEP, contrast('isps.hoursPerWeek=8:4'))).toThrow(
      'results/planted/manifest.json: sweep.factors: expected isps.hoursPerWeek among the swept factors (engagement.lengthMonths, isps.count, organization.units, organization.network), got no such factor',
    );
    const lengthsOnly = { ...SWEEP, manifest: { ...SWEEP.manifest, sweep: { ...SWEEP.manifest.sweep, factors: { 'engagement.lengthMonths': [12, 24] } } } };
    expect(() => discover(lengthsOnly, contrast('engagement.lengthMonths=24:12'))).toThrow(
      'results/planted/manifest.json: sweep.factors: expected a factor besides engagement.lengthMonths to find conditions over, got only engagement.lengthMonths',
    );
  });
});
