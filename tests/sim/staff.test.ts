/**
 * src/sim's spellings of what src/agents and src/scenarios define: the disposition names (sim takes
 * only types from scenarios) and the month-end pass's branch-free stage.
 */
import { describe, expect, it } from 'vitest';
import { Disposition, restingStage, stageOf } from '../../src/agents/index.js';
import { DISPOSITIONS } from '../../src/scenarios/index.js';
import { stageFromResting } from '../../src/sim/recorder.js';
import { DISPOSITION_NAMES } from '../../src/sim/staff.js';

describe('src/sim spellings', () => {
  it('names the dispositions as the scenarios do, in the order of their codes', () => {
    expect(DISPOSITION_NAMES).toEqual(DISPOSITIONS);
    DISPOSITION_NAMES.forEach((name, code) => expect(Disposition[name]).toBe(code));
  });

  it('gives the same stage from a resting stage without a branch (the month-end pass)', () => {
    const t = { trustingAt: 0.6, acceptingAt: 0.6, learningAt: 0.4, sustainedAfterWeeks: 52 };
    for (const contact of [0, 1, 2])
      for (const trust of [0.3, 0.7])
        for (const readiness of [0.3, 0.7])
          for (const knowledge of [0, 0.5])
            for (const applying of [0, 1])
              for (const weeks of [-5, 0, 1, 51, 52, 53, 400]) {
                const resting = restingStage(contact, trust, readiness, knowledge, t);
                expect(stageFromResting(resting, applying, weeks, t.sustainedAfterWeeks)).toBe(stageOf(contact, trust, readiness, knowledge, applying, weeks, t));
              }
  });
});
