/** `concentric separate` as a user meets it: a table and an answer; bad input refused with exit 2. */
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';

describe('separate command', () => {
  it('prints the separation table and the study size (JSON with --json)', () => {
    const out = concentric(['separate', '--reps', '4', '--studies', '200', '--recipients', '13,52', '--set', 'months=24', '--json']);
    expect(out.status, out.stderr).toBe(0);
    const parsed = JSON.parse(out.stdout) as { rows: { recipients: number; correct: number[]; power: number[] }[]; models: string[] };
    expect(parsed.models).toEqual(['hypotheses/early-affect', 'hypotheses/capacity']);
    expect(parsed.rows.map((r) => r.recipients)).toEqual([13, 52]);
    for (const r of parsed.rows) for (const v of [...r.correct, ...r.power]) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('refuses one model, equal lengths, or a bad size in one line with exit 2', () => {
    for (const [args, message] of [
      [['--models', 'foundation'], '--models: expected two comma-separated scenarios, got "foundation"'],
      [['--lengths', '6,6'], '--lengths: expected two different lengths (limited,high), got "6,6"'],
      [['--recipients', '13,x'], '--recipients: expected comma-separated whole numbers ≥ 2, got "13,x"'],
    ] as const) {
      const out = concentric(['separate', ...args]);
      expect(out.status).toBe(2);
      expect(out.stderr).toBe(`concentric: ${message}\n`);
    }
  });
});
