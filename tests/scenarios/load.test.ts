import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, listBuiltins, listFields, loadScenario } from '../../src/scenarios/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-scenarios-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected an InputError');
}

describe('loading scenarios', () => {
  it('resolves the built-in foundation with every default filled in', () => {
    const { scenario } = loadScenario('foundation');
    expect(scenario.name).toBe('foundation');
    expect(scenario.organization.staff).toBe(200);
    expect(scenario.isps.count).toBe(5);
    expect(scenario.engagement.coLeads).toBe(2);
    expect(scenario.trust.gain).toBeTypeOf('number');
    expect(listBuiltins()).toContain('foundation');
  });

  it('extends a built-in and deep-merges the file over it', () => {
    const path = file('extends.yaml', 'extends: foundation\nname: mine\nisps:\n  count: 3\n');
    const { scenario } = loadScenario(path);
    expect(scenario.name).toBe('mine');
    expect(scenario.isps.count).toBe(3);
    expect(scenario.isps.relationalSkill).toBe(0.8);
    expect(scenario.organization.staff).toBe(200);
  });

  it('reads JSON files too', () => {
    const path = file('s.json', JSON.stringify({ extends: 'foundation', months: 24 }));
    expect(loadScenario(path).scenario.months).toBe(24);
  });

  it('applies --set overrides validated like the file', () => {
    const { scenario } = loadScenario('foundation', { overrides: ['engagement.lengthMonths=18', 'adoption.thresholds=false'] });
    expect(scenario.engagement.lengthMonths).toBe(18);
    expect(scenario.adoption.thresholds).toBe(false);
    expect(errorOf(() => loadScenario('foundation', { overrides: ['trust.gain=1.5'] }))).toBe(
      '--set trust.gain=1.5: trust.gain: expected a number between 0 and 1 (share 0–1), got 1.5',
    );
  });
});

describe('bad input: one line naming file, field, expectation and given value', () => {
  it('unknown field, with line, column and a suggestion', () => {
    const path = file('unknown.yaml', 'extends: foundation\nisps:\n  count: 3\n  relationalSkil: 0.9\n');
    const message = errorOf(() => loadScenario(path));
    expect(message).toMatch(/unknown\.yaml:4:3: isps\.relationalSkil: unknown field \(did you mean "relationalSkill"\?/);
  });

  it('wrong type', () => {
    const path = file('type.yaml', 'isps:\n  count: five\n');
    expect(errorOf(() => loadScenario(path))).toMatch(/type\.yaml:2:10: isps\.count: expected a whole number between 0 and 1000000 \(ISPs\), got "five"/);
  });

  it('out of range', () => {
    const path = file('range.yaml', 'engagement:\n  lengthMonths: -3\n');
    expect(errorOf(() => loadScenario(path))).toMatch(/range\.yaml:2:17: engagement\.lengthMonths: expected a number between 0 and 600 \(months\), got -3/);
  });

  it('malformed YAML', () => {
    const path = file('bad.yaml', 'isps:\n  count: [1, 2\n');
    expect(errorOf(() => loadScenario(path))).toMatch(/bad\.yaml:\d+:\d+: malformed YAML: /);
  });

  it('missing file', () => {
    expect(errorOf(() => loadScenario(join(dir, 'nope.yaml')))).toMatch(/nope\.yaml: file not found/);
  });

  it('unknown built-in name, with a suggestion', () => {
    expect(errorOf(() => loadScenario('fundation'))).toMatch(/unknown built-in scenario "fundation" \(did you mean "foundation"\?\)/);
  });

  it('a bad range pair names the pair', () => {
    const path = file('pair.yaml', 'dispositions:\n  skeptical:\n    threshold: [0.6, 0.2]\n');
    expect(errorOf(() => loadScenario(path))).toMatch(/pair\.yaml:3:16: dispositions\.skeptical\.threshold: expected a pair \[low, high\]/);
  });

  it('an unknown --set path suggests the nearest field', () => {
    expect(errorOf(() => loadScenario('foundation', { overrides: ['engagment.lengthMonths=3'] }))).toMatch(
      /--set engagment\.lengthMonths=3: engagment: unknown field \(did you mean "engagement"\?/,
    );
  });
});

describe('schema as single source of truth', () => {
  it('every numeric field has a unit, a range and help; assumptions carry a range to explore', () => {
    const fields = listFields();
    expect(fields.length).toBeGreaterThan(60);
    for (const { path, meta } of fields) {
      expect(meta.help.length, path).toBeGreaterThan(5);
      expect(meta.unit.length, path).toBeGreaterThan(0);
      if (meta.assumption) expect(meta.explore, path).toBeDefined();
    }
  });
});
