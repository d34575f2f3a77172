/**
 * The month-end record is a count of the state at each month end. Recomputed here from the
 * running simulation's own view (stageOf, the staff arrays, the rings) and compared with the series
 * the run reports — in particular for the pathway off, where a month in which nothing but who
 * applies changed is counted from the last full pass's resting stages and sums (a newcomer or an
 * ISP contact must send the recorder back to a full pass).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimulationView } from '../../src/sim/index.js';
import { RINGS, round6 } from '../../src/sim/result.js';
import { STAGES } from '../../src/agents/index.js';
import { scenario } from './helpers.js';

interface MonthEnd {
  stages: number[];
  trust: number;
  knowledge: number;
  adoption: number;
  everAdopted: number;
  rings: number[];
  /** whether trust, contact or knowledge of anyone changed since the last month end */
  restingChanged: boolean;
}

function observe(view: SimulationView, previous: { trust: Float64Array; contact: Uint8Array; knowledge: Float64Array } | null) {
  const { staff, ring } = view;
  const n = staff.size;
  const stages = STAGES.map(() => 0);
  let trust = 0;
  let knowledge = 0;
  let applying = 0;
  let everAdopted = 0;
  const ringStaff = RINGS.map(() => 0);
  const ringApplying = RINGS.map(() => 0);
  for (let i = 0; i < n; i++) {
    stages[view.stageOf(i)]++;
    trust += staff.trust[i];
    knowledge += staff.knowledge[i];
    applying += staff.applying[i];
    if (staff.adoptedWeek[i] >= 0) everAdopted++;
    const r = Math.min(ring[i], RINGS.length - 1);
    ringStaff[r]++;
    ringApplying[r] += staff.applying[i];
  }
  const same = <T extends ArrayLike<number>>(a: T, b: T) => Array.from(a).every((value, i) => Object.is(value, b[i]));
  const restingChanged =
    previous === null || !same(previous.trust, staff.trust) || !same(previous.contact, staff.contact) || !same(previous.knowledge, staff.knowledge);
  const monthEnd: MonthEnd = {
    stages,
    trust: round6(trust / n),
    knowledge: round6(knowledge / n),
    adoption: round6(applying / n),
    everAdopted: round6(everAdopted / n),
    rings: ringApplying.map((count, r) => (ringStaff[r] > 0 ? round6(count / ringStaff[r]) : 0)),
    restingChanged,
  };
  return { monthEnd, snapshot: { trust: staff.trust.slice(), contact: staff.contact.slice(), knowledge: staff.knowledge.slice() } };
}

function compareMonthEnds(...overrides: string[]): MonthEnd[] {
  const simulation = createSimulation(scenario('foundation', ...overrides), 5);
  const { view } = simulation;
  let previous = null;
  const observed: MonthEnd[] = [];
  let month = -1;
  for (;;) {
    if (view.month !== month) {
      month = view.month;
      const { monthEnd, snapshot } = observe(view, previous);
      observed.push(monthEnd);
      previous = snapshot;
    }
    if (simulation.done) break;
    simulation.step();
  }
  const { series } = view.result();
  expect(observed.length).toBe(series.month.length);
  observed.forEach((expected, m) => {
    STAGES.forEach((name, stage) => expect(series[name][m], `${name}, month ${m}`).toBe(expected.stages[stage]));
    expect(series.trust[m], `trust, month ${m}`).toBe(expected.trust);
    expect(series.knowledge[m], `knowledge, month ${m}`).toBe(expected.knowledge);
    expect(series.adoption[m], `adoption, month ${m}`).toBe(expected.adoption);
    expect(series.everAdopted[m], `everAdopted, month ${m}`).toBe(expected.everAdopted);
    RINGS.forEach((name, r) => expect(series[name][m], `${name}, month ${m}`).toBe(expected.rings[r]));
  });
  return observed;
}

describe('month-end records', () => {
  it('count the state at each month end, the pathway on', () => {
    compareMonthEnds('months=18');
  });

  it('count the state at each month end, the pathway off — months with and without newcomers and ISP contacts', () => {
    // One short engagement and no requests after it; rare turnover: months of ISP contacts, then
    // months in which only who applies changes, some of them with a newcomer.
    const observed = compareMonthEnds(
      'adoption.pathway=false',
      'months=36',
      'engagement.lengthMonths=3',
      'demand.baseRequestRate=0',
      'demand.credibilityGain=0',
      'turnover.annualRate=0.03',
    );
    const quiet = observed.filter((monthEnd) => !monthEnd.restingChanged).length;
    const changed = observed.slice(6).filter((monthEnd) => monthEnd.restingChanged).length;
    expect(quiet, 'months with nothing but adoption changing').toBeGreaterThan(10);
    expect(changed, 'months after the engagement with a newcomer').toBeGreaterThan(2);
  });
});
