/**
 * Pre-built rows of text, one <Text> each: the cheap way to draw (one node per row, not per cell).
 */
import { Box, Text } from 'ink';

export interface RowsProperties {
  readonly rows: readonly string[];
  readonly width?: number;
  readonly height?: number;
}

export function Rows({ rows, width, height }: RowsProperties) {
  return (
    <Box flexDirection="column" width={width} height={height} flexShrink={0} overflow="hidden">
      {rows.map((row, k) => (
        // An empty <Text> takes no height; a space keeps the row.
        <Text key={k}>{row === '' ? ' ' : row}</Text>
      ))}
    </Box>
  );
}
