/**
 * The bottom line: every key with a word, as many as fit.
 */
import { KEY_BAR } from './keys.js';
import { RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface KeyBarProperties {
  readonly width: number;
  readonly palette: Palette;
}

export function KeyBar({ width, palette }: KeyBarProperties) {
  const row = new RowBuilder();
  for (const [key, word] of KEY_BAR) {
    const gap = row.width === 0 ? '' : '  ';
    if (row.width + gap.length + key.length + 1 + word.length > width) break;
    row.add('', gap).add(palette.toneStyle(Tone.accent), key).add(palette.toneStyle(Tone.dim), ` ${word}`);
  }
  return <Rows rows={[row.toString()]} width={width} />;
}
