/**
 * A calibration run in a directory, tiny (classroom, few particles): the same posterior on 1 and
 * 2 threads and after a resume; a clear warning when no parameter setting reaches the data.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, parameterPriors, readSurveyData, surveyWaves, wavesCsv, type CalibrationInput } from '../../src/calibrate/index.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { simulateSurvey } from '../../src/sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-calibrate-'));
const { scenario } = loadScenario('classroom', { overrides: ['months=12', 'isps.relationalSkill=0.7'] });
const dataFile = join(dir, 'waves.csv');
writeFileSync(dataFile, wavesCsv(surveyWaves(simulateSurvey(scenario, 11, { months: [0, 6, 12], sample: 1 }))));

function input(out: string, changes: Partial<CalibrationInput> = {}): CalibrationInput {
  return {
    scenario,
    scenarioRef: 'classroom',
    data: readSurveyData(dataFile, 12),
    priors: parameterPriors('isps.relationalSkill,context.urgency', []),
    options: { particles: 20, generations: 2, repsPerParticle: 1, seed: 5, minAcceptance: 0.01, distance: 'regression' },
    threads: 1,
    out: join(dir, out),
    resume: false,
    version: 'test',
    predictiveDraws: 20,
    ...changes,
  };
}

describe('calibrate', () => {
  it('gives the same posterior on 1 and 2 threads, and resumed from a finished generation', async () => {
    await calibrate(input('one'));
    await calibrate(input('two', { threads: 2 }));
    await calibrate(input('resumed', { options: { ...input('').options, generations: 1 } }));
    const resumed = await calibrate(input('resumed', { resume: true }));
    expect(resumed.resumed).toBe(1);
    const posterior = (out: string) => readFileSync(join(dir, out, 'posterior.csv'), 'utf8');
    expect(posterior('one').split('\n').length).toBe(22);
    expect(posterior('two')).toBe(posterior('one'));
    expect(posterior('resumed')).toBe(posterior('one'));
    expect(readFileSync(join(dir, 'one', 'generations', '01.csv'), 'utf8')).toBe(readFileSync(join(dir, 'resumed', 'generations', '01.csv'), 'utf8'));
  });

  it('warns when the posterior predictive misses data no setting can reach', async () => {
    const unreachable = join(dir, 'unreachable.csv');
    writeFileSync(unreachable, 'month,measure,mean,sd,n\n0,aim,4.9,0.1,40\n6,aim,4.9,0.1,40\n12,aim,4.9,0.1,40\n');
    const outcome = await calibrate(input('unreachable', { data: readSurveyData(unreachable, 12), options: { ...input('').options } }));
    expect(outcome.warnings.join(' ')).toMatch(/posterior predictive misses 3 data points: aim at month 0 \(data 4\.90/);
    const record = JSON.parse(readFileSync(join(dir, 'unreachable', 'calibration.json'), 'utf8')) as { warnings: string[] };
    expect(record.warnings.length).toBeGreaterThan(0);
  });

  it('says so when only generation 0 ran: prior draws, not a posterior', async () => {
    const outcome = await calibrate(input('prior-only', { options: { ...input('').options, generations: 1 } }));
    expect(outcome.warnings).toContain('only generation 0 ran: these are draws from the prior, not a posterior (use --generations 2 or more)');
    const twoGenerations = await calibrate(input('two-generations'));
    expect(twoGenerations.warnings.some((w) => w.startsWith('only generation 0'))).toBe(false);
  });

  it('a two-wave file with 5 % applying at baseline passes the predictive check once the baseline share is estimated', async () => {
    // MODEL-GROUNDING Revisions 10: with every run starting at 0 % applying, month 0's 5 % is
    // out of reach; adoption.baselineApplying (prior 0–0.2) reaches it.
    const { scenario: truth } = loadScenario('foundation', { overrides: ['months=12', 'adoption.baselineApplying=0.05'] });
    const { scenario: start } = loadScenario('foundation', { overrides: ['months=12'] });
    const file = join(dir, 'baseline.csv');
    writeFileSync(file, wavesCsv(surveyWaves(simulateSurvey(truth, 4, { months: [0, 12], sample: 1 }))));
    const data = readSurveyData(file, 12);
    expect(data.waves.find((w) => w.month === 0 && w.measure === 'applying')!.mean).toBeGreaterThan(0.02);
    const options = { particles: 40, generations: 3, repsPerParticle: 1, seed: 5, minAcceptance: 0.01, distance: 'regression' as const };
    const base = { scenario: start, scenarioRef: 'foundation', data, options, predictiveDraws: 40 };
    const without = await calibrate(input('baseline-fixed', { ...base, priors: parameterPriors('isps.relationalSkill', []) }));
    expect(without.warnings.join(' ')).toMatch(/applying at month 0/);
    const withBaseline = await calibrate(input('baseline-estimated', { ...base, priors: parameterPriors('adoption.baselineApplying,isps.relationalSkill', []) }));
    expect(withBaseline.warnings.filter((w) => w.includes('posterior predictive'))).toEqual([]);
    const share = withBaseline.marginals[0];
    expect(share.median).toBeGreaterThan(0.02);
    expect(share.median).toBeLessThan(0.1);
  });

  it('--start-month surveys the simulation that many months later (survey month 0 = simulation month k)', async () => {
    const { scenario: s } = loadScenario('classroom', { overrides: ['months=12'] });
    const file = join(dir, 'late.csv');
    writeFileSync(file, 'month,measure,mean,sd,n\n0,applying,0.5,,20\n');
    const early = await calibrate(input('start-0', { scenario: s, data: readSurveyData(file, 12), options: { ...input('').options, generations: 1 } }));
    const late = await calibrate(input('start-6', { scenario: s, data: readSurveyData(file, 6), startMonth: 6, options: { ...input('').options, generations: 1 } }));
    // At simulation month 0 nobody applies: the band is [0, 0]; six months in it is not.
    expect(early.predictive[0].high).toBe(0);
    expect(late.predictive[0].high).toBeGreaterThan(0);
    expect(late.record.startMonth).toBe(6);
  });
});
