/**
 * src/tui — the teaching demo (`concentric demo`): the organization as rings widening live, on
 * the engine's stepper. Imports: src/sim and src/scenarios only.
 *
 *   App (keys, clock) → Screen (layout) → Header · Rings · SidePanel (StageLegend, Measures,
 *   SupportStatus) · ComparePane · CompareChart · LegendLine · EventLog · KeyBar · Help
 *   DemoController (state, what keys do) → LiveRun (createSimulation + stages, History, Narrator)
 *   ring-layout.ts (where people sit) · rings.ts (painting) · sparkline.ts · keys.ts
 *   palette.ts (glyphs, colour, NO_COLOR) · layout.ts (screen geometry)
 */
import { render } from 'ink';
import { createElement } from 'react';
import { App } from './App.js';
import type { DemoController, DemoOptions } from './controller.js';
import { ASCII_GLYPHS, createPalette, UNICODE_GLYPHS, type ColourDepth } from './palette.js';

export { App, MIN_TICK_MS } from './App.js';
export { Screen } from './Screen.js';
export { DemoController, SPEEDS, LENGTHS, DEFAULT_SPEED, type DemoOptions, type LoggedEvent } from './controller.js';
export { KEYS, actionFor, type Action, type KeyBinding } from './keys.js';
export { createPalette, colourDepthFor, ASCII_GLYPHS, UNICODE_GLYPHS, type ColourDepth, type Palette } from './palette.js';
export { layOutRings, type RingLayout } from './ring-layout.js';
export { paintRings } from './rings.js';
export { LiveRun, withSettings } from './live-run.js';

export interface DisplayOptions {
  readonly colour: ColourDepth;
  readonly ascii: boolean;
}

const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l';

/**
 * Run the demo full-screen on this terminal until the user quits; resolves with the controller
 * (its final state) so the caller can say where the run ended.
 */
export async function runDemo(options: DemoOptions, display: DisplayOptions): Promise<DemoController> {
  const palette = createPalette(display.colour, display.ascii ? ASCII_GLYPHS : UNICODE_GLYPHS);
  let controller: DemoController | undefined;
  const stdout = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  try {
    const instance = render(
      createElement(App, {
        options,
        palette,
        onStart: (created) => {
          controller = created;
        },
      }),
      { patchConsole: false, exitOnCtrlC: true },
    );
    await instance.waitUntilExit();
  } finally {
    restore();
    process.off('exit', restore);
  }
  if (!controller) throw new Error('demo: the app did not start');
  return controller;
}
