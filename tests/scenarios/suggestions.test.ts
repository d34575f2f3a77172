/** Item 4 of the library issue: misspelt choices get "did you mean", wrong shapes name the fields. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-suggest-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('scenario errors suggest and locate', () => {
  it('a misspelt choice value suggests the nearest valid one, with line and column', () => {
    const path = file('choice.yaml', 'extends: foundation\norganization:\n  network: organisation\n');
    expect(() => loadScenario(path)).toThrow(
      `${path}:3:12: organization.network: expected one of organization | erdos-renyi | full | lattice | small-world | file (did you mean "organization"?), got "organisation"`,
    );
  });

  it('a misspelt choice in --set suggests too', () => {
    expect(() => loadScenario('foundation', { overrides: ['organization.network=ful'] })).toThrow(/\(did you mean "full"\?\), got "ful"$/);
  });

  it('a value where a section belongs names the section and its fields', () => {
    const path = file('section.yaml', 'name: x\nisps: 3\n');
    expect(() => loadScenario(path)).toThrow(`${path}:2:7: isps: expected a mapping of isps fields (count, hoursPerWeek, relationalSkill, technicalSkill), got 3`);
  });

  it('an unknown key inside an extended built-in still points at the child file', () => {
    const path = file('child.yaml', 'extends: hospital\nturnover:\n  anualRate: 0.3\n');
    expect(() => loadScenario(path)).toThrow(`${path}:3:3: turnover.anualRate: unknown field (did you mean "annualRate"?`);
  });
});
