/**
 * Sparklines on a fixed time axis: column c of a width-w line always stands for the same weeks of
 * the run, so a curve grows left to right as the run advances and two runs line up. Also the
 * two-curve chart of the compare mode, drawn in braille: one curve in the left dot column of
 * each cell, the other in the right, so they stay apart even without colour.
 */
import { RowBuilder, Tone, type Palette } from './palette.js';

/** The last week shown by column `col` of `width` columns over weeks 0 … totalWeeks. */
function weekOfColumn(col: number, width: number, totalWeeks: number): number {
  return Math.min(totalWeeks, Math.floor(((col + 1) * (totalWeeks + 1)) / width) - 1);
}

/** First week shown by column `col`. */
function firstWeekOfColumn(col: number, width: number, totalWeeks: number): number {
  return Math.floor((col * (totalWeeks + 1)) / width);
}

/**
 * A one-row sparkline of `series` (weeks 0 … recorded − 1) scaled to [low, high], `width` columns
 * over the whole run; columns not reached yet are blank.
 */
export function sparkline(
  series: ArrayLike<number>,
  recorded: number,
  totalWeeks: number,
  width: number,
  low: number,
  high: number,
  levels: readonly string[],
): string {
  let line = '';
  const span = high - low || 1;
  for (let col = 0; col < width; col++) {
    if (firstWeekOfColumn(col, width, totalWeeks) >= recorded) {
      line += ' ';
      continue;
    }
    const value = series[Math.min(recorded - 1, Math.max(0, weekOfColumn(col, width, totalWeeks)))];
    const level = Math.round(((value - low) / span) * (levels.length - 1));
    line += levels[Math.min(levels.length - 1, Math.max(0, level))];
  }
  return line;
}

/** [low, high] around the values so far, at least `minSpan` wide, inside [floor, ceiling]. */
export function autoRange(series: ArrayLike<number>, recorded: number, minSpan: number, floor: number, ceiling: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let w = 0; w < recorded; w++) {
    low = Math.min(low, series[w]);
    high = Math.max(high, series[w]);
  }
  if (!Number.isFinite(low)) return [floor, floor + minSpan];
  if (high - low < minSpan) {
    const middle = (high + low) / 2;
    low = middle - minSpan / 2;
    high = middle + minSpan / 2;
  }
  if (low < floor) [low, high] = [floor, floor + (high - low)];
  if (high > ceiling) [low, high] = [ceiling - (high - low), ceiling];
  return [Math.max(floor, low), Math.min(ceiling, high)];
}

// Braille dots, top to bottom: left column 1 2 3 7, right column 4 5 6 8.
const LEFT_DOTS = [0x01, 0x02, 0x04, 0x40];
const RIGHT_DOTS = [0x08, 0x10, 0x20, 0x80];
const LEFT_MASK = 0x47;
const RIGHT_MASK = 0xb8;

/**
 * Two shares (0–1) over the run on one chart, `height` rows × `width` columns: curve A in the
 * left dots of each cell (Tone.seriesA), curve B in the right dots (Tone.seriesB); a cell holding
 * both at the same heights — the runs agree — is drawn in Tone.seriesBoth.
 */
export function dualChart(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  recorded: number,
  totalWeeks: number,
  width: number,
  height: number,
  palette: Palette,
): string[] {
  const dots = 4 * height;
  const bits = new Uint8Array(width * height);
  const plot = (series: ArrayLike<number>, pattern: readonly number[]) => {
    let previous = -1;
    for (let col = 0; col < width; col++) {
      if (firstWeekOfColumn(col, width, totalWeeks) >= recorded) break;
      const value = series[Math.min(recorded - 1, Math.max(0, weekOfColumn(col, width, totalWeeks)))];
      const level = Math.min(dots - 1, Math.max(0, Math.round(value * (dots - 1))));
      const from = previous < 0 ? level : Math.min(previous, level);
      const to = previous < 0 ? level : Math.max(previous, level);
      // Fill from the previous column's height so the curve reads as a line.
      for (let l = from; l <= to; l++) {
        const fromTop = dots - 1 - l;
        bits[Math.floor(fromTop / 4) * width + col] |= pattern[fromTop % 4];
      }
      previous = level;
    }
  };
  plot(a, LEFT_DOTS);
  plot(b, RIGHT_DOTS);
  const styleA = palette.toneStyle(Tone.seriesA);
  const styleB = palette.toneStyle(Tone.seriesB);
  const styleBoth = palette.toneStyle(Tone.seriesBoth);
  const rows: string[] = [];
  for (let row = 0; row < height; row++) {
    const builder = new RowBuilder();
    for (let col = 0; col < width; col++) {
      const cell = bits[row * width + col];
      if (cell === 0) {
        builder.add('', ' ');
        continue;
      }
      const left = cell & LEFT_MASK;
      const right = cell & RIGHT_MASK;
      // Same dots on both sides ⇒ the two runs are at the same height here.
      const mirrored = ((left & 0x07) << 3) | ((left & 0x40) << 1);
      const style = left && !right ? styleA : right && !left ? styleB : mirrored === right ? styleBoth : '';
      builder.add(style, String.fromCharCode(0x2800 + cell));
    }
    rows.push(builder.toString());
  }
  return rows;
}
