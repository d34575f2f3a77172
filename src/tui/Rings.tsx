/**
 * One organization as concentric rings: ISPs at the hub (◆ busy, ◇ free), then ring 0 (the
 * first-engaged units), ring 1, … each person a glyph coloured by stage; people in an engaged
 * unit underlined, its implementation team in bold.
 */
import { useMemo } from 'react';
import type { LiveRun } from './live-run.js';
import type { Palette } from './palette.js';
import { layOutRings } from './ring-layout.js';
import { paintRings } from './rings.js';
import { Rows } from './Rows.js';

export interface RingsProperties {
  readonly run: LiveRun;
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
  /** changes whenever the run moves, so the rings repaint */
  readonly version: number;
}

/** ISP places kept at the hub: 5 (a plus sign) unless more ISPs are on the team. */
const HUB = 5;

export function Rings({ run, width, height, palette }: RingsProperties) {
  const hub = Math.max(HUB, run.view.ispCount);
  const layout = useMemo(() => layOutRings(run.view.ring, width, height, hub), [run, width, height, hub]);
  const rows = paintRings(layout, { stages: run.stages, marks: run.marks, busyIsps: run.busyIsps() }, palette);
  return <Rows rows={rows} width={width} height={height} />;
}
