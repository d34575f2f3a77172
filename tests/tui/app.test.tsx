/**
 * The demo as a user sees it at 80×24 (ink-testing-library): what the first frame shows, that
 * time moves, that every key does what the help screen says, and that q exits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STAGES } from '../../src/sim/index.js';
import { KEYS, type Action, type KeyBinding } from '../../src/tui/keys.js';
import { ESC, legendCounts, lines, renderDemo, RIGHT, settle, type DemoHarness } from './helpers.js';

const STAGE_GLYPHS = ['·', '∘', '○', '◔', '◑', '◕', '●'];
/** At 80×24 the rings take the left 46 columns of rows 1–18. */
const ringRows = (frame: string, width = 46, height = 18) => lines(frame).slice(1, 1 + height).map((row) => row.slice(0, width));
const countGlyphs = (rows: readonly string[], glyphs: readonly string[]) => rows.join('').split('').filter((ch) => glyphs.includes(ch)).length;
const header = (demo: DemoHarness) => lines(demo.frame())[0];

let open: DemoHarness[] = [];
function demo(...args: Parameters<typeof renderDemo>): DemoHarness {
  const harness = renderDemo(...args);
  open.push(harness);
  return harness;
}
afterEach(() => {
  for (const harness of open) harness.unmount();
  open = [];
  vi.useRealTimers();
});

describe('the first frame', () => {
  it('shows the rings, the legend and month 0', () => {
    const frame = demo().frame();
    expect(header({ frame: () => frame } as DemoHarness)).toMatch(/^Concentric · classroom · seed 1 · month 0 of 36 · week 0 +‖ paused · 4 wk\/s$/);
    // The legend: every stage (furthest first) with its count; everyone starts unaware.
    const counts = legendCounts(frame);
    expect(Object.keys(counts)).toEqual([...STAGES].reverse());
    expect(counts).toMatchObject({ unaware: 40, contacted: 0, applying: 0 });
    // The rings: one glyph per person, the two ISPs at the hub, ring numbers outward from it.
    const rings = ringRows(frame);
    expect(countGlyphs(rings, STAGE_GLYPHS)).toBe(40);
    expect(countGlyphs(rings, ['◆', '◇'])).toBe(2);
    const centre = rings.find((row) => /◆.*0.*1.*2.*3/.test(row));
    expect(centre, rings.join('\n')).toBeDefined();
    // Support status and the opening event.
    expect(frame).toMatch(/ISPs +◆◆ 2, 2 busy/);
    expect(frame).toMatch(/engaged +U3→m12/);
    expect(frame).toContain('m0   ISPs 1 & 2 begin a 12-month engagement with Unit 3');
  });

  it('fits 80×24: 23 rows, none wider than 80 columns', () => {
    const rows = lines(demo().frame());
    expect(rows).toHaveLength(23);
    for (const row of rows) expect(row.length, row).toBeLessThanOrEqual(80);
    expect(rows[22]).toContain('q quit');
  });

  it('uses the room of a larger terminal', () => {
    const small = demo();
    const large = demo({}, { columns: 140, rows: 40 });
    const rows = lines(large.frame());
    expect(rows).toHaveLength(39);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(140);
    const spread = (rings: readonly string[]) => {
      const cols = rings.flatMap((row) => row.split('').flatMap((ch, col) => (STAGE_GLYPHS.includes(ch) ? [col] : [])));
      return Math.max(...cols) - Math.min(...cols);
    };
    const largeRings = ringRows(large.frame(), 140 - 33 - 20 - 1, 34);
    expect(countGlyphs(largeRings, STAGE_GLYPHS)).toBe(40);
    expect(spread(largeRings)).toBeGreaterThan(spread(ringRows(small.frame())) + 10);
    // More events are listed, and the sparklines are longer.
    expect(rows.filter((row) => /^m\d+ /.test(row)).length).toBeGreaterThanOrEqual(1);
    expect(large.frame()).toMatch(/unaware +40 █/);
  });

  it('honours NO_COLOR (no colour codes) and colours otherwise', () => {
    const colourless = demo({}, { colour: 'none' }).raw();
    expect(colourless).not.toMatch(/\x1b\[(3\d|4\d|9\d|38;|48;)/);
    expect(demo({}, { colour: '256' }).raw()).toMatch(/\x1b\[38;5;\d+m·/);
    expect(demo({}, { colour: '16' }).raw()).toMatch(/\x1b\[90m·/);
  });
});

describe('time', () => {
  it('→ advances one week at a time: the month moves on and stage counts change', async () => {
    const d = demo();
    const before = legendCounts(d.frame());
    for (let week = 1; week <= 9; week++) await d.press(RIGHT);
    expect(header(d)).toContain('month 2 of 36 · week 9');
    const after = legendCounts(d.frame());
    expect(after).not.toEqual(before);
    expect(after.unaware).toBeLessThan(40);
    expect(after.contacted + after.trusting).toBeGreaterThan(0);
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(40);
    // The frame shows the engine's state: counts equal the engine's stages.
    const engine = d.controller.runs[0];
    for (const [s, name] of STAGES.entries()) expect(after[name]).toBe(engine.stages.filter((stage) => stage === s).length);
  });

  it('the clock runs at the shown speed while not paused', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const d = demo({ paused: false });
    await settle();
    vi.advanceTimersByTime(5000); // 4 weeks a second
    await settle();
    expect(d.controller.week).toBe(20);
    expect(header(d)).toMatch(/week 20 +▶ 4 wk\/s$/);
  });

  it('stops at the end of the run and says so', async () => {
    const d = demo({ scenario: (await import('./helpers.js')).scenario('classroom', ['months=2']) });
    for (let week = 0; week < 10; week++) await d.press(RIGHT);
    expect(d.controller.done).toBe(true);
    expect(header(d)).toMatch(/month 2 of 2 · week 9 +■ finished$/);
    expect(d.frame()).toContain('the 2 months are over: r for a new seed, q to quit');
  });
});

/** What each key must visibly do; keyed by action so a new key without a check fails below. */
const EFFECTS: Record<Action, (d: DemoHarness, key: KeyBinding) => Promise<void>> = {
  async pause(d) {
    expect(header(d)).toContain('paused');
    await d.press(' ');
    expect(d.controller.running).toBe(true);
    expect(header(d)).toMatch(/▶ 4 wk\/s$/);
    await d.press(' ');
    expect(d.controller.running).toBe(false);
    expect(header(d)).toMatch(/‖ paused · 4 wk\/s$/);
  },
  async step(d) {
    await d.press(' ', RIGHT); // running → pauses, then one week
    expect(d.controller.running).toBe(false);
    expect(header(d)).toMatch(/week 1 +‖ paused/);
    await d.press(RIGHT);
    expect(d.controller.week).toBe(2);
  },
  async faster(d, key) {
    for (const [input, speed] of key.inputs.map((input, k) => [input, 8 * 2 ** k] as const)) {
      await d.press(input);
      expect(header(d)).toContain(`${speed} wk/s`);
    }
  },
  async slower(d, key) {
    for (const [input, speed] of key.inputs.map((input, k) => [input, 4 / 2 ** (k + 1)] as const)) {
      await d.press(input);
      expect(header(d)).toContain(`${speed < 1 ? speed.toFixed(1) : speed} wk/s`);
    }
  },
  async length(d) {
    expect(d.frame()).toMatch(/length +12 months/);
    await d.press('e');
    expect(d.controller.runs[0].view.engagementLengthMonths).toBe(18);
    expect(d.frame()).toMatch(/length +18 months/);
    expect(d.frame()).toContain('engagement length 12 → 18 months (engagements starting from now)');
    await d.press('e', 'e', 'e');
    expect(d.controller.runs[0].view.engagementLengthMonths).toBe(3); // 24, 36, then round to 3
  },
  async addIsp(d) {
    await d.press('i');
    expect(d.controller.runs[0].view.ispCount).toBe(3);
    expect(d.frame()).toMatch(/ISPs +◆◆◇ 3, 2 busy/);
    expect(countGlyphs(ringRows(d.frame()), ['◆', '◇'])).toBe(3);
    expect(d.frame()).toContain('ISPs 2 → 3');
  },
  async removeIsp(d) {
    await d.press('I');
    expect(d.controller.runs[0].view.ispCount).toBe(1);
    expect(d.frame()).toMatch(/ISPs +◆ 1, 1 busy/);
    expect(d.frame()).toContain('ISPs 2 → 1 (engagements in progress run to their end)');
    await d.press('I', 'I');
    expect(d.controller.runs[0].view.ispCount).toBe(0);
    expect(d.frame()).toMatch(/ISPs +0 \(none\)/);
  },
  async urgency(d) {
    expect(d.frame()).toMatch(/urgency +culture on \(0\.50\)/);
    await d.press('c');
    expect(d.controller.runs[0].view.urgency).toBe(0);
    expect(d.frame()).toMatch(/urgency +culture off/);
    expect(d.frame()).toContain('urgency culture off: feasibility cap lifted');
    await d.press('c');
    expect(d.controller.runs[0].view.urgency).toBe(0.5);
  },
  async restart(d) {
    await d.press(RIGHT, RIGHT, RIGHT, 'i', 'r');
    expect(d.controller.seed).toBe(2);
    expect(header(d)).toMatch(/seed 2 · month 0 of 36 · week 0 +‖ paused/);
    expect(d.frame()).toContain('restarted with seed 2');
    // The settings carry over into the new organization from week 0.
    expect(d.controller.runs[0].scenario.isps.count).toBe(3);
  },
  async help(d) {
    await d.press('?');
    const frame = d.frame();
    expect(frame).toContain('Keys');
    for (const key of KEYS) expect(frame).toContain(`${key.label.padEnd(6)} ${key.help}`);
    expect(legendCounts(frame)).toEqual({});
    await d.press(ESC);
    expect(legendCounts(d.frame()).unaware).toBe(40);
    await d.press('?', '?');
    expect(legendCounts(d.frame()).unaware).toBe(40);
  },
  async quit(d) {
    const exited = d.exited();
    await d.press('q');
    await expect(exited).resolves.toBeUndefined();
    // Ink let go of the keyboard.
    expect(d.stdin.listenerCount('readable')).toBe(0);
  },
};

describe('every key does what the help says', () => {
  it('each key in the table has a check here', () => {
    expect(Object.keys(EFFECTS).sort()).toEqual(KEYS.map((key) => key.action).sort());
  });

  for (const key of KEYS) {
    it(`${key.label}: ${key.help}`, async () => {
      await EFFECTS[key.action](demo(), key);
    });
  }

  it('the key bar lists the keys', () => {
    expect(lines(demo().frame())[22]).toBe('␣ pause  → week  +- speed  e length  iI ISPs  c urgency  r seed  ? help  q quit');
  });
});
