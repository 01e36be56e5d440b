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
    // One pass to measure (remembering each cell's width), one to write.
    const cellWidths: number[][] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as readonly string[];
      const measured: number[] = new Array(row.length);
      for (let i = 0; i < row.length; i++) {
        const width = cellWidth(row[i] as string);
        measured[i] = width;
        if (i < row.length - 1 && (widths[i] === undefined || width + PADDING > (widths[i] as number)))
          widths[i] = width + PADDING;
      }
      cellWidths[r] = measured;
    }
    const lines: string[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as readonly string[];
      const measured = cellWidths[r] as number[];
      let line = '';
      for (let i = 0; i < row.length - 1; i++)
        line += (row[i] as string) + spaces((widths[i] as number) - (measured[i] as number));
      if (row.length > 0) line += row[row.length - 1];
      lines[r] = line;
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }
}

const SPACES = ' '.repeat(256);

function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}
