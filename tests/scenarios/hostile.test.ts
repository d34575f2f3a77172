import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, validateScenario } from '../../src/scenarios/index.js';
import { planStaffing } from '../../src/sweep/staffing/plan.js';

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'concentric-hostile-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('hostile scenario input', () => {
  it('__proto__ never becomes a hidden default (it used to run 7 months through the prototype)', () => {
    const path = file('child.yaml', 'extends: foundation\n__proto__: {months: 7}\n');
    expect(() => loadScenario(path)).toThrow(`${path}:2:1: __proto__: unknown field ("__proto__" is never a field name), got "__proto__"`);
    expect(() => loadScenario('foundation', { overrides: ['__proto__.months=7'] })).toThrow(/^--set __proto__\.months=7: __proto__: unknown field/);
  });

  it('a bad --set is rejected even when a later one sets the same field (--set months=abc --months 2)', () => {
    expect(() => loadScenario('foundation', { overrides: ['months=abc', 'months=2'] })).toThrow(
      '--set months=abc: months: expected a whole number between 1 and 1200 (months), got "abc"',
    );
  });

  it('--set into a single value is blamed on the --set, not on the built-in file', () => {
    expect(() => loadScenario('foundation', { overrides: ['isps.count.x=1'] })).toThrow(
      '--set isps.count.x=1: isps.count: expected isps.count=value (isps.count is a single value, not a mapping), got "isps.count.x"',
    );
  });

  it('says "expected a text (string)", not "expected expected string"', () => {
    expect(() => loadScenario('foundation', { overrides: ['name=123'] })).toThrow('--set name=123: name: expected a text (string), got 123');
  });

  it('cross-field checks locate the field in the file or the --set that broke it', () => {
    const path = file('org.yaml', 'organization:\n  staff: 10\n  units: 12\n');
    expect(() => loadScenario(path)).toThrow(`${path}:3:10: organization.units: expected at most organization.staff = 10 units (each unit needs a leader), got 12`);
    expect(() => loadScenario('foundation', { overrides: ['isps.count=1'] })).toThrow(
      '--set isps.count=1: isps.count: expected 0 (no ISPs) or at least engagement.coLeads = 2 ISPs, so an engagement can start, got 1',
    );
    expect(loadScenario('classic-bass').scenario.isps.count).toBe(0); // no ISPs at all stays a valid baseline
  });

  it('staffing may still cross headcounts below the co-leads (they engage nobody, on purpose)', () => {
    const plan = planStaffing({ scenario: 'foundation', overrides: [], isps: [1, 2], target: 0.5, byMonth: 12, probability: 0.8, replicates: 2, seed: 1 } as never);
    expect(plan.spec.factors['isps.count']).toEqual([1, 2]);
    const raw = structuredClone(plan.scenario) as unknown as Record<string, Record<string, unknown>>;
    raw.isps.count = 1;
    expect(() => validateScenario(raw)).toThrow(/isps\.count: expected 0 \(no ISPs\)/);
    expect(validateScenario(raw, undefined, { crossField: false }).isps.count).toBe(1);
  });
});
