import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepFile } from '../../src/sweep/file.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-sweepfile-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('sweep files', () => {
  it('resolve into a spec and the base scenario with `set` applied', () => {
    writeFileSync(join(dir, 'small.yaml'), 'extends: foundation\norganization: { staff: 60, units: 4 }\n');
    const { spec, scenario } = loadSweepFile(
      file(
        'ok.yaml',
        [
          'name: lengths-by-hours',
          'scenario: small.yaml',
          'set:',
          '  months: 24',
          '  engagement: { coLeads: 3 }',
          'factors:',
          '  engagement.lengthMonths: [6, 12]',
          '  isps.hoursPerWeek: { from: 2, to: 6, step: 2 }',
          'replicates: 4',
          'seed: 9',
          'seeds: independent',
          'metrics: [finalAdoption, timeTo50]',
        ].join('\n'),
      ),
    );
    expect(spec).toEqual({
      kind: 'sweep',
      name: 'lengths-by-hours',
      base: 'small.yaml',
      overrides: ['months=24', 'engagement.coLeads=3'],
      factors: { 'engagement.lengthMonths': [6, 12], 'isps.hoursPerWeek': [2, 4, 6] },
      design: { type: 'grid' },
      replicates: 4,
      seed: 9,
      seeds: 'independent',
      metrics: ['finalAdoption', 'timeTo50'],
    });
    expect(scenario.organization.staff).toBe(60);
    expect(scenario.months).toBe(24);
    expect(scenario.engagement.coLeads).toBe(3);
  });

  it('sampling designs take numeric ranges and lists of choices', () => {
    const { spec } = loadSweepFile(
      file('lhs.yaml', 'design: { type: morris, r: 5 }\nfactors:\n  isps.count: [2, 8]\n  adoption.rule: [hazard, threshold]\n'),
    );
    expect(spec.design).toEqual({ type: 'morris', r: 5, levels: 4 });
    expect(spec.factors).toEqual({ 'isps.count': [2, 8], 'adoption.rule': ['hazard', 'threshold'] });
  });

  const bad: [string, string, RegExp][] = [
    ['value out of range', 'factors:\n  engagement.lengthMonths: [6, 900]\n', /out-of-range\.yaml:2:32: engagement\.lengthMonths: expected a number between 0 and 600 \(months\), got 900/],
    ['wrong type of value', 'factors:\n  adoption.rule: [hazard, bass]\n', /:2:27: adoption\.rule: expected one of hazard \| threshold, got "bass"/],
    ['unknown factor', 'factors:\n  isps.cuont: [1, 2]\n', /:2:3: factors: isps\.cuont: unknown scenario field \(did you mean "isps\.count"\?/],
    ['unknown top-level field', 'replicate: 3\n', /:1:1: replicate: unknown field \(did you mean "replicates"\?/],
    ['bad set value', 'set:\n  isps:\n    count: -1\n', /:3:12: isps\.count: expected a whole number between 0 and 1000000 \(ISPs\), got -1/],
    ['unknown set field', 'set:\n  isps.cuont: 2\n', /:2:3: set: isps\.cuont: unknown scenario field \(did you mean "isps\.count"\?/],
    ['range needed', 'design: { type: lhs, n: 8 }\nfactors:\n  isps.count: [1, 2, 3]\n', /:3:15: factors\.isps\.count: expected a range \[low, high\] with low < high/],
    ['odd Morris levels', 'design: { type: morris, r: 4, levels: 3 }\nfactors: { isps.count: [1, 3] }\n', /:1:39: design\.levels: expected an even number of levels/],
    ['unknown design', 'design: latin\n', /:1:9: design\.type: expected one of grid \| lhs \| sobol \| morris, got "latin"/],
    ['bad replicates', 'replicates: 0\n', /:1:13: replicates: expected a whole number between 1 and 1000000, got 0/],
    ['bad seeds', 'seeds: paired\n', /:1:8: seeds: expected common \| independent, got "paired"/],
    ['unknown metric', 'metrics: [adoption]\n', /:1:11: metrics: unknown outcome/],
    ['missing scenario file', 'scenario: nowhere.yaml\n', /:1:11: scenario: file not found: expected a scenario file, got "nowhere\.yaml"/],
    ['malformed YAML', 'factors: { a: [1, 2\n', /malformed YAML/],
    ['empty list', 'factors:\n  isps.count: []\n', /:2:15: factors\.isps\.count: expected at least one value, got an empty list/],
    [
      'grid combining valid values into no organization',
      'scenario: classroom\nfactors:\n  organization.staff: [10, 60]\n  organization.units: [4, 20]\n',
      /:3:3: factors: design point 1 \(organization\.staff=10, organization\.units=20\): organization\.units: expected at most organization\.staff = 10 units \(each unit needs a leader\), got 20 — a grid runs every combination: change the values/,
    ],
    [
      'sampled design whose ranges overlap into no organization',
      'scenario: classroom\ndesign: { type: lhs, n: 20 }\nfactors:\n  organization.staff: [10, 60]\n  organization.units: [4, 20]\n',
      /:4:3: factors: design point \d+ \(organization\.staff=\d+, organization\.units=\d+\): organization\.units: expected at most .* — narrow the ranges so no sample combines them/,
    ],
  ];
  for (const [name, text, pattern] of bad) {
    it(`locates a bad file: ${name}`, () => {
      const path = file(`${name.replaceAll(' ', '-')}.yaml`, text);
      expect(() => loadSweepFile(path)).toThrow(pattern);
    });
  }
});
