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

export function SidePanel({ controller, width, height, palette, version }: SidePanelProperties) {
  const run = controller.runs[0];
  // Spare rows go between the blocks; at 80×24 there is one.
  const gap = height >= 18 ? 1 : 0;
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
      <StageLegend run={run} width={width} palette={palette} version={version} />
      <Box height={gap} flexShrink={0} />
      <Measures run={run} width={width} palette={palette} version={version} />
      <Box height={gap} flexShrink={0} />
      <SupportStatus controller={controller} run={run} width={width} palette={palette} version={version} />
    </Box>
  );
}
