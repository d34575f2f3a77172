/** Survey data files and --params/--prior: what is read, and every refusal with file:line. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parameterPriors, readSurveyData, surveyCsv, surveyWaves, wavesCsv } from '../../src/calibrate/index.js';
import { samplingBox, valueAsRun } from '../../src/calibrate/params.js';
import { loadScenario } from '../../src/scenarios/index.js';
import { simulateSurvey } from '../../src/sim/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-data-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('survey data files', () => {
  it('the item-level file and the waves file of one survey give the same wave means', () => {
    const { scenario } = loadScenario('classroom');
    const result = simulateSurvey(scenario, 3, { months: [0, 12], sample: 0.8 });
    const long = readSurveyData(file('long.csv', surveyCsv(result)), 36);
    const waves = readSurveyData(file('waves.csv', wavesCsv(surveyWaves(result))), 36);
    expect(long.format).toBe('long');
    expect(waves.format).toBe('waves');
    expect(long.waves.map((w) => [w.month, w.measure, w.n])).toEqual(waves.waves.map((w) => [w.month, w.measure, w.n]));
    long.waves.forEach((w, k) => expect(w.mean).toBeCloseTo(waves.waves[k].mean, 5));
  });

  const bad: [string, string, RegExp][] = [
    ['missing column', 'person,unit,month,instrument,response\n1,0,0,aim,3\n', /missing\.csv:1: missing column item/],
    ['month beyond the horizon', 'month,measure,mean,sd,n\n0,aim,3,1,10\n48,aim,3,1,10\n', /horizon\.csv:3: month: expected a whole month 0–36.*got "48"/],
    ['response outside the scale', 'person,unit,month,instrument,item,response\n1,0,0,aim,1,6\n', /scale\.csv:2: response: expected a whole response 1–5 on aim, got "6"/],
    ['unknown instrument', 'person,unit,month,instrument,item,response\n1,0,0,aim,1,3\n1,0,0,nps,1,3\n', /instrument\.csv:3: instrument: expected one of aim, iam, fim, psychSafety, applying, got "nps"/],
    ['repeated answer', 'person,unit,month,instrument,item,response\n1,0,0,aim,1,3\n1,0,0,aim,2,4\n1,0,0,aim,1,4\n', /repeat\.csv:4: person 1, month 0, aim item 1: expected one response, got a second \(first on line 2\)/],
    ['row with more cells than the header', 'month,measure,mean,sd,n\n0,aim,3.1,0.7,10,extra\n', /extra\.csv:2: expected 5 cells as in the header, got 6: "0,aim,3\.1,0\.7,10,extra"/],
    ['header after blank lines', '\n\nmonth,measure,mean\n0,aim,3.1\n', /blank\.csv:3: missing columns sd, n/],
    ['mean that is not a decimal number', 'month,measure,mean,sd,n\n0,aim,0x3,1,10\n', /hex\.csv:2: mean: expected a scale mean 1–5, got "0x3"/],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses a file with a ${what}, naming file:line`, () => {
      const name = message.source.split('\\.csv')[0] + '.csv';
      expect(() => readSurveyData(file(name, text), 36)).toThrow(message);
    });
  }

  it('says plainly when the file cannot be read', () => {
    expect(() => readSurveyData(join(dir, 'absent.csv'), 36)).toThrow(/--data .*absent\.csv: expected a readable file, got file not found/);
  });
});

describe('parameters and priors', () => {
  it('defaults each prior to the field\'s explore range', () => {
    const priors = parameterPriors('isps.relationalSkill,context.urgency', ['context.urgency=0.2:0.8']);
    expect(priors.map((p) => [p.field, p.low, p.high])).toEqual([
      ['isps.relationalSkill', 0.4, 1],
      ['context.urgency', 0.2, 0.8],
    ]);
  });

  it('refuses unknown and non-numeric fields and priors outside the valid range', () => {
    expect(() => parameterPriors('isps.relationalSkil', [])).toThrow(/--params: isps\.relationalSkil: unknown field \(did you mean "isps\.relationalSkill"\?\)/);
    expect(() => parameterPriors('adoption.rule', [])).toThrow(/--params: adoption\.rule: expected a numeric field/);
    expect(() => parameterPriors('context.urgency', ['context.urgency=0.5:1.5'])).toThrow(/--prior: context\.urgency: expected a range within the field's valid 0–1, got 0\.5:1\.5/);
    expect(() => parameterPriors('context.urgency', ['isps.count=1:3'])).toThrow(/--prior: isps\.count: expected one of the --params fields/);
  });

  it('a survey with a wave nobody answered leaves that wave out of the waves file (no empty means)', () => {
    const { scenario } = loadScenario('classroom');
    const result = simulateSurvey(scenario, 3, { months: [0, 12], sample: 0.001 });
    const rows = surveyWaves(result);
    expect(rows.every((row) => row.n > 0 && Number.isFinite(row.mean))).toBe(true);
    expect(wavesCsv(rows)).not.toMatch(/,,/);
  });
});

describe('--params and --prior, more', () => {
  it('refuses a second --prior for one field and a prior that is not plain numbers', () => {
    expect(() => parameterPriors('context.urgency', ['context.urgency=0.1:0.5', 'context.urgency=0.2:0.6'])).toThrow(/--prior: context\.urgency: expected one prior per field, got a second/);
    expect(() => parameterPriors('context.urgency', ['context.urgency=0x0:0x1'])).toThrow(/--prior: context\.urgency: expected numbers low < high, got "0x0:0x1"/);
  });

  it('a whole-number field is sampled over [low − ½, high + ½], so each whole value is equally likely after rounding', () => {
    const [units] = parameterPriors('organization.units', ['organization.units=4:8']);
    expect(units.integer).toBe(true);
    expect(samplingBox(units)).toEqual({ low: 3.5, high: 8.5 });
    expect(valueAsRun(units, 5.49)).toBe(5);
    const [urgency] = parameterPriors('context.urgency', []);
    expect(samplingBox(urgency)).toEqual({ low: urgency.low, high: urgency.high });
  });
});
