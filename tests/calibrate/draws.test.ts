/** compare --posterior: each replicate draws its parameters from the posterior, the same draw at every length. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posteriorDraws } from '../../src/calibrate/index.js';
import { plannedRuns } from '../../src/sweep/index.js';
import { loadScenario } from '../../src/scenarios/index.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-draws-'));
writeFileSync(join(dir, 'posterior.csv'), 'isps.relationalSkill,context.urgency,weight\n0.5,0.1,0.25\n0.9,0.7,0.75\n');

describe('posterior draws per replicate', () => {
  it('draw particles by weight, seeded by replicate', () => {
    const draws = posteriorDraws(dir, 400, 1);
    expect(draws.fields).toEqual(['isps.relationalSkill', 'context.urgency']);
    const heavy = draws.rows.filter((row) => row[0] === 0.9).length;
    expect(heavy / 400).toBeGreaterThan(0.68);
    expect(heavy / 400).toBeLessThan(0.82);
    expect(posteriorDraws(dir, 400, 1).rows).toEqual(draws.rows);
    expect(posteriorDraws(dir, 400, 2).rows).not.toEqual(draws.rows);
  });

  it('a replicate runs with its own draw at every design point', () => {
    const draws = posteriorDraws(dir, 3, 1);
    const { scenario } = loadScenario('classroom');
    const replicateValues = Object.fromEntries(draws.rows.map((row, r) => [r, { 'isps.relationalSkill': row[0], 'context.urgency': row[1] }]));
    const runs = plannedRuns({ scenario, replicates: 3, seed: 1, seeds: 'common', ids: [0, 1, 2, 3, 4, 5], points: { 0: { 'engagement.lengthMonths': 6 }, 1: { 'engagement.lengthMonths': 12 } }, replicateValues });
    for (const run of runs) {
      expect(run.params['isps.relationalSkill']).toBe(draws.rows[run.replicate][0]);
      expect(run.params['engagement.lengthMonths']).toBe(run.point === 0 ? 6 : 12);
    }
    expect(runs[0].seed).toBe(runs[3].seed);
  });
});
