/** A headless xterm to check what the learner would see on screen after the line editor's output. */
import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

export class Screen {
  readonly terminal: InstanceType<typeof Terminal>;

  constructor(columns = 40, rows = 12) {
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
  }

  write(data: string): Promise<void> {
    return new Promise((resolve) => this.terminal.write(data, resolve));
  }

  /** The visible rows, trailing spaces trimmed, trailing empty rows dropped. */
  lines(): string[] {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < buffer.length; row++)
      lines.push((buffer.getLine(row)?.translateToString(true) ?? '').trimEnd());
    while (lines.length > 0 && lines.at(-1) === '') lines.pop();
    return lines;
  }

  cursor(): { row: number; column: number } {
    const buffer = this.terminal.buffer.active;
    return { row: buffer.baseY + buffer.cursorY, column: buffer.cursorX };
  }
}
