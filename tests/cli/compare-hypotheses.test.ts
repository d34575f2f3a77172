import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';
import { scratch } from './results.js';

// 12 vs 24 months, 12 replicates, no "Does it hold?": small, but the explanations already part.
const COMPARE = ['compare', '--lengths', '12,24', '--reps', '12', '--no-robustness', '--quiet'];
const root = scratch('concentric-compare-hypotheses-');
const dir = (name: string) => join(root, name);
const read = (path: string) => readFileSync(path, 'utf8');

describe('concentric compare: under each explanation', () => {
  it('on foundation by default: runs each explanation into hypotheses/, writes structural[] and the section, same bytes at 1 and 2 threads', () => {
    const one = concentric([...COMPARE, '--threads', '1', '--out', dir('one')]);
    expect(one.status, one.stderr).toBe(0);
    for (const name of ['foundation', 'hypotheses-early-affect', 'hypotheses-capacity']) expect(existsSync(join(dir('one'), 'hypotheses', name, 'runs.jsonl'))).toBe(true);
    const report = JSON.parse(read(join(dir('one'), 'report.json')));
    expect(report.structural.map((e: { name: string }) => e.name)).toEqual(['foundation', 'hypotheses/capacity', 'hypotheses/early-affect']);
    for (const entry of report.structural) {
      expect(entry.weight).toBeCloseTo(1 / 3, 10);
      expect(entry.low).toBeLessThanOrEqual(entry.difference);
      expect(entry.high).toBeGreaterThanOrEqual(entry.difference);
    }
    const summary = read(join(dir('one'), 'summary.md'));
    expect(summary).toContain('## Under each explanation');
    expect(summary).toContain('equal prior weights');
    expect(summary).toMatch(/\| model average \| 1\.00 \|/);
    // the headline names the disagreement exactly when the explanations' verdicts differ
    expect(report.headline.sentence.includes('The explanations disagree')).toBe(report.structuralDisagree);

    const two = concentric([...COMPARE, '--threads', '2', '--out', dir('two')]);
    expect(two.status, two.stderr).toBe(0);
    for (const name of ['foundation', 'hypotheses-early-affect', 'hypotheses-capacity']) {
      expect(read(join(dir('two'), 'hypotheses', name, 'runs.jsonl'))).toBe(read(join(dir('one'), 'hypotheses', name, 'runs.jsonl')));
    }
    const strip = (text: string) => JSON.stringify({ ...JSON.parse(text), provenance: undefined });
    expect(strip(read(join(dir('two'), 'report.json')))).toBe(strip(read(join(dir('one'), 'report.json'))));

    // report <dir> rebuilds the section from the subfolders
    const rebuilt = concentric(['report', dir('one'), '--out', dir('rebuilt')]);
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(JSON.parse(read(join(dir('rebuilt'), 'report.json'))).structural).toEqual(report.structural);

    // weights from calibrate --models: models.csv's scenario and posterior columns
    writeFileSync(join(root, 'models.csv'), 'model,scenario,prior,posterior,bayes_factor_vs_best,particles\n0,"foundation",0.33,0.1,0.1,10\n1,"hypotheses/early-affect",0.33,0.9,1,90\n2,"hypotheses/capacity",0.33,0,0,0\n');
    const weighted = concentric([...COMPARE, '--resume', '--out', dir('one'), '--hypothesis-weights', join(root, 'models.csv')]);
    expect(weighted.status, weighted.stderr).toBe(0);
    const w = JSON.parse(read(join(dir('one'), 'report.json'))).structural;
    [0.1, 0, 0.9].forEach((weight, k) => expect(w[k].weight).toBeCloseTo(weight, 12));
  });

  it('--hypotheses none removes the section, structural[] and the disagree headline', () => {
    const out = concentric([...COMPARE, '--hypotheses', 'none', '--out', dir('none')]);
    expect(out.status, out.stderr).toBe(0);
    expect(existsSync(join(dir('none'), 'hypotheses'))).toBe(false);
    const report = JSON.parse(read(join(dir('none'), 'report.json')));
    expect(report.structural).toBeUndefined();
    expect(report.headline.sentence).not.toContain('explanations disagree');
    expect(read(join(dir('none'), 'summary.md'))).not.toContain('Under each explanation');
  });

  it('a bad --hypotheses or weights file is a one-line error, exit 2', () => {
    const bad = concentric([...COMPARE, '--hypotheses', ',', '--out', dir('bad')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--hypotheses: expected/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
