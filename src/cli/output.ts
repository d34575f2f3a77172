/**
 * Writing results: to a file atomically (temp file + rename, so a failure never leaves a
 * half-written result) or to stdout.
 */
import { writeFileAtomic } from '../sweep/index.js';

// One atomic writer for every command (temp file, fsync, rename): src/sweep/files.ts.
export { writeFileAtomic };

export function emit(text: string, outFile: string | undefined): void {
  if (outFile) writeFileAtomic(outFile, text);
  else process.stdout.write(text);
}

/** Cells that read as quantities (numbers, percentages, "3.57 / 3.64", "month 12") align right. */
function isQuantity(cell: string): boolean {
  return /^[-−+]?[\d.,]+(\s?%)?([\s/±–(),.%\d-]|month|—)*$|^—$|^month \d/.test(cell.trim());
}

/** A plain text table: the first column and text columns left-aligned, quantity columns right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const right = header.map((_, c) => c > 0 && rows.length > 0 && cells.slice(1).every((row) => row[c] === '' || isQuantity(row[c])));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)} %`;
}
