/**
 * The top line: scenario, seed, month, and whether the clock runs (and how fast).
 */
import type { DemoController } from './controller.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface HeaderProperties {
  readonly controller: DemoController;
  readonly width: number;
  readonly palette: Palette;
}

function speedText(speed: number): string {
  return `${speed < 1 ? speed.toFixed(1) : speed} wk/s`;
}

export function Header({ controller: c, width, palette }: HeaderProperties) {
  const g = palette.glyphs;
  const clock = c.done ? '■ finished' : c.running ? `${g.play} ${speedText(c.speed)}` : `${g.pause} paused · ${speedText(c.speed)}`;
  const room = width - clock.length - 1;
  const name = c.options.scenario.name;
  const what = c.compare ? ` · ${c.options.compare?.join(' vs ')}-month engagements` : '';
  const when = ` · seed ${c.seed} · month ${c.month} of ${c.months}`;
  // The most that fits: drop the week, then the program name, then the compare lengths.
  const candidates = [
    `Concentric · ${name}${what}${when} · week ${c.week}`,
    `Concentric · ${name}${what}${when}`,
    `${name}${what}${when}`,
    `${name}${when}`,
  ];
  const left = candidates.find((text) => text.length <= room) ?? fit(candidates[candidates.length - 1], room);
  const row = new RowBuilder()
    .add(palette.toneStyle(Tone.bold), left)
    .pad(width - clock.length)
    .add(palette.toneStyle(c.running ? Tone.good : Tone.warn), clock);
  return <Rows rows={[row.toString()]} width={width} />;
}
