/** parseCompareArgs: compare's arguments read by compare's own options, without running it (slurm uses it). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LENGTHS, DEFAULT_MARGIN_PP, DEFAULT_REPS, parseCompareArgs } from '../../src/cli/compare.js';

describe('parseCompareArgs', () => {
  it('gives the scenario, the flags with compare\'s defaults, and which options were given', () => {
    const parsed = parseCompareArgs(['classroom', '--lengths', '6,12', '--set', 'isps.count=3', '--no-report']);
    expect(parsed.ref).toBe('classroom');
    expect(parsed.flags).toMatchObject({ lengths: [6, 12], reps: DEFAULT_REPS, margin: DEFAULT_MARGIN_PP, set: ['isps.count=3'], report: false, robustness: true });
    expect([...parsed.fromCommandLine].sort()).toEqual(['lengths', 'report', 'set']);
  });

  it('defaults the scenario and marks nothing as given when nothing is', () => {
    const parsed = parseCompareArgs([]);
    expect(parsed.ref).toBe('foundation');
    expect(parsed.flags.lengths).toEqual(DEFAULT_LENGTHS);
    expect(parsed.fromCommandLine.size).toBe(0);
  });

  it('refuses what compare refuses, in one line named after compare', () => {
    expect(() => parseCompareArgs(['--lenghts', '6'])).toThrow(/^compare arguments: unknown option '--lenghts'/);
    expect(() => parseCompareArgs(['a', 'b'])).toThrow("compare arguments: too many arguments for 'compare'. Expected 1 argument but got 2.");
    expect(() => parseCompareArgs(['--reps', '0'])).toThrow('--reps: expected a whole number between 1 and 1000000, got "0"');
  });
});
