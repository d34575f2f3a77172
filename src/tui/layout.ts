/**
 * Screen geometry: how the rows and columns of the terminal are shared out. At 80×24 everything
 * fits; extra room goes first to the rings, then to the sparklines, the chart and the event log.
 */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;
/** columns of the side panel before its sparklines grow */
const SIDE_WIDTH = 33;

export interface SingleLayout {
  readonly kind: 'single';
  readonly columns: number;
  /** rows used: one fewer than the terminal, so Ink redraws in place instead of clearing */
  readonly height: number;
  readonly mainHeight: number;
  readonly ringsWidth: number;
  readonly sideWidth: number;
  readonly events: number;
}

export interface CompareLayout {
  readonly kind: 'compare';
  readonly columns: number;
  readonly height: number;
  readonly paneWidths: readonly [number, number];
  readonly ringsHeight: number;
  /** rows taken by the two panes: title, rings, stats */
  readonly mainHeight: number;
  readonly chartHeight: number;
  readonly chartGutter: number;
  readonly events: number;
}

export type ScreenLayout = SingleLayout | CompareLayout;

export function singleLayout(columns: number, rows: number): SingleLayout {
  const height = rows - 1;
  const events = rows >= 30 ? 5 : rows >= 26 ? 4 : 3;
  const sideWidth = SIDE_WIDTH + Math.max(0, Math.min(27, Math.floor((columns - 80) / 3)));
  return {
    kind: 'single',
    columns,
    height,
    mainHeight: height - 2 - events,
    ringsWidth: columns - sideWidth - 1,
    sideWidth,
    events,
  };
}

export function compareLayout(columns: number, rows: number): CompareLayout {
  const height = rows - 1;
  const chartHeight = rows >= 32 ? 6 : rows >= 28 ? 5 : 4;
  const events = rows >= 30 ? 3 : 2;
  // Both panes equally wide, so the same state draws the same rings on both sides.
  const pane = Math.floor((columns - 1) / 2);
  const mainHeight = height - 3 - chartHeight - events;
  return {
    kind: 'compare',
    columns,
    height,
    paneWidths: [pane, pane],
    ringsHeight: mainHeight - 2,
    mainHeight,
    chartHeight,
    chartGutter: 9,
    events,
  };
}
