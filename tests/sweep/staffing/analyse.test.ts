import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManifest, runSweep } from '../../../src/sweep/index.js';
import { analyseStaffing, answerFor, answerWords, monthReaching, planStaffing, STAFFING_Z, type TeamOutcome } from '../../../src/sweep/staffing/index.js';
import { estimate, wilson as wilsonZ } from '../../../src/stats/index.js';

/** The staffing analysis's Wilson interval (src/stats' wilson with its rounded z). */
const wilson = (k: number, n: number) => wilsonZ(k, n, STAFFING_Z);

function team(isps: number, reached: number, runs: number, adoption: number, censored: number[] = []): TeamOutcome {
  return {
    point: isps,
    isps,
    setting: {},
    capacity: isps,
    runs,
    failed: 0,
    reached,
    probability: wilson(reached, runs),
    adoption: estimate([adoption]),
    monthReached: reached > 0 ? estimate([20]) : null,
    censoredMonth: estimate(censored.length ? censored : [25]),
    waiting: estimate([1]),
    peakWaiting: estimate([2]),
    ispHours: estimate([100]),
    hoursPerAdopter: estimate([10]),
    censoredByReplicate: Float64Array.from(censored),
  };
}

describe('staffing analysis', () => {
  it('Wilson intervals: known values and edges', () => {
    const w = wilson(8, 10);
    expect(w.share).toBe(0.8);
    expect(w.low).toBeCloseTo(0.4902, 3);
    expect(w.high).toBeCloseTo(0.9433, 3);
    expect(wilson(0, 30).low).toBe(0);
    expect(wilson(30, 30).high).toBe(1);
  });

  it('a run reaches the target at the first month at or above it, up to the month asked', () => {
    expect(monthReaching([0, 0.1, 0.3, 0.62, 0.58], 0.6, 4)).toBe(3);
    expect(monthReaching([0, 0.1, 0.3, 0.62], 0.6, 2)).toBeNull();
    expect(monthReaching([0, 0.6], 0.6, 5)).toBe(1);
  });

  it('picks the smallest team at the required probability, else the closest', () => {
    const teams = [team(2, 3, 10, 0.3), team(4, 8, 10, 0.55), team(6, 10, 10, 0.7)];
    expect(answerFor(teams, 0.8, {}).smallest?.isps).toBe(4);
    const none = answerFor([team(2, 1, 10, 0.3), team(4, 5, 10, 0.5), team(6, 5, 10, 0.52)], 0.8, {});
    expect(none.smallest).toBeNull();
    expect(none.closest?.isps).toBe(6); // tie on probability → higher adoption
  });

  it('flags a larger team that reaches the target clearly later, paired by replicate', () => {
    const later = answerFor([team(2, 5, 5, 0.5, [10, 11, 12, 10, 11]), team(4, 5, 5, 0.5, [14, 15, 16, 14, 15])], 0.8, {});
    expect(later.breaks).toHaveLength(1);
    expect(later.breaks[0]).toMatchObject({ smaller: 2, larger: 4, later: 4, clear: true });
    const sooner = answerFor([team(2, 5, 5, 0.5, [14, 15, 16, 14, 15]), team(4, 5, 5, 0.5, [10, 11, 12, 10, 11])], 0.8, {});
    expect(sooner.breaks).toHaveLength(0);
  });

  it('makes sense on foundation: in expectation over replicates, more ISPs never reach the target later', async () => {
    const plan = planStaffing({
      scenario: 'foundation',
      overrides: [],
      isps: [2, 4, 8],
      target: 0.3,
      byMonth: 30,
      probability: 0.8,
      replicates: 24,
      seed: 11,
    });
    const dir = mkdtempSync(join(tmpdir(), 'concentric-staffing-'));
    const outcome = await runSweep({ dir, manifest: createManifest(plan.spec, plan.scenario, null), threads: 1 });
    expect(outcome.failed).toBe(0);
    const analysis = await analyseStaffing(plan, dir);
    const [answer] = analysis.answers;
    const teams = answer.teams;
    expect(teams.map((t) => t.isps)).toEqual([2, 4, 8]);
    for (let i = 0; i + 1 < teams.length; i++) {
      const fewer = teams[i];
      const more = teams[i + 1];
      // Mean month the target is reached (never ⇒ month 31), paired by replicate: never later with more ISPs.
      expect(more.censoredMonth!.mean).toBeLessThanOrEqual(fewer.censoredMonth!.mean + 0.25);
      expect(more.probability.share).toBeGreaterThanOrEqual(fewer.probability.share - 0.05);
      expect(more.adoption!.mean).toBeGreaterThanOrEqual(fewer.adoption!.mean - 0.01);
    }
    expect(answer.breaks.filter((b) => b.clear)).toEqual([]);
    // The answer is in words, with a headcount or what came closest.
    expect(answerWords(answer, analysis)).toMatch(/(is the smallest team that gets 30 % of staff applying by month 30|no team from 2 to 8 ISPs)/);
    expect(teams[0].capacity).toBe(3); // 2 ISPs × ⌊4 h ÷ 1.25 h⌋ slots ÷ 2 co-leads
  });
});
