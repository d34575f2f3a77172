import { describe, expect, it } from 'vitest';
import { planStaffing, type StaffingOptions } from '../../../src/sweep/staffing/index.js';

const base: StaffingOptions = { scenario: 'foundation', overrides: [], isps: [4, 2, 8], target: 0.6, byMonth: 24, probability: 0.8, replicates: 10, seed: 1 };

describe('staffing plan', () => {
  it('a grid over headcount (ascending) and the optional settings, common random numbers, runs cut at the month', () => {
    const plan = planStaffing({ ...base, lengths: [12, 6], coLeads: [1, 2] });
    expect(plan.spec.factors).toEqual({ 'engagement.lengthMonths': [6, 12], 'engagement.coLeads': [1, 2], 'isps.count': [2, 4, 8] });
    expect(plan.spec).toMatchObject({ kind: 'staffing', design: { type: 'grid' }, seeds: 'common', replicates: 10 });
    expect(plan.scenario.months).toBe(24);
    expect(plan.spec.overrides).toContain('months=24');
  });

  it('refuses repeated values, impossible targets and invalid field values in one line', () => {
    expect(() => planStaffing({ ...base, isps: [2, 2] })).toThrow('--isps: expected distinct values, got 2 twice');
    expect(() => planStaffing({ ...base, target: 1.5 })).toThrow(/^--target: expected a share of staff between 0 and 1/);
    expect(() => planStaffing({ ...base, coLeads: [0] })).toThrow(/^--co-leads 0: engagement\.coLeads: expected a whole number between 1 and 20/);
    expect(() => planStaffing({ ...base, isps: [] })).toThrow(/^--isps: expected at least one ISP headcount/);
  });
});
