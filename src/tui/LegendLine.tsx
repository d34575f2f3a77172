/**
 * The legend on one line (compare mode): each stage's glyph in its colour and its name.
 */
import { STAGES } from '../sim/index.js';
import { RowBuilder, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface LegendLineProperties {
  readonly width: number;
  readonly palette: Palette;
}

export function LegendLine({ width, palette }: LegendLineProperties) {
  const full = STAGES.reduce((sum, name) => sum + name.length + 3, -1) <= width;
  const row = new RowBuilder();
  STAGES.forEach((name, s) => {
    // Narrow terminals get the first letters of the names.
    const label = full ? name : name.slice(0, Math.max(3, Math.floor(width / STAGES.length) - 3));
    if (row.width + label.length + 2 > width) return;
    if (s > 0) row.add('', ' ');
    row.add(palette.stageStyle(s, 0), palette.stageGlyph(s)).add('', ` ${label}`);
  });
  return <Rows rows={[row.toString()]} width={width} />;
}
