import { describe, expect, it } from 'vitest';
import { listFields } from '../../../src/scenarios/index.js';
import { planSensitivity, type SensitivityOptions } from '../../../src/sweep/sensitivity/index.js';

const base: SensitivityOptions = {
  scenario: 'foundation',
  overrides: [],
  method: 'morris',
  n: 4,
  levels: 4,
  replicates: 2,
  seed: 1,
  difference: { limited: 9, high: 18 },
};

describe('sensitivity plan', () => {
  it('defaults to every assumption of docs/MODEL.md over its documented range', () => {
    const plan = planSensitivity(base);
    const assumptions = listFields().filter((field) => field.meta.assumption && field.meta.explore);
    expect(plan.leftOut).toEqual([]);
    expect(plan.factors.map((f) => f.path)).toEqual(assumptions.map((f) => f.path));
    for (const factor of plan.factors) {
      const meta = assumptions.find((f) => f.path === factor.path)!.meta;
      expect([factor.low, factor.high]).toEqual(meta.explore);
      expect(factor.value).toBeGreaterThanOrEqual(factor.low);
      expect(factor.value).toBeLessThanOrEqual(factor.high);
    }
  });

  it('runs one sweep per engagement length: the scenario\'s, then limited and high, same design and seeds', () => {
    const plan = planSensitivity({ ...base, factors: ['trust.gain', 'context.urgency=0.2:0.8'] });
    expect(plan.sweeps.map((s) => s.lengthMonths)).toEqual([12, 9, 18]);
    expect(plan.sweeps.map((s) => s.scenario.engagement.lengthMonths)).toEqual([12, 9, 18]);
    for (const sweep of plan.sweeps) {
      expect(sweep.spec.seeds).toBe('common');
      expect(sweep.spec.design).toEqual({ type: 'morris', r: 4, levels: 4 });
      expect(sweep.spec.factors).toEqual({ 'trust.gain': [0.1, 0.2], 'context.urgency': [0.2, 0.8] });
    }
    expect(plan.points).toBe(4 * 3);
    expect(plan.totalRuns).toBe(4 * 3 * 2 * 3);
    expect(planSensitivity({ ...base, factors: ['trust.gain'], difference: { limited: 12, high: 18 } }).sweeps).toHaveLength(2);
    const single = planSensitivity({ ...base, factors: ['trust.gain'], difference: null });
    expect(single.sweeps).toHaveLength(1);
    expect(single.outputs).toEqual(['finalAdoption', 'sustainedCapacity']);
  });

  it('keeps a scenario\'s value when the documented (foundation) range does not hold it', () => {
    const plan = planSensitivity({ ...base, scenario: 'large-system' });
    expect(plan.leftOut.map((f) => f.path)).toContain('organization.units');
    expect(plan.factors.map((f) => f.path)).not.toContain('organization.units');
  });

  it('refuses bad factors in one line, with "did you mean"', () => {
    expect(() => planSensitivity({ ...base, factors: ['trust.gian'] })).toThrow(/^--factors: trust\.gian: expected a numeric scenario field \(did you mean "trust\.gain"\?/);
    expect(() => planSensitivity({ ...base, factors: ['trust.gain=0.3:0.1'] })).toThrow(/expected a range low:high with low < high/);
    expect(() => planSensitivity({ ...base, factors: ['trust.gain=0:2'] })).toThrow(/--factors trust\.gain: trust\.gain: expected a number between 0 and 1/);
    expect(() => planSensitivity({ ...base, factors: ['trust.gain', 'trust.gain'] })).toThrow(/twice/);
    expect(() => planSensitivity({ ...base, factors: ['engagement.lengthMonths'] })).toThrow(/--no-difference/);
    expect(() => planSensitivity({ ...base, levels: 5 })).toThrow(/even number of levels/);
    expect(() => planSensitivity({ ...base, difference: { limited: 18, high: 9 } })).toThrow(/shorter than the high one/);
  });
});
