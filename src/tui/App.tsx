/**
 * The running demo: owns the controller, turns key presses into actions (see keys.ts) and runs
 * the clock while not paused. Everything on screen is drawn by Screen.
 */
import { useApp, useInput } from 'ink';
import { useEffect, useState } from 'react';
import { DemoController, type DemoOptions } from './controller.js';
import { actionFor } from './keys.js';
import type { Palette } from './palette.js';
import { Screen } from './Screen.js';
import { useTerminalSize, type TerminalSize } from './useTerminalSize.js';

export interface AppProperties {
  readonly options: DemoOptions;
  readonly palette: Palette;
  /** a fixed screen size (tests, benchmarks); otherwise the terminal's, following resizes */
  readonly size?: TerminalSize;
  /** called once with the controller, so the caller can report on the run after exit */
  readonly onStart?: (controller: DemoController) => void;
}

/** Shortest clock tick: at most 20 frames a second; faster speeds take several weeks per tick. */
export const MIN_TICK_MS = 50;

export function App({ options, palette, size, onStart }: AppProperties) {
  const { exit } = useApp();
  const [controller] = useState(() => {
    const created = new DemoController(options);
    onStart?.(created);
    return created;
  });
  const [version, setVersion] = useState(controller.version);
  const terminal = useTerminalSize(size);
  const refresh = () => setVersion(controller.version);

  useInput((input, key) => {
    if (controller.helpOpen && key.escape) {
      controller.apply('help');
      refresh();
      return;
    }
    const action = actionFor(input, key);
    if (action === undefined) return;
    if (action === 'quit') {
      exit();
      return;
    }
    controller.apply(action);
    refresh();
  });

  const { running, speed, seed } = controller;
  useEffect(() => {
    if (!running) return;
    // A fixed nominal tick (not measured time), so a run looks the same however busy the machine.
    const tick = Math.max(MIN_TICK_MS, Math.round(1000 / speed));
    const timer = setInterval(() => {
      controller.advance(tick);
      setVersion(controller.version);
    }, tick);
    return () => clearInterval(timer);
  }, [controller, running, speed, seed]);

  return <Screen controller={controller} columns={terminal.columns} rows={terminal.rows} palette={palette} version={version} />;
}
