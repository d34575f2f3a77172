/**
 * The support side and the live settings: the ISPs (◆ co-leading, ◇ free), engagement length,
 * urgency culture, which units are engaged (and until which month) and which are waiting.
 * Each setting shows the key that changes it.
 */
import type { DemoController } from './controller.js';
import { unitName } from './events.js';
import type { LiveRun } from './live-run.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';
import { WEEKS_PER_MONTH } from '../sim/index.js';

export interface SupportStatusProperties {
  readonly controller: DemoController;
  readonly run: LiveRun;
  readonly width: number;
  readonly palette: Palette;
  readonly version: number;
}

const SHOWN_ISPS = 10;

/** "U1→m12": Unit 1, engaged until month 12. */
export function engagedText(run: LiveRun): string {
  const list = run.view.activeEngagements.map((e) => `${unitName(e.unit).replace('Unit ', 'U')}→m${Math.round(e.endWeek / WEEKS_PER_MONTH)}`);
  return list.length > 0 ? list.join(' ') : 'none';
}

export function waitingText(run: LiveRun): string {
  const list = run.view.waitlist.map((unit) => unitName(unit).replace('Unit ', 'U'));
  return list.length > 0 ? list.join(' ') : 'none';
}

export function SupportStatus({ controller: c, run, width, palette }: SupportStatusProperties) {
  const dim = palette.toneStyle(Tone.dim);
  const line = (label: string, value: string, valueStyle: string, key = '') => {
    const room = width - 9 - (key ? key.length + 1 : 0);
    const row = new RowBuilder().add(dim, label.padEnd(9)).add(valueStyle, fit(value, room).trimEnd());
    if (key) row.pad(width - key.length).add(dim, key);
    return row.toString();
  };
  const busy = run.busyIsps();
  const ispRow = new RowBuilder().add(dim, 'ISPs'.padEnd(9));
  busy.slice(0, SHOWN_ISPS).forEach((isBusy) =>
    ispRow.add(palette.toneStyle(isBusy ? Tone.isp : Tone.dim), isBusy ? palette.glyphs.ispBusy : palette.glyphs.ispFree),
  );
  if (busy.length > SHOWN_ISPS) ispRow.add(dim, '+');
  ispRow.add('', ` ${c.ispCount}${c.ispCount > 0 ? `, ${busy.filter(Boolean).length} busy` : ' (none)'}`);
  ispRow.pad(width - 3).add(dim, 'iI');
  const plain = palette.toneStyle(Tone.plain);
  const rows = [
    ispRow.toString(),
    line('length', `${run.view.engagementLengthMonths} months`, palette.toneStyle(Tone.accent), c.compare ? '' : 'e'),
    line('urgency', c.urgencyCulture ? `culture on (${c.urgency.toFixed(2)})` : 'culture off', palette.toneStyle(c.urgencyCulture ? Tone.warn : Tone.good), 'c'),
    line('engaged', engagedText(run), palette.toneStyle(Tone.isp)),
    line('waiting', waitingText(run), plain),
  ];
  return <Rows rows={rows} width={width} />;
}
