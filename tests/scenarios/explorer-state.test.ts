/**
 * The explorer's `#s=` fragment: what is written is read back; a broken or foreign link gets a
 * one-line reason; overrides are the `--set` texts the CLI would take.
 */
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, loadScenario, overridesOf, type ExploreState } from '../../src/scenarios/index.js';

const state: ExploreState = { preset: 'foundation', seed: 7, runs: 40, shared: { 'organization.staff': 400, 'engagement.firstUnits': 'largest' }, a: { 'engagement.lengthMonths': 6 }, b: { 'engagement.lengthMonths': 12, 'isps.count': 4 } };

describe('explorer state link', () => {
  it('round-trips with its engine version', () => {
    expect(decodeState(encodeState(state, 3))).toEqual({ state, engine: 3 });
  });

  it('refuses a broken or foreign fragment with a reason, and ignores other fragments', () => {
    expect(decodeState('#s=%7Bnot json')).toEqual({ error: expect.stringMatching(/^link: expected the state the explorer writes/) });
    expect(decodeState(`#s=${encodeURIComponent(JSON.stringify({ f: 99 }))}`)).toEqual({ error: expect.stringMatching(/expected state format 1, got 99/) });
    expect(decodeState('#section-2')).toBeNull();
  });

  it('gives --set overrides the CLI reads back to the same values (later layers win)', () => {
    const overrides = overridesOf(state.shared, state.b);
    const { scenario } = loadScenario('foundation', { overrides });
    expect(scenario.organization.staff).toBe(400);
    expect(scenario.engagement.firstUnits).toBe('largest');
    expect(scenario.isps.count).toBe(4);
    expect(overridesOf({ 'isps.count': 2 }, { 'isps.count': 5 })).toEqual(['isps.count=5']);
  });
});
