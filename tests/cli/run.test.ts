import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-cli-'));

describe('concentric run', () => {
  it('prints a readable summary by default', () => {
    const out = concentric(['run']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('foundation: 200 staff, 5 ISPs, 12-month engagements, 36 months, seed 1');
    expect(out.stdout).toContain('final adoption');
    expect(out.stdout).toContain('sustained capacity');
  });

  it('--json is byte-identical for the same seed and differs for another', () => {
    const a = concentric(['run', 'foundation', '--seed', '9', '--json']);
    const b = concentric(['run', 'foundation', '--seed', '9', '--json']);
    const c = concentric(['run', 'foundation', '--seed', '10', '--json']);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const result = JSON.parse(a.stdout);
    expect(result.seed).toBe(9);
    expect(result.series.month).toHaveLength(37);
  });

  it('--csv --out writes the monthly series to a file', () => {
    const out = join(dir, 'series.csv');
    const result = concentric(['run', '--months', '12', '--csv', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['month', 'unaware', 'contacted']);
    expect(lines).toHaveLength(14);
  });

  it('--set changes the scenario', () => {
    const a = JSON.parse(concentric(['run', '--json', '--set', 'isps.count=0']).stdout);
    expect(a.summary.engagementsStarted).toBe(0);
  });
});

describe('bad input exits 2 with one line and no stack trace', () => {
  const cases: [string, string[], RegExp, (() => void)?][] = [
    ['unknown field', ['run', join(dir, 'unknown.yaml')], /unknown\.yaml:2:3: isps\.cuont: unknown field \(did you mean "count"\?/, () => writeFileSync(join(dir, 'unknown.yaml'), 'isps:\n  cuont: 3\n')],
    ['wrong type', ['run', join(dir, 'type.yaml')], /type\.yaml:1:9: months: expected a whole number between 1 and 1200 \(months\), got "long"/, () => writeFileSync(join(dir, 'type.yaml'), 'months: long\n')],
    ['out of range', ['run', '--set', 'isps.relationalSkill=3'], /--set isps\.relationalSkill=3: isps\.relationalSkill: expected a number between 0 and 1 \(share 0–1\), got 3/],
    ['malformed YAML', ['run', join(dir, 'broken.yaml')], /broken\.yaml:\d+:\d+: malformed YAML/, () => writeFileSync(join(dir, 'broken.yaml'), 'isps: {count: 3\n')],
    ['missing file', ['run', join(dir, 'missing.yaml')], /missing\.yaml: file not found/],
    ['unknown built-in', ['run', 'fondation'], /unknown built-in scenario "fondation" \(did you mean "foundation"\?\)/],
    ['bad flag value', ['run', '--seed', '-1'], /--seed: expected a whole number between 0 and 4294967295, got "-1"/],
    ['validate a bad file', ['validate', join(dir, 'unknown.yaml')], /isps\.cuont: unknown field/],
  ];
  for (const [name, args, pattern, prepare] of cases) {
    it(name, () => {
      prepare?.();
      const out = concentric(args);
      expect(out.status).toBe(2);
      expect(out.stderr).toMatch(pattern);
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\bat .*\.js:\d+/);
    });
  }

  it('--out is not left half-written when the input is bad', () => {
    const out = join(dir, 'never.json');
    expect(concentric(['run', '--set', 'months=0', '--json', '--out', out]).status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('library commands', () => {
  it('scenarios lists the built-ins', () => {
    const out = concentric(['scenarios']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/foundation\s+200/);
    expect(out.stdout).toContain('classic-bass');
  });

  it('show prints the resolved scenario with every default, which validates and runs as a file', () => {
    const out = concentric(['show', 'foundation', '--set', 'isps.count=3']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('count: 3');
    expect(out.stdout).toContain('lossRatio: 3');
    const file = join(dir, 'shown.yaml');
    writeFileSync(file, out.stdout);
    expect(concentric(['validate', file]).stdout).toMatch(/ok \(foundation, 200 staff, 36 months; about 784 ties, 64 MB for one run\)/);
  });

  it('fields documents units, ranges and assumptions', () => {
    const out = concentric(['fields', '--assumptions']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('isps.hoursPerWeek');
    expect(out.stdout).not.toContain('adoption.p ');
  });

  it('every command has --help with an example', () => {
    for (const command of ['run', 'scenarios', 'show', 'validate', 'fields']) {
      const out = concentric([command, '--help']);
      expect(out.status, command).toBe(0);
      expect(out.stdout, command).toMatch(/Examples?:\n\s+concentric /);
    }
  });
});
