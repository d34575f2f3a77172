/**
 * Teaching-UI benchmark (bench/run.js imports tuiCases()): how long one frame of `concentric
 * demo` takes to draw — React, Ink's layout and the output string — for the 200-person
 * foundation scenario, at 80×24, at 200×50, and in the compare mode (two organizations). The
 * engine's step is left out (bench case c times it); the target is ≈ 20 ms a frame on an idle
 * machine. A reference frame (STACK-NOTES: an 80×30 grid, 8.6 ms idle) is timed in the same
 * process, so on a busy machine the ratio to it still says whether the target holds.
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
/** STACK-NOTES' reference frame on an idle machine, and the ratio our target allows against it. */
const REFERENCE_IDLE_MS = 8.6;
const TARGET_RATIO = TARGET_MS / REFERENCE_IDLE_MS;

/** A terminal that swallows what it is sent. */
class Sink extends EventEmitter {
  constructor(columns, rows) {
    super();
    this.columns = columns;
    this.rows = rows;
    this.isTTY = false;
    this.last = '';
  }

  write(text) {
    this.last = text;
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

/**
 * Ink, React and the demo as `concentric demo` loads them: under NODE_ENV=production, so React's
 * production build (all of them at once: a development jsx-runtime with a production reconciler
 * draws nothing).
 */
async function modules() {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV ??= 'production';
  try {
    const [{ render }, { createElement }, { loadScenario }, tui] = await Promise.all([
      import('ink'),
      import('react'),
      import('../dist/scenarios/index.js'),
      import('../dist/tui/index.js'),
    ]);
    return { render, createElement, loadScenario, ...tui };
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Median and 95th percentile frame time (ms) of the demo's Screen. */
async function frameTimes({ scenario = 'foundation', columns, rows, compare, frames = 150, warmup = 30 }) {
  const { render, createElement, loadScenario, DemoController, Screen, createPalette } = await modules();
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
  if (!stdout.last.includes(`month ${controller.month} of`)) throw new Error('bench/tui: the frames did not draw');
  instance.unmount();
  instance.cleanup();
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), cpuMedian: percentile(cpuTimes, 0.5) };
}

/**
 * The reference of STACK-NOTES.md: an 80×30 grid of coloured cells, one pre-coloured <Text> per
 * row, redrawn with new colours each frame (8.6 ms a frame on an idle machine). Timed in the
 * same process as the demo, so the ratio holds on a busy machine.
 */
async function referenceFrame({ frames = 150, warmup = 30 } = {}) {
  const { render, createElement } = await modules();
  const { Box, Text } = await import('ink');
  const [columns, rows] = [80, 30];
  const grid = (frame) =>
    createElement(
      Box,
      { flexDirection: 'column' },
      Array.from({ length: rows }, (_, row) => {
        let text = '';
        for (let col = 0; col < columns; col++) text += `\x1b[38;5;${16 + ((row * 7 + col * 3 + frame) % 216)}m●\x1b[39m`;
        return createElement(Text, { key: row }, text);
      }),
    );
  const instance = render(grid(0), { stdout: new Sink(columns, rows + 1), stdin: new Keys(), debug: true, patchConsole: false, exitOnCtrlC: false });
  const times = [];
  for (let frame = 0; frame < warmup + frames; frame++) {
    const started = performance.now();
    instance.rerender(grid(frame + 1));
    if (frame >= warmup) times.push(performance.now() - started);
  }
  instance.unmount();
  instance.cleanup();
  return percentile(times.sort((a, b) => a - b), 0.5);
}

/** The TUI rows for bench/run.js: { name, value, unit, target, pass }. */
export async function tuiCases({ frames = 150 } = {}) {
  const cases = [
    { label: 'frame, foundation (200 staff), 80×24', columns: 80, rows: 24 },
    { label: 'frame, foundation (200 staff), 200×50', columns: 200, rows: 50 },
    { label: 'frame, compare 6 vs 18 (2 × 200 staff), 80×24', columns: 80, rows: 24, compare: [6, 18] },
  ];
  const reference = await referenceFrame({ frames });
  const rows = [{ name: 'reference: 80×30 grid of coloured cells, a <Text> per row (STACK-NOTES), median', value: reference, unit: 'ms' }];
  for (const c of cases) {
    const t = await frameTimes({ ...c, frames });
    // ≈ 20 ms is meant for an idle machine; on a busy one the same-process ratio to the reference decides.
    rows.push({
      name: `${c.label}, median`,
      value: t.median,
      unit: 'ms',
      target: `≤ ${TARGET_MS} (or ≤ ${TARGET_RATIO.toFixed(1)}× reference)`,
      pass: t.median <= TARGET_MS || t.median / reference <= TARGET_RATIO,
    });
    rows.push({ name: `${c.label}, median CPU time`, value: t.cpuMedian, unit: 'ms' });
    rows.push({ name: `${c.label}, 95th percentile`, value: t.p95, unit: 'ms' });
    rows.push({ name: `${c.label}, median ÷ reference`, value: t.median / reference, unit: '×' });
  }
  return rows;
}

if (process.argv[1] === THIS_FILE) {
  for (const row of await tuiCases()) {
    const mark = row.pass === undefined ? '' : row.pass ? '  ✓' : '  ✗ MISS';
    console.log(`${row.name.padEnd(80)} ${row.value.toFixed(2).padStart(8)} ${row.unit.padEnd(3)} ${row.target ?? ''}${mark}`);
  }
}
