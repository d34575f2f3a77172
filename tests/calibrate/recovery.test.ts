/**
 * Recovery on Concentric itself, tiny (the full check is `npm run validate`, case
 * calibration-recovery): synthetic waves from known values, calibrated back; the 90 % intervals
 * hold the truth and are narrower than the priors.
 */
import { describe, expect, it } from 'vitest';
import { recoverOnce } from '../../src/validation/calibration-recovery.js';

describe('calibration recovery (tiny)', () => {
  it('calibrates context.urgency and context.learningCulture back from a year of foundation waves', async () => {
    const r = await recoverOnce(1, { particles: 50, generations: 4, overrides: ['months=12'], sample: 1 });
    // After 4 small generations the intervals have only begun to narrow (the full case runs 6);
    // engine 2 (affect) left the learning culture at 0.86 of its prior after 3, 0.73 after 4.
    const priorWidth = [1, 0.5];
    const most = [0.95, 0.8];
    for (let a = 0; a < 2; a++) {
      expect(r.truth[a]).toBeGreaterThanOrEqual(r.low[a]);
      expect(r.truth[a]).toBeLessThanOrEqual(r.high[a]);
      expect((r.high[a] - r.low[a]) / priorWidth[a]).toBeLessThan(most[a]);
    }
  });
});
