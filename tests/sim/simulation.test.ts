import { describe, expect, it } from 'vitest';
import { createSimulation, monthsToWeeks, SERIES, simulate } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

describe('simulate', () => {
  const foundation = scenario();

  it('is deterministic: the same scenario and seed give byte-identical JSON', () => {
    expect(JSON.stringify(simulate(foundation, 7))).toBe(JSON.stringify(simulate(foundation, 7)));
  });

  it('differs for another seed', () => {
    expect(JSON.stringify(simulate(foundation, 7))).not.toBe(JSON.stringify(simulate(foundation, 8)));
  });

  it('emits every monthly series for months 0..months and a summary', () => {
    const result = simulate(foundation, 1);
    for (const name of SERIES) expect(result.series[name]).toHaveLength(foundation.months + 1);
    expect(result.series.month).toEqual(Array.from({ length: 37 }, (_, m) => m));
    const s = result.summary;
    expect(s.finalAdoption).toBe(result.series.adoption[36]);
    expect(s.finalAdoption).toBeGreaterThan(0);
    expect(s.finalAim).toBeGreaterThanOrEqual(1);
    expect(s.finalAim).toBeLessThanOrEqual(5);
    // Stage counts add up to the staff every month.
    for (let m = 0; m <= 36; m++) {
      const total = ['unaware', 'contacted', 'trusting', 'accepting', 'learning', 'applying', 'sustaining']
        .map((stage) => result.series[stage as 'unaware'][m])
        .reduce((a, b) => a + b, 0);
      expect(total).toBe(200);
    }
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('keeps runs that differ only in engagement length identical until the shorter engagement ends', () => {
    const short = simulate(scenario('foundation', 'engagement.lengthMonths=6'), 11);
    const long = simulate(scenario('foundation', 'engagement.lengthMonths=18'), 11);
    // The first engagements start at week 0 and end after round(6·52/12) = 26 weeks ⇒ month 6.
    const lastShared = Math.floor(monthsToWeeks(6) / (52 / 12));
    for (const name of SERIES) {
      expect(short.series[name].slice(0, lastShared + 1), name).toEqual(long.series[name].slice(0, lastShared + 1));
    }
    expect(JSON.stringify(short.series)).not.toBe(JSON.stringify(long.series));
  });

  it('simulate is a loop over the stepper that the demo uses', () => {
    const stepper = createSimulation(foundation, 5);
    let weeks = 0;
    while (!stepper.done) {
      stepper.step();
      weeks++;
    }
    expect(weeks).toBe(monthsToWeeks(36));
    expect(JSON.stringify(stepper.view.result())).toBe(JSON.stringify(simulate(foundation, 5)));
  });

  it('engages the initial units at week 0 with two co-leads each, within ISP capacity', () => {
    const stepper = createSimulation(foundation, 3);
    expect(stepper.view.activeEngagements).toHaveLength(2);
    for (const engagement of stepper.view.activeEngagements) expect(engagement.coLeads).toHaveLength(2);
    for (let w = 0; w < 52; w++) {
      stepper.step();
      // 5 ISPs × floor(4 h / 1.25 h) slots / 2 co-leads ⇒ at most 7 concurrent engagements.
      expect(stepper.view.activeEngagements.length).toBeLessThanOrEqual(7);
    }
  });

  it('with no ISPs nothing is ever engaged and nobody adopts', () => {
    const result = simulate(scenario('foundation', 'isps.count=0'), 2);
    expect(result.summary.engagementsStarted).toBe(0);
    expect(result.summary.everAdopted).toBe(0);
  });

  it('live changes apply: more ISPs allow more concurrent engagements', () => {
    const stepper = createSimulation(scenario('foundation', 'demand.baseRequestRate=2'), 4);
    stepper.setIspCount(1);
    for (let w = 0; w < 30; w++) stepper.step();
    expect(stepper.view.ispCount).toBe(1);
    stepper.setIspCount(20);
    for (let w = 0; w < 4; w++) stepper.step();
    expect(stepper.view.activeEngagements.length).toBeGreaterThan(7);
  });
});

describe('live ISP changes', () => {
  it('shrinking then regrowing the team never leaves an ISP with a negative load', async () => {
    const { SupportDesk } = await import('../../src/sim/engagements.js');
    const { buildOrganization, RandomStream } = await import('../../src/sim/index.js');
    const { createStaffState } = await import('../../src/sim/staff.js');
    const s = scenario();
    const org = buildOrganization(s, new RandomStream('desk'));
    const desk = new SupportDesk(org, createStaffState(org.staff), 5, 4, 1.25, 2, 10);
    desk.startNow([0, 1, 2, 3, 4, 5, 6], 0); // 7 engagements fill every slot
    expect(desk.isps.load.reduce((sum, load) => sum + load, 0)).toBe(14);
    desk.setIspCount(2); // ISPs 2, 3, 4 leave mid-engagement
    desk.setIspCount(5); // and three newcomers join
    desk.endDue(10); // every first engagement ends
    expect(desk.active).toHaveLength(0);
    expect(Array.from(desk.isps.load)).toEqual([0, 0, 0, 0, 0]);
  });
});
