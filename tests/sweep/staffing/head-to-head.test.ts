/** Where first, head to head: paired differences against the first rule, grouped by the other factors. */
import { describe, expect, it } from 'vitest';
import { headToHead, headToHeadGroups, headToHeadWords } from '../../../src/sweep/staffing/head-to-head.js';

describe('headToHead', () => {
  it('is the mean paired difference against the first rule, with a CI that holds it; failed runs drop their pair', () => {
    const random = [0.3, 0.4, 0.35, 0.5, 0.45, Number.NaN];
    const largest = [0.35, 0.44, 0.41, 0.55, 0.52, 0.9];
    const [row] = headToHead([{ rule: 'random', adoption: random }, { rule: 'largest', adoption: largest }], 's');
    expect(row.pairs).toBe(5);
    expect(row.difference).toBeCloseTo((0.05 + 0.04 + 0.06 + 0.05 + 0.07) / 5, 12);
    expect(row.ci95.low).toBeLessThan(row.difference);
    expect(row.ci95.high).toBeGreaterThan(row.difference);
    expect(row.ci95.low).toBeGreaterThan(0);
    expect(headToHeadWords(row)).toMatch(/^largest − random: \+5\.4 pp \(95 % CI \+\d\.\d to \+\d\.\d\), 5 pairs$/);
  });

  it('groups teams by headcount and the other factors, rules in the order given', () => {
    const team = (isps: number, rule: string, values: number[]) => ({ isps, setting: { 'engagement.firstUnits': rule }, adoptionByReplicate: values });
    const groups = headToHeadGroups(
      [team(3, 'largest', [0.2, 0.3, 0.4]), team(3, 'random', [0.1, 0.2, 0.3]), team(5, 'random', [0.3, 0.3, 0.3]), team(5, 'largest', [0.2, 0.2, 0.2])],
      ['random', 'largest'],
      'engagement.firstUnits',
      '1',
    );
    expect(groups.map((g) => [g.isps, g.rows.map((r) => `${r.rule}-${r.reference}`), Number(g.rows[0].difference.toFixed(6))])).toEqual([
      [3, ['largest-random'], 0.1],
      [5, ['largest-random'], -0.1],
    ]);
  });
});
