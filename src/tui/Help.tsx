/**
 * The help screen (key ?): every key from the key table, and how to read the screen.
 */
import { STAGES } from '../sim/index.js';
import { KEYS } from './keys.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface HelpProperties {
  readonly width: number;
  readonly height: number;
  readonly compare: boolean;
  readonly palette: Palette;
}

export function Help({ width, height, compare, palette }: HelpProperties) {
  const g = palette.glyphs;
  const rows: string[] = [palette.paint(Tone.bold, fit('Keys' + (compare ? ' (they act on both organizations)' : ''), width).trimEnd())];
  for (const key of KEYS) {
    const help = compare && key.action === 'length' ? 'engagement lengths are fixed in the compare mode' : key.help;
    rows.push(new RowBuilder().add(palette.toneStyle(Tone.accent), `  ${key.label.padEnd(6)} `).add('', fit(help, width - 9).trimEnd()).toString());
  }
  const notes = [
    `${g.ispBusy}/${g.ispFree} ISP busy/free · ring 0 = first-engaged units · ring n = n ties away`,
    'underlined: unit in engagement · bold: its impl. team · U1→m12: until month 12',
    'AIM/IAM/FIM: mean acceptability/appropriateness/feasibility, 1–5',
    `stages: ${STAGES.map((name, s) => `${g.stages[s]} ${name}`).join('  ')}`,
  ];
  rows.push('');
  for (const note of notes) {
    // Wrap each note at the width.
    let rest = note;
    while (rest.length > 0) {
      let cut = rest.length <= width ? rest.length : rest.lastIndexOf(' ', width);
      if (cut <= 0) cut = width;
      rows.push(palette.paint(Tone.dim, rest.slice(0, cut)));
      rest = rest.slice(cut).trimStart();
    }
  }
  return <Rows rows={rows.slice(0, height)} width={width} height={height} />;
}
