/**
 * Painting the rings each frame: one pass over the glyphs (stage glyph and colour, engagement
 * marks), the ISPs at the hub, the ring numbers and bands, then one pre-coloured string per row.
 */
import type { Organization, SimulationView } from '../sim/index.js';
import { Mark, RowBuilder, Tone, type Palette } from './palette.js';
import type { RingLayout } from './ring-layout.js';

/** How each person is marked this week: member of an engaged unit, or of its implementation team. */
export function engagementMarks(view: SimulationView, marks: Uint8Array): Uint8Array {
  const org: Organization = view.organization;
  marks.fill(Mark.none);
  for (const engagement of view.activeEngagements) {
    const unit = engagement.unit;
    marks.fill(Mark.engagedUnit, org.unitStart[unit], org.unitStart[unit + 1]);
    for (let k = org.implementationStart[unit]; k < org.implementationStart[unit + 1]; k++) {
      marks[org.implementationMembers[k]] = Mark.implementationTeam;
    }
  }
  return marks;
}

/** ISPs co-leading at least one active engagement. */
export function busyIsps(view: SimulationView): boolean[] {
  const busy = new Array<boolean>(view.ispCount).fill(false);
  for (const engagement of view.activeEngagements) {
    for (const isp of engagement.coLeads) if (isp < busy.length) busy[isp] = true;
  }
  return busy;
}

export interface RingFrame {
  /** stage of each person */
  readonly stages: Uint8Array;
  readonly marks: Uint8Array;
  readonly busyIsps: readonly boolean[];
}

/** One pre-coloured string per panel row. */
export function paintRings(layout: RingLayout, frame: RingFrame, palette: Palette): string[] {
  const { width, height, glyphCell, glyphStart, members } = layout;
  const chars = new Array<string>(width * height).fill(' ');
  const styles = new Array<string>(width * height);
  for (let cell = 0; cell < styles.length; cell++) styles[cell] = layout.band[cell] ? palette.bandStyle : '';
  const stageCounts = new Int32Array(palette.glyphs.stages.length);
  for (let g = 0; g < glyphCell.length; g++) {
    let stage: number;
    let mark = 0;
    const first = glyphStart[g];
    const last = glyphStart[g + 1];
    if (last - first === 1) {
      stage = frame.stages[members[first]];
      mark = frame.marks[members[first]];
    } else {
      // A group glyph shows the group's median stage.
      stageCounts.fill(0);
      for (let k = first; k < last; k++) {
        stageCounts[frame.stages[members[k]]]++;
        mark = Math.max(mark, frame.marks[members[k]]);
      }
      let seen = 0;
      stage = 0;
      while (seen + stageCounts[stage] <= (last - first - 1) / 2) seen += stageCounts[stage++];
    }
    const cell = glyphCell[g];
    chars[cell] = palette.stageGlyph(stage);
    styles[cell] = palette.stageStyle(stage, mark as Mark, layout.band[cell] === 1);
  }
  const ispStyleBusy = palette.toneStyle(Tone.isp);
  const ispStyleFree = palette.toneStyle(Tone.dim);
  for (let isp = 0; isp < Math.min(frame.busyIsps.length, layout.hubCells.length); isp++) {
    const cell = layout.hubCells[isp];
    chars[cell] = frame.busyIsps[isp] ? palette.glyphs.ispBusy : palette.glyphs.ispFree;
    styles[cell] = frame.busyIsps[isp] ? ispStyleBusy : ispStyleFree;
  }
  const labelStyle = palette.toneStyle(Tone.dim);
  for (const label of layout.labels) {
    for (let k = 0; k < label.text.length; k++) {
      chars[label.cell + k] = label.text[k];
      styles[label.cell + k] = labelStyle;
    }
  }
  const rows: string[] = [];
  for (let row = 0; row < height; row++) {
    const builder = new RowBuilder();
    for (let col = 0; col < width; col++) builder.add(styles[row * width + col], chars[row * width + col]);
    rows.push(builder.toString());
  }
  return rows;
}
