/** Plain-text tables and number formats for the bench report. */

export function table(header, rows) {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function perSecond(value) {
  if (value >= 1e9) return `${(value / 1e9).toFixed(2)} G/s`;
  if (value >= 1e6) return `${(value / 1e6).toFixed(1)} M/s`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k/s`;
  return `${value.toFixed(1)} /s`;
}

export function ms(value) {
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function mb(value) {
  return `${value.toFixed(0)} MB`;
}

export function count(value) {
  return value.toLocaleString('en-US');
}

export function ratio(value) {
  return value >= 10 ? `${value.toFixed(0)}×` : `${value.toFixed(2)}×`;
}
