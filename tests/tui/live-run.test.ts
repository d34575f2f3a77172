/**
 * The demo runs the engine's stepper, not a model of its own: stepped to the end it yields
 * exactly what a batch run computes; and it tells what happened in words.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/index.js';
import { simulate } from '../../src/sim/index.js';
import { DemoController } from '../../src/tui/controller.js';
import { LiveRun } from '../../src/tui/live-run.js';
import { colourDepthFor } from '../../src/tui/palette.js';

describe('LiveRun', () => {
  it('ends with the batch run’s RunResult, and its history matches the monthly series', () => {
    const { scenario } = loadScenario('classroom');
    const run = new LiveRun(scenario, 5, '');
    const events = [...run.opening];
    while (!run.done) events.push(...run.step());
    const batch = simulate(scenario, 5);
    expect(run.view.result()).toEqual(batch);
    const texts = events.map((event) => event.text);
    expect(texts.some((text) => /^Unit \d requested support/.test(text))).toBe(true);
    expect(texts.some((text) => /^engagement with Unit \d ended$/.test(text))).toBe(true);
    expect(texts.some((text) => /^first person in ring 1 applying/.test(text))).toBe(true);
    expect(texts.some((text) => / to turnover; a newcomer starts unaware$/.test(text))).toBe(true);
  });
});

describe('DemoController', () => {
  it('restarts with the next seed and the current settings, as an ordinary run', () => {
    const { scenario } = loadScenario('classroom');
    const demo = new DemoController({ scenario, seed: 1, paused: true });
    demo.apply('addIsp');
    demo.apply('urgency');
    demo.apply('restart');
    expect(demo.changedDuringRun).toBe(false);
    expect(demo.replayArguments()).toEqual(['--seed', '2', '--set', 'isps.count=3', '--set', 'context.urgency=0']);
    while (!demo.done) demo.stepWeek();
    const replay = loadScenario('classroom', { overrides: ['isps.count=3', 'context.urgency=0'] }).scenario;
    expect(demo.runs[0].view.result()).toEqual(simulate(replay, 2));
  });
});

describe('colourDepthFor', () => {
  it('honours NO_COLOR over FORCE_COLOR, and TERM', () => {
    expect(colourDepthFor({ NO_COLOR: '1', FORCE_COLOR: '1', TERM: 'xterm-256color' })).toBe('none');
    expect(colourDepthFor({ NO_COLOR: '', TERM: 'xterm-256color' })).toBe('256');
    expect(colourDepthFor({ TERM: 'dumb' })).toBe('none');
    expect(colourDepthFor({ TERM: 'xterm' })).toBe('16');
    expect(colourDepthFor({ TERM: 'xterm', COLORTERM: 'truecolor' })).toBe('256');
  });
});
