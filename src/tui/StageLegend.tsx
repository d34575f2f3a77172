/**
 * The legend: each stage's glyph and colour, how many people are in it now, and a sparkline of
 * its share of the staff over the run so far.
 */
import { STAGES } from '../sim/index.js';
import type { LiveRun } from './live-run.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';
import { sparkline } from './sparkline.js';

export interface StageLegendProperties {
  readonly run: LiveRun;
  readonly width: number;
  readonly palette: Palette;
  readonly version: number;
}

const NAME = 10;

export function StageLegend({ run, width, palette }: StageLegendProperties) {
  const history = run.history;
  const countWidth = Math.max(3, String(run.stages.length).length);
  const sparkWidth = Math.max(0, width - (3 + NAME + countWidth + 1));
  const rows = [palette.paint(Tone.dim, fit(`${'stage'.padEnd(NAME + 2)}${'now'.padStart(countWidth)} share of staff`, width))];
  // Furthest stage first: the top of the legend is where the organization is heading.
  for (let s = STAGES.length - 1; s >= 0; s--) {
    const style = palette.stageStyle(s, 0);
    const spark = sparkline(history.stageShare[s], history.length, history.totalWeeks, sparkWidth, 0, 1, palette.glyphs.spark);
    rows.push(
      new RowBuilder()
        .add(style, palette.stageGlyph(s))
        .add('', ` ${STAGES[s].padEnd(NAME)}${String(history.counts[s]).padStart(countWidth)} `)
        .add(style, spark)
        .toString(),
    );
  }
  return <Rows rows={rows} width={width} />;
}
