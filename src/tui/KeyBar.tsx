/**
 * The bottom line: every key with a word, as many as fit; help and quit always.
 */
import { KEY_BAR } from './keys.js';
import { RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface KeyBarProperties {
  readonly width: number;
  readonly palette: Palette;
}

const ALWAYS = 2;
const itemWidth = ([key, word]: readonly [string, string]) => key.length + 1 + word.length;

export function KeyBar({ width, palette }: KeyBarProperties) {
  const tail = KEY_BAR.slice(-ALWAYS);
  // Keys are two columns apart; take the others in order while they fit.
  let used = tail.reduce((sum, item) => sum + itemWidth(item), 0) + 2 * (tail.length - 1);
  const shown: (readonly [string, string])[] = [];
  for (const item of KEY_BAR.slice(0, -ALWAYS)) {
    if (used + itemWidth(item) + 2 > width) break;
    shown.push(item);
    used += itemWidth(item) + 2;
  }
  const row = new RowBuilder();
  for (const [key, word] of [...shown, ...tail]) {
    if (row.width > 0) row.add('', '  ');
    row.add(palette.toneStyle(Tone.accent), key).add(palette.toneStyle(Tone.dim), ` ${word}`);
  }
  return <Rows rows={[row.toString()]} width={width} />;
}
