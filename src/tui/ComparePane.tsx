/**
 * One of the two organizations in the compare mode: a title with its engagement length, its
 * rings, and a line with how many apply and which units are engaged.
 */
import { Box } from 'ink';
import { STAGES } from '../sim/index.js';
import type { LiveRun } from './live-run.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rings } from './Rings.js';
import { Rows } from './Rows.js';
import { engagedText } from './SupportStatus.js';

export interface ComparePaneProperties {
  readonly run: LiveRun;
  /** Tone.seriesA or Tone.seriesB: the colour of this organization's curve */
  readonly tone: Tone;
  readonly width: number;
  readonly ringsHeight: number;
  readonly palette: Palette;
  readonly version: number;
}

const APPLYING = STAGES.indexOf('applying');
const SUSTAINING = STAGES.indexOf('sustaining');

export function ComparePane({ run, tone, width, ringsHeight, palette, version }: ComparePaneProperties) {
  const view = run.view;
  const settings = `${view.ispCount} ISPs · urgency ${view.urgency > 0 ? 'on' : 'off'}`;
  const long = `${view.engagementLengthMonths}-month engagements`;
  const title = long.length + 3 + settings.length <= width ? long : `${view.engagementLengthMonths}-month`;
  const titleRow = new RowBuilder().add(palette.toneStyle(tone), fit(title, Math.min(title.length, width)));
  if (title.length + 3 + settings.length <= width) titleRow.pad(width - settings.length).add(palette.toneStyle(Tone.dim), settings);
  const counts = run.history.counts;
  const applying = counts[APPLYING] + counts[SUSTAINING];
  const share = Math.round((100 * applying) / run.stages.length);
  const summary = ` ${applying} applying (${share} %) · `;
  const stats = new RowBuilder()
    .add(palette.stageStyle(APPLYING, 0), palette.stageGlyph(APPLYING))
    .add(palette.stageStyle(SUSTAINING, 0), palette.stageGlyph(SUSTAINING))
    .add('', summary)
    .add(palette.toneStyle(Tone.isp), fit(engagedText(run), Math.max(0, width - 2 - summary.length)).trimEnd());
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      <Rows rows={[titleRow.toString()]} width={width} />
      <Rings run={run} width={width} height={ringsHeight} palette={palette} version={version} />
      <Rows rows={[stats.toString()]} width={width} />
    </Box>
  );
}
