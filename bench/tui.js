/**
 * Teaching-UI benchmark (bench/run.js imports tuiCases()): how long one frame of `concentric
 * demo` takes to draw — React, Ink's layout and the output string — for the 200-person
 * foundation scenario, at 80×24, at 200×50, and in the compare mode (two organizations). The
 * engine's step is left out (bench case c times it); the target is ≈ 20 ms a frame.
 *
 * Each frame: step the organization one week (untimed), then re-render the Screen with Ink in
 * debug mode (synchronous, unthrottled) into a sink. Warm-up frames first; the median of the rest
 * (wall clock, with the process CPU time alongside: on a busy machine the wall clock inflates).
 * Nearly all of a frame is Ink turning rows into its cell grid, so the time grows with the
 * terminal's area, not with the staff.
 * Needs a build (`npx tsc -p .`): it imports dist/tui.
 *
 *   node bench/tui.js        # prints the rows as a table
 */
import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

const THIS_FILE = fileURLToPath(import.meta.url);
const TARGET_MS = 20;

/** A terminal that swallows what it is sent. */
class Sink extends EventEmitter {
  constructor(columns, rows) {
    super();
    this.columns = columns;
    this.rows = rows;
    this.isTTY = false;
  }

  write() {
    return true;
  }
}

class Keys extends EventEmitter {
  isTTY = true;
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    return null;
  }
}

/** Ink and React as `concentric demo` loads them: React's production build (NODE_ENV=production). */
async function inkAndReact() {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV ??= 'production';
  try {
    const [{ render }, { createElement }] = await Promise.all([import('ink'), import('react')]);
    return { render, createElement };
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Median and 95th percentile frame time (ms) of the demo's Screen. */
async function frameTimes({ scenario = 'foundation', columns, rows, compare, frames = 150, warmup = 30 }) {
  const { render, createElement } = await inkAndReact();
  const { loadScenario } = await import('../dist/scenarios/index.js');
  const { DemoController, Screen, createPalette } = await import('../dist/tui/index.js');
  const controller = new DemoController({ scenario: loadScenario(scenario).scenario, seed: 1, paused: true, compare });
  const palette = createPalette('256');
  const stdout = new Sink(columns, rows);
  const screen = () => createElement(Screen, { controller, columns, rows, palette, version: controller.version });
  const instance = render(screen(), { stdout, stdin: new Keys(), debug: true, patchConsole: false, exitOnCtrlC: false });
  const times = [];
  const cpuTimes = [];
  for (let frame = 0; frame < warmup + frames; frame++) {
    if (controller.done) controller.restart();
    controller.stepWeek();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    instance.rerender(screen());
    const elapsed = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (frame >= warmup) {
      times.push(elapsed);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  instance.unmount();
  instance.cleanup();
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), cpuMedian: percentile(cpuTimes, 0.5) };
}

/** The TUI rows for bench/run.js: { name, value, unit, target, pass }. */
export async function tuiCases({ frames = 150 } = {}) {
  const cases = [
    { label: 'frame, foundation (200 staff), 80×24', columns: 80, rows: 24 },
    { label: 'frame, foundation (200 staff), 200×50', columns: 200, rows: 50 },
    { label: 'frame, compare 6 vs 18 (2 × 200 staff), 80×24', columns: 80, rows: 24, compare: [6, 18] },
  ];
  const rows = [];
  for (const c of cases) {
    const t = await frameTimes({ ...c, frames });
    rows.push({ name: `${c.label}, median`, value: t.median, unit: 'ms', target: `≤ ${TARGET_MS}`, pass: t.median <= TARGET_MS });
    rows.push({ name: `${c.label}, median CPU time`, value: t.cpuMedian, unit: 'ms' });
    rows.push({ name: `${c.label}, 95th percentile`, value: t.p95, unit: 'ms' });
  }
  return rows;
}

if (process.argv[1] === THIS_FILE) {
  for (const row of await tuiCases()) {
    const mark = row.pass === undefined ? '' : row.pass ? '  ✓' : '  ✗ MISS';
    console.log(`${row.name.padEnd(62)} ${row.value.toFixed(2).padStart(8)} ${row.unit.padEnd(3)} ${row.target ?? ''}${mark}`);
  }
}
