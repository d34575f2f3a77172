/**
 * The right-hand column of the single view: legend with stage sparklines, AIM / IAM / FIM, and
 * the support status.
 */
import { Box } from 'ink';
import type { DemoController } from './controller.js';
import { Measures } from './Measures.js';
import type { Palette } from './palette.js';
import { StageLegend } from './StageLegend.js';
import { SupportStatus } from './SupportStatus.js';

export interface SidePanelProperties {
  readonly controller: DemoController;
  readonly width: number;
  readonly height: number;
  readonly palette: Palette;
  readonly version: number;
}

/** Rows of each block: legend (header + 7 stages), measures, support status. */
const LEGEND = 8;
const MEASURES = 3;
const STATUS = 5;

export function SidePanel({ controller, width, height, palette, version }: SidePanelProperties) {
  const run = controller.runs[0];
  // What fits, most important first; a spare row between blocks when there is room (at 80×24 there is).
  const status = height >= LEGEND + STATUS;
  const measures = height >= LEGEND + STATUS + MEASURES;
  const gap = height >= LEGEND + STATUS + MEASURES + 2 ? 1 : 0;
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      <StageLegend run={run} width={width} palette={palette} version={version} />
      {measures && <Box height={gap} flexShrink={0} />}
      {measures && <Measures run={run} width={width} palette={palette} version={version} />}
      {status && <Box height={gap} flexShrink={0} />}
      {status && <SupportStatus controller={controller} run={run} width={width} palette={palette} version={version} />}
    </Box>
  );
}
