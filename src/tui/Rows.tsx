/**
 * Pre-built rows of text, one <Text> each: the cheap way to draw (one node per row, not per cell).
 * Rows are built to fit their box, so nothing is clipped (Ink's clipping re-slices every line).
 */
import { Box, Text } from 'ink';

export interface RowsProperties {
  readonly rows: readonly string[];
  readonly width?: number;
  /** rows beyond this are dropped */
  readonly height?: number;
}

export function Rows({ rows, width, height }: RowsProperties) {
  const shown = height === undefined ? rows : rows.slice(0, height);
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0}>
      {shown.map((row, k) => (
        // An empty <Text> takes no height; a space keeps the row.
        <Text key={k}>{row === '' ? ' ' : row}</Text>
      ))}
    </Box>
  );
}
