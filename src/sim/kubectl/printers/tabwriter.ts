/**
 * Columns as kubectl's tabwriter lays them out (text/tabwriter with minwidth 0, padding 3, padded
 * with spaces): each column as wide as its widest cell plus three spaces, the last cell of a row
 * not padded. One pass to measure, one to write, so ten thousand rows stay cheap.
 */
const PADDING = 3;

export function formatColumns(rows: readonly (readonly string[])[]): string {
  return new ColumnWriter().format(rows);
}

/** tabwriter counts runes, not UTF-16 units. */
function cellWidth(cell: string): number {
  return /^[\u0000-\u007f]*$/.test(cell) ? cell.length : [...cell].length;
}

/**
 * kubectl's tabwriter keeps column widths between flushes (`get -w` rows stay aligned with the
 * table above them); `reset` forgets them, as kubectl does before a new kind's table.
 */
export class ColumnWriter {
  #widths: number[] = [];

  reset(): void {
    this.#widths = [];
  }

  format(rows: readonly (readonly string[])[]): string {
    const widths = this.#widths;
    for (const row of rows) {
      for (let i = 0; i < row.length - 1; i++) {
        const width = cellWidth(row[i] as string) + PADDING;
        if (widths[i] === undefined || width > (widths[i] as number)) widths[i] = width;
      }
    }
    let out = '';
    for (const row of rows) {
      for (let i = 0; i < row.length - 1; i++) {
        const cell = row[i] as string;
        out += cell + ' '.repeat((widths[i] as number) - cellWidth(cell));
      }
      if (row.length > 0) out += row[row.length - 1];
      out += '\n';
    }
    return out;
  }
}
