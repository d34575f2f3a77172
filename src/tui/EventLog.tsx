/**
 * The event line: the newest events first, each with its month, e.g. "m4  Unit 2 requested
 * support"; in the compare mode an event only one organization had is tagged with its length.
 */
import type { LoggedEvent } from './controller.js';
import { monthOfWeek } from './events.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';

export interface EventLogProperties {
  readonly log: readonly LoggedEvent[];
  readonly rows: number;
  readonly width: number;
  readonly palette: Palette;
  readonly version: number;
}

const TONES: Readonly<Record<LoggedEvent['kind'], Tone>> = {
  support: Tone.isp,
  spread: Tone.good,
  loss: Tone.warn,
  milestone: Tone.bold,
  setting: Tone.accent,
};

export function EventLog({ log, rows, width, palette }: EventLogProperties) {
  const lines: string[] = [];
  for (let k = 0; k < rows; k++) {
    const event = log[k];
    if (!event) {
      lines.push(k === 0 ? palette.paint(Tone.dim, 'events appear here as the run goes') : '');
      continue;
    }
    const stamp = `m${monthOfWeek(event.week)}`.padEnd(5);
    const label = event.label ? `[${event.label}] ` : '';
    // The newest line in its colour, older ones dimmed.
    const tone = k === 0 ? TONES[event.kind] : Tone.dim;
    lines.push(
      new RowBuilder()
        .add(palette.toneStyle(Tone.dim), stamp)
        .add(palette.toneStyle(tone), fit(label + event.text, width - stamp.length).trimEnd())
        .toString(),
    );
  }
  return <Rows rows={lines} width={width} />;
}
