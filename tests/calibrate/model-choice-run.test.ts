/**
 * `calibrate --models` in a directory, tiny (classroom, few particles): the pipeline writes the
 * model posterior, is the same on 1 and 2 threads and after a resume, and picks the model the
 * data came from when the models differ plainly. The recovery test at a useful size is the
 * validate case `model-choice-recovery` (docs/VALIDATION.md).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseModel, parameterPriors, readSurveyData, surveyWaves, wavesCsv, type ModelChoiceInput } from '../../src/calibrate/index.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { simulateSurvey } from '../../src/sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-models-'));
const model = (culture: number) => loadScenario('classroom', { overrides: ['months=12', `context.learningCulture=${culture}`, `name=culture-${culture}`] }).scenario;
const low = model(0.3);
const high = model(0.7);
const dataFile = join(dir, 'waves.csv');
writeFileSync(dataFile, wavesCsv(surveyWaves(simulateSurvey(high, 11, { months: [0, 6, 12], sample: 1 }))));

function input(out: string, changes: Partial<ModelChoiceInput> = {}): ModelChoiceInput {
  return {
    models: [
      { ref: 'low', scenario: low },
      { ref: 'high', scenario: high },
    ],
    data: readSurveyData(dataFile, 12),
    priors: parameterPriors('engagement.pushDecay', []),
    options: { particles: 60, generations: 3, seed: 2, minAcceptance: 0.01, stay: 0.7 },
    threads: 1,
    out: join(dir, out),
    resume: false,
    version: 'test',
    predictiveDraws: 20,
    ...changes,
  };
}

describe('calibrate --models', () => {
  it('writes the model posterior and picks the model the data came from', async () => {
    const outcome = await chooseModel(input('one'));
    expect(outcome.summary.map((m) => m.ref)).toEqual(['low', 'high']);
    // 60 particles and three generations: ε is still wide (the adaptive distance weighs all 15
    // wave means alike, and only month 0's safety separates these models), so the posterior is
    // not yet sharp; it must already favour the data's model, whose predictive misses less.
    expect(outcome.summary[1].posterior).toBeGreaterThan(0.7);
    expect(outcome.summary[1].predictiveMisses!).toBeLessThan(outcome.summary[0].predictiveMisses!);
    expect(outcome.summary[0].posterior + outcome.summary[1].posterior).toBeCloseTo(1, 12);
    const models = readFileSync(join(dir, 'one', 'models.csv'), 'utf8').trim().split('\n');
    expect(models[0]).toBe('model,scenario,prior,posterior,bayes_factor_vs_best,particles');
    expect(models).toHaveLength(3);
    expect(readFileSync(join(dir, 'one', 'summary.md'), 'utf8')).toMatch(/Robert, Cornuet, Marin & Pillai 2011/);
    expect(outcome.averaged[0].field).toBe('engagement.pushDecay');
  });

  it('is the same on 2 threads and resumed from a finished generation', async () => {
    await chooseModel(input('two', { threads: 2 }));
    await chooseModel(input('resumed', { options: { ...input('').options, generations: 2 } }));
    const resumed = await chooseModel(input('resumed', { resume: true }));
    expect(resumed.resumed).toBe(2);
    const file = (out: string, name: string) => readFileSync(join(dir, out, name), 'utf8');
    for (const name of ['posterior.csv', 'models.csv', 'generations/02.csv']) {
      expect(file('two', name)).toBe(file('one', name));
      expect(file('resumed', name)).toBe(file('one', name));
    }
  });

  it('refuses to resume with other settings, and a second run into the same --out', async () => {
    await expect(chooseModel(input('one'))).rejects.toThrow(/a model choice is already there/);
    await expect(chooseModel(input('one', { resume: true, options: { ...input('').options, seed: 9 } }))).rejects.toThrow(/expected the same models, data, parameters and settings/);
  });
});
