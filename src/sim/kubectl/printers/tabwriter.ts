/**
 * Columns as kubectl's tabwriter lays them out (text/tabwriter with minwidth 0, padding 3, padded
 * with spaces): each column as wide as its widest cell plus three spaces, the last cell of a row
 * not padded. One pass to measure, one to write, so ten thousand rows stay cheap.
 */
const PADDING = 3;

export function formatColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (let i = 0; i < row.length - 1; i++) {
      const width = cellWidth(row[i] as string);
      if (widths[i] === undefined || width > (widths[i] as number)) widths[i] = width;
    }
  }
  const parts: string[] = [];
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length - 1; i++) {
      const cell = row[i] as string;
      line += cell + ' '.repeat((widths[i] as number) + PADDING - cellWidth(cell));
    }
    if (row.length > 0) line += row[row.length - 1];
    parts.push(line);
  }
  return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
}

/** tabwriter counts runes, not UTF-16 units. */
function cellWidth(cell: string): number {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007f]*$/.test(cell) ? cell.length : [...cell].length;
}
