/**
 * Mean AIM / IAM / FIM (acceptability, appropriateness, feasibility; 1–5) now, with sparklines
 * over the run. Each line is scaled to its own range (at least half a point), shown at the end.
 */
import { MEASURES } from './history.js';
import type { LiveRun } from './live-run.js';
import { RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';
import { autoRange, sparkline } from './sparkline.js';

export interface MeasuresProperties {
  readonly run: LiveRun;
  readonly width: number;
  readonly palette: Palette;
  readonly version: number;
}

/** as wide as a legend row's glyph, name and count, so the sparklines line up */
const PREFIX = 16;

export function Measures({ run, width, palette }: MeasuresProperties) {
  const history = run.history;
  const now = Math.max(0, history.length - 1);
  const rows = MEASURES.map((measure) => {
    const series = history.measures[measure];
    const [low, high] = autoRange(series, history.length, 0.5, 1, 5);
    const range = ` ${low.toFixed(1)}–${high.toFixed(1)}`;
    const showRange = width - PREFIX >= 12 + range.length;
    const sparkWidth = Math.max(0, width - PREFIX - (showRange ? range.length : 0));
    return new RowBuilder()
      .add('', ` ${measure.toUpperCase().padEnd(9)} ${series[now].toFixed(2)} `)
      .add(palette.toneStyle(Tone.accent), sparkline(series, history.length, history.totalWeeks, sparkWidth, low, high, palette.glyphs.spark))
      .add(palette.toneStyle(Tone.dim), showRange ? range : '')
      .toString();
  });
  return <Rows rows={rows} width={width} />;
}
