/**
 * The whole frame for the demo's current state, laid out for the terminal size: the single view
 * (rings beside the legend, measures and support status) or the compare view (two organizations
 * side by side above one chart with both adoption curves). Pure: no input, no timers.
 */
import { Box } from 'ink';
import { CompareChart } from './CompareChart.js';
import { ComparePane } from './ComparePane.js';
import type { DemoController } from './controller.js';
import { EventLog } from './EventLog.js';
import { Header } from './Header.js';
import { Help } from './Help.js';
import { KeyBar } from './KeyBar.js';
import { compareLayout, MIN_COLUMNS, MIN_ROWS, singleLayout } from './layout.js';
import { LegendLine } from './LegendLine.js';
import { Tone, type Palette } from './palette.js';
import { Rings } from './Rings.js';
import { Rows } from './Rows.js';
import { SidePanel } from './SidePanel.js';

export interface ScreenProperties {
  readonly controller: DemoController;
  readonly columns: number;
  readonly rows: number;
  readonly palette: Palette;
  /** the controller's version when this frame was asked for */
  readonly version: number;
}

export function Screen({ controller: c, columns, rows, palette, version }: ScreenProperties) {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return <Rows rows={[`Terminal too small (${columns}×${rows}): the demo needs ${MIN_COLUMNS}×${MIN_ROWS}, 80×24 or more is best. q quits.`]} width={columns} />;
  }
  const common = { palette, version };
  if (c.compare) {
    const l = compareLayout(columns, rows);
    const [a, b] = c.runs;
    return (
      <Box flexDirection="column" width={columns} height={l.height}>
        <Header controller={c} width={columns} palette={palette} />
        {c.helpOpen ? (
          <Help width={columns} height={l.mainHeight + 1 + l.chartHeight} compare palette={palette} />
        ) : (
          <>
            <Box flexDirection="row" height={l.mainHeight} flexShrink={0}>
              <ComparePane run={a} tone={Tone.seriesA} width={l.paneWidths[0]} ringsHeight={l.ringsHeight} {...common} />
              <Rows rows={new Array<string>(l.mainHeight).fill(palette.paint(Tone.dim, '│'))} width={1} />
              <ComparePane run={b} tone={Tone.seriesB} width={l.paneWidths[1]} ringsHeight={l.ringsHeight} {...common} />
            </Box>
            <LegendLine width={columns} palette={palette} />
            <CompareChart runs={[a, b]} width={columns} height={l.chartHeight} gutter={l.chartGutter} {...common} />
          </>
        )}
        <EventLog log={c.log} rows={l.events} width={columns} {...common} />
        <KeyBar width={columns} palette={palette} />
      </Box>
    );
  }
  const l = singleLayout(columns, rows);
  return (
    <Box flexDirection="column" width={columns} height={l.height}>
      <Header controller={c} width={columns} palette={palette} />
      <Box flexDirection="row" height={l.mainHeight} flexShrink={0}>
        {c.helpOpen ? (
          <Help width={columns} height={l.mainHeight} compare={false} palette={palette} />
        ) : (
          <>
            <Rings run={c.runs[0]} width={l.ringsWidth} height={l.mainHeight} {...common} />
            <Box width={1} flexShrink={0} />
            <SidePanel controller={c} width={l.sideWidth} height={l.mainHeight} {...common} />
          </>
        )}
      </Box>
      <EventLog log={c.log} rows={l.events} width={columns} {...common} />
      <KeyBar width={columns} palette={palette} />
    </Box>
  );
}
