/**
 * Go's text/tabwriter as `kubectl describe` uses it (minwidth 0, padding 2, spaces): cells end at
 * tabs, and a column is aligned only within a block of consecutive lines that all have a cell in
 * it, so a line without tabs (`Containers:`) starts new alignment. This is the algorithm of
 * tabwriter.format, column by column, recursively.
 */
const PADDING = 2;

export function tabwrite(text: string): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];
  const width = (cell: string): number => [...cell].length;

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] as string[];
      let text = '';
      for (let j = 0; j < line.length; j++) {
        const cell = line[j] as string;
        text += cell;
        if (j < widths.length && j < line.length - 1) text += ' '.repeat((widths[j] as number) - width(cell));
      }
      out.push(text);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current] as string[]).length - 1) continue;
      writeLines(start, current);
      start = current;
      let columnWidth = 0;
      for (; current < line1; current++) {
        const line = lines[current] as string[];
        if (column >= line.length - 1) break;
        const w = width(line[column] as string) + PADDING;
        if (w > columnWidth) columnWidth = w;
      }
      widths.push(columnWidth);
      format(start, current);
      widths.pop();
      start = current;
      current--;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}
