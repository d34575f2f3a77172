/**
 * `--compare 6,18`: two copies of the organization, same seed, different engagement lengths, side
 * by side, with both adoption curves on one chart. They must be identical until the shorter
 * engagement first ends (week 26 = 6 months), and differ after.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { monthsToWeeks } from '../../src/sim/index.js';
import { lines, renderDemo, RIGHT, type DemoHarness } from './helpers.js';

let open: DemoHarness[] = [];
afterEach(() => {
  for (const harness of open) harness.unmount();
  open = [];
});
function compareDemo(columns = 80, rows = 24): DemoHarness {
  const harness = renderDemo({ compare: [6, 18] }, { columns, rows });
  open.push(harness);
  return harness;
}

/** Characters with their marks: `_` underlined (engaged unit), `*` bold (implementation team, ISP). */
function cells(text: string): string[] {
  const out: string[] = [];
  let underline = false;
  let bold = false;
  for (let k = 0; k < text.length; k++) {
    const sgr = /^\x1b\[([0-9;]*)m/.exec(text.slice(k));
    if (!sgr) {
      out.push(`${text[k]}${underline ? '_' : ''}${bold ? '*' : ''}`);
      continue;
    }
    for (const code of sgr[1].split(';')) {
      if (code === '' || code === '0') [underline, bold] = [false, false];
      else if (code === '4') underline = true;
      else if (code === '24') underline = false;
      else if (code === '1') bold = true;
      else if (code === '22') bold = false;
    }
    k += sgr[0].length - 1;
  }
  return out;
}

/** Without the blanks at the end (Ink drops them at the end of a line). */
function trimmed(row: string[]): string[] {
  const copy = [...row];
  while (copy.at(-1) === ' ') copy.pop();
  return copy;
}

/** At 80×24 each pane is 39 columns; its rings are rows 2–13 (after the header and titles). */
function panes(raw: string): [string[][], string[][]] {
  const left: string[][] = [];
  const right: string[][] = [];
  for (const row of lines(raw).slice(2, 14).map(cells)) {
    const bar = row.findIndex((cell) => cell.startsWith('│'));
    expect(bar).toBe(39);
    left.push(trimmed(row.slice(0, bar)));
    right.push(trimmed(row.slice(bar + 1)));
  }
  return [left, right];
}

const BRAILLE_BASE = 0x2800;
/** A braille cell whose left dots mirror its right dots: both curves at the same height. */
function mirrored(ch: string): boolean {
  const bits = ch.codePointAt(0)! - BRAILLE_BASE;
  const left = bits & 0x47;
  const right = bits & 0xb8;
  return (((left & 0x07) << 3) | ((left & 0x40) << 1)) === right;
}

describe('the compare mode', () => {
  it('shows two organizations whose engagement lengths differ', () => {
    const d = compareDemo();
    const frame = d.frame();
    const rows = lines(frame);
    expect(rows[0]).toContain('6 vs 18-month engagements · seed 1 · month 0 of 36');
    expect(rows[1]).toMatch(/^6-month +2 ISPs · urgency on│18-month +2 ISPs · urgency on$/);
    expect(d.controller.runs.map((run) => run.view.engagementLengthMonths)).toEqual([6, 18]);
    expect(d.controller.runs.map((run) => run.seed)).toEqual([1, 1]);
    // Each pane draws all 40 people and the ISPs; the engaged unit ends at month 6 on the left, 18 on the right.
    const [left, right] = panes(frame);
    for (const pane of [left, right]) expect(pane.flat().filter((cell) => /[·∘○◔◑◕●]/.test(cell))).toHaveLength(40);
    expect(rows[14]).toMatch(/0 applying \(0 %\) · U3→m6 *│.*U3→m18/);
    // One legend line and the chart with both curves.
    expect(rows[15]).toBe('· unaware ∘ contacted ○ trusting ◔ accepting ◑ learning ◕ applying ● sustaining');
    expect(rows.slice(16, 20).map((row) => row.slice(0, 10))).toEqual(['applying │', '⡇ 6 mo   │', '⢸ 18 mo  │', '⣿ same   │']);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
  });

  it('is identical in every week before the shorter engagement ends, and differs after', async () => {
    const d = compareDemo();
    const end = monthsToWeeks(6);
    for (let week = 1; week <= end; week++) {
      // Step the controller directly (drawing every week would only slow the test); → for the last.
      if (week < end) d.controller.stepWeek();
      else await d.press(RIGHT);
      const [a, b] = d.controller.runs;
      expect(a.view.week).toBe(week);
      expect(Buffer.from(a.stages).equals(Buffer.from(b.stages)), `stages differ in week ${week}`).toBe(true);
      expect(a.history.adoption[week]).toBe(b.history.adoption[week]);
    }
    // On screen: the same rings, glyph for glyph and mark for mark.
    const [left, right] = panes(d.raw());
    expect(left).toEqual(right);
    // Both curves coincide on the chart so far: every cell drawn is mirrored.
    const chart = lines(d.frame()).slice(16, 20).map((row) => row.slice(10));
    const cells = chart.join('').split('').filter((ch) => ch !== ' ');
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(mirrored(cell), cell).toBe(true);
    // The 6-month engagement ends in week 26; from then on the organizations part ways.
    await d.press(RIGHT);
    expect(d.frame()).toContain('[6 mo] engagement with Unit 3 ended');
    for (let week = end + 2; week < 70; week++) d.controller.stepWeek();
    await d.press(RIGHT);
    const [a, b] = d.controller.runs;
    expect(Buffer.from(a.stages).equals(Buffer.from(b.stages))).toBe(false);
    const [leftAfter, rightAfter] = panes(d.raw());
    expect(leftAfter).not.toEqual(rightAfter);
    const glyphs = (pane: string[][]) => pane.map((row) => row.map((cell) => cell[0]).join(''));
    expect(glyphs(leftAfter)).not.toEqual(glyphs(rightAfter));
  });

  it('keys act on both; the lengths stay fixed', async () => {
    const d = compareDemo();
    await d.press('i', 'c', 'e');
    expect(d.controller.runs.map((run) => [run.view.ispCount, run.view.urgency, run.view.engagementLengthMonths])).toEqual([
      [3, 0, 6],
      [3, 0, 18],
    ]);
    expect(lines(d.frame())[1]).toMatch(/^6-month +3 ISPs · urgency off│18-month +3 ISPs · urgency off$/);
    expect(d.frame()).toContain('lengths are fixed in the compare mode (6 vs 18 months)');
    await d.press('r');
    expect(d.controller.runs.map((run) => [run.seed, run.scenario.engagement.lengthMonths, run.scenario.isps.count])).toEqual([
      [2, 6, 3],
      [2, 18, 3],
    ]);
  });

  it('uses the room of a wider terminal', () => {
    const rows = lines(compareDemo(160, 40).frame());
    expect(rows).toHaveLength(39);
    expect(rows[1]).toMatch(/^6-month engagements +2 ISPs · urgency on│18-month engagements/);
  });
});
