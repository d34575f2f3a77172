import { describe, expect, it } from 'vitest';
import { staffingCharts } from '../../../src/report/charts/staffing.js';
import { toSvg, toVega } from '../../../src/report/render.js';
import { answerFor, STAFFING_Z, type StaffingAnalysis, type TeamOutcome } from '../../../src/sweep/staffing/index.js';
import { estimate, wilson } from '../../../src/stats/index.js';

function team(isps: number, length: number, reached: number): TeamOutcome {
  return {
    point: isps,
    isps,
    setting: { 'engagement.lengthMonths': length },
    capacity: Math.floor((isps * 3) / 2),
    runs: 20,
    failed: 0,
    reached,
    probability: wilson(reached, 20, STAFFING_Z),
    adoption: estimate([0.2 + isps / 20, 0.25 + isps / 20]),
    monthReached: reached > 0 ? estimate([20, 22]) : null,
    censoredMonth: estimate([20, 25]),
    waiting: estimate([8 - isps, 9 - isps]),
    peakWaiting: estimate([9 - isps]),
    ispHours: estimate([1000 * isps]),
    hoursPerAdopter: estimate([10 + isps, 11 + isps]),
    censoredByReplicate: new Float64Array(20),
  };
}

function analysis(): StaffingAnalysis {
  const answers = [6, 12].map((length) => answerFor([team(2, length, 2), team(4, length, length === 12 ? 17 : 12), team(8, length, 19)], 0.8, { 'engagement.lengthMonths': length }));
  return { scenario: 'test', target: 0.6, byMonth: 24, probability: 0.8, replicates: 20, seed: 1, isps: [2, 4, 8], varied: ['engagement.lengthMonths'], answers, runs: 120, failedRuns: 0 };
}

describe('staffing charts', () => {
  it('chance by headcount with the answer ringed, and what each team leaves; compile without warnings', async () => {
    const charts = staffingCharts(analysis());
    expect(charts.map((c) => c.id)).toEqual(['staffing', 'staffing-leaves']);
    const rows = (charts[0].spec as { data: { values: { setting: string; isps: number; answer: boolean }[] } }).data.values;
    expect(rows.filter((r) => r.answer).map((r) => [r.setting, r.isps])).toEqual([
      ['6-month engagements', 8],
      ['12-month engagements', 4],
    ]);
    for (const chart of charts) {
      const compiled = toVega(chart.spec);
      expect(compiled.warnings).toEqual([]);
      expect(await toSvg(compiled.vega)).toContain('<svg');
    }
  });
});
