/**
 * Both organizations' adoption curves (share of staff applying, 0–100 %) on one chart over the
 * whole run. Where the curves coincide the cell is drawn in a third colour: the runs are
 * identical until the shorter engagement first ends.
 */
import { Box } from 'ink';
import type { LiveRun } from './live-run.js';
import { fit, RowBuilder, Tone, type Palette } from './palette.js';
import { Rows } from './Rows.js';
import { dualChart } from './sparkline.js';

export interface CompareChartProperties {
  readonly runs: readonly [LiveRun, LiveRun];
  readonly width: number;
  readonly height: number;
  readonly gutter: number;
  readonly palette: Palette;
  readonly version: number;
}

export function CompareChart({ runs: [a, b], width, height, gutter, palette }: CompareChartProperties) {
  const chartWidth = Math.max(1, width - gutter - 1);
  const recorded = Math.min(a.history.length, b.history.length);
  const chart = dualChart(a.history.adoption, b.history.adoption, recorded, a.history.totalWeeks, chartWidth, height, palette);
  const dim = palette.toneStyle(Tone.dim);
  // Left gutter: what is plotted, which curve is which (left dots ⡇ / right dots ⢸), the scale.
  const labels: [string, string][] = [
    [dim, 'applying'],
    [palette.toneStyle(Tone.seriesA), `⡇ ${a.label}`],
    [palette.toneStyle(Tone.seriesB), `⢸ ${b.label}`],
    [palette.toneStyle(Tone.seriesBoth), '⣿ same'],
  ];
  const rows = chart.map((line, row) => {
    const builder = new RowBuilder();
    if (row === 0 && height > labels.length) builder.add(dim, fit('100 %', gutter));
    else {
      const label = labels[height > labels.length ? row - 1 : row];
      builder.add(label?.[0] ?? '', fit(label?.[1] ?? (row === height - 1 ? '0 %' : ''), gutter));
    }
    return builder.add(dim, '│').toString() + line;
  });
  return (
    <Box width={width} height={height} flexShrink={0}>
      <Rows rows={rows} width={width} />
    </Box>
  );
}
