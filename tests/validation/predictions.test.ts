/**
 * `validate` keeps checks apart from predictions (DESIGN.md "Results: checks and predictions"):
 * a case passes when its checks hold, a refuted prediction is listed, not failed — except under
 * --strict — and validation/summary.json lists predictions[] as { id, statement, committed,
 * outcome, measured }. The CLI run is the study-design case at its fast scale, on the built code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, passed, prediction, type CaseOutcome } from '../../src/validation/case.js';
import { renderSummary, type CaseResult, type Provenance } from '../../src/validation/write.js';
import { studyDesignCase } from '../../src/validation/study-design.js';

const outcome = (supported: boolean, checkHolds = true): CaseOutcome => ({
  checks: [check('a property', 'holds', 'exact', checkHolds ? 'holds' : 'broken', checkHolds)],
  predictions: [prediction('P1', 'the model does X', 'abc1234', supported, 'measured X')],
  tables: [],
  charts: [],
  notes: [],
});

describe('checks and predictions', () => {
  it('a refuted prediction does not fail its case; a failed check does; --strict fails on the refuted one', () => {
    expect(passed(outcome(false))).toBe(true);
    expect(passed(outcome(false), true)).toBe(false);
    expect(passed(outcome(true), true)).toBe(true);
    expect(passed(outcome(true, false))).toBe(false);
    // a case that judges nothing does not pass
    expect(passed({ checks: [], tables: [], charts: [], notes: [] })).toBe(false);
    expect(passed({ checks: [], predictions: outcome(false).predictions, tables: [], charts: [], notes: [] })).toBe(true);
  });

  it('summary.md lists each prediction with the commit that registered it and its outcome', () => {
    const provenance: Provenance = { tool: 'concentric', version: 't', commit: null, scale: 'fast', threads: 1, node: 'x', date: 'd', totalSeconds: 1, strict: false };
    const result: CaseResult = { validationCase: studyDesignCase, outcome: outcome(false), error: null, seconds: 1 };
    const md = renderSummary([result], provenance);
    expect(md).toContain('| P1 | the model does X | abc1234 | measured X | refuted |');
    expect(md).toContain('All cases pass');
    expect(renderSummary([result], { ...provenance, strict: true })).toContain('1 of 1 cases FAIL');
  });

  it('validate --strict exits 1 exactly when a prediction is refuted, and summary.json lists them apart from the checks', () => {
    const out = mkdtempSync(join(tmpdir(), 'concentric-validate-'));
    const child = spawnSync(process.execPath, ['dist/validation/main.js', '--only', 'study-design', '--fast', '--strict', '--threads', '1', '--out', out], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      checks: { case: string; pass: boolean }[];
      predictions: { case: string; id: string; statement: string; committed: string; outcome: string; measured: string }[];
    };
    expect(summary.checks.length).toBeGreaterThan(0);
    expect(summary.checks.every((c) => c.pass)).toBe(true); // the design is feasible at the fast scale
    expect(summary.predictions.map((p) => p.id)).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const p of summary.predictions) {
      expect(p.case).toBe('study-design');
      expect(p.committed).toMatch(/^[0-9a-f]{7,40}$/);
      expect(['supported', 'refuted']).toContain(p.outcome);
      expect(p.statement.length).toBeGreaterThan(20);
      expect(p.measured.length).toBeGreaterThan(5);
    }
    const refuted = summary.predictions.some((p) => p.outcome === 'refuted');
    expect(child.status, child.stdout + child.stderr).toBe(refuted ? 1 : 0);
  });
});
