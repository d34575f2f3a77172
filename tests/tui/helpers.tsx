/** Rendering the demo in tests: the App on ink-testing-library's fake terminal, read as plain text. */
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import { loadScenario, type Scenario } from '../../src/scenarios/index.js';
import { App } from '../../src/tui/App.js';
import type { DemoController, DemoOptions } from '../../src/tui/controller.js';
import { createPalette, type ColourDepth } from '../../src/tui/palette.js';

export const ESC = '\x1b';
const SGR = /\x1b\[[0-9;]*m/g;
export const RIGHT = '\x1b[C';

export function plain(text: string): string {
  return text.replace(SGR, '');
}

export function scenario(name = 'classroom', overrides: string[] = []): Scenario {
  return loadScenario(name, { overrides }).scenario;
}

/** Let React and Ink finish the update a key press or timer caused. */
export async function settle(): Promise<void> {
  for (let k = 0; k < 3; k++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface DemoHarness {
  readonly controller: DemoController;
  /** the last frame, without colour codes */
  frame(): string;
  /** the last frame as drawn, with colour codes */
  raw(): string;
  press(...keys: string[]): Promise<void>;
  /** resolves when the app exits (q) */
  exited(): Promise<unknown>;
  readonly stdin: NodeJS.EventEmitter;
  unmount(): void;
}

export function renderDemo(
  options: Partial<DemoOptions> = {},
  { columns = 80, rows = 24, colour = 'none' as ColourDepth } = {},
): DemoHarness {
  let controller: DemoController | undefined;
  const tree = (
    <App
      options={{ scenario: scenario(), seed: 1, paused: true, ...options }}
      palette={createPalette(colour)}
      size={{ columns, rows }}
      onStart={(created) => {
        controller = created;
      }}
    />
  );
  const instance = render(tree);
  if (!controller) throw new Error('the demo did not start');
  // Ink keeps one instance per stdout: asking again for the same stdout (same tree, so nothing
  // remounts) hands back that instance's exit promise.
  const exit = inkRender(tree, {
    stdout: instance.stdout as unknown as NodeJS.WriteStream,
    stdin: instance.stdin as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  }).waitUntilExit();
  return {
    controller,
    frame: () => plain(instance.lastFrame() ?? ''),
    raw: () => instance.lastFrame() ?? '',
    async press(...keys: string[]) {
      for (const key of keys) {
        instance.stdin.write(key);
        await settle();
      }
    },
    exited: () => exit,
    stdin: instance.stdin,
    unmount: () => instance.unmount(),
  };
}

/** The lines of a frame. */
export function lines(frame: string): string[] {
  return frame.split('\n');
}

/** Stage counts from the legend rows ("◕ applying    3 ▁▂"). */
export function legendCounts(frame: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const match of frame.matchAll(/(unaware|contacted|trusting|accepting|learning|applying|sustaining) +(\d+) /g)) {
    counts[match[1]] = Number(match[2]);
  }
  return counts;
}
