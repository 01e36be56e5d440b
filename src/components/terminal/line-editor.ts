/**
 * The shell's line editor, without a DOM: keys in, terminal output out. Readline's everyday keys
 * (arrows, Home/End, Ctrl-A/E/U/K/W/Y/L/C, Alt-B/F/D), history, tab completion and multi-line input
 * (trailing backslash, here-documents). Hand-written because no readline package fits xterm 6 with a
 * completion hook. It redraws the input itself, so it tracks where the cursor is on screen.
 */
import { splitKeys } from './key-sequences.ts';
import { needsMoreInput } from '../../sim/shell/input.ts';

export interface Completion {
  from: number;
  items: string[];
}

export interface LineEditorOptions {
  /** The prompt; may hold ANSI colours. */
  prompt: string;
  continuationPrompt?: string;
  columns: number;
  history?: readonly string[];
  historyLimit?: number;
}

export interface FeedResult {
  /** Bytes to write to the terminal. */
  output: string;
  /** A complete command the learner entered: run it, then call `prompt()`. */
  submitted?: string;
  /**
   * Tab was pressed: complete this line at this cursor (the candidates come from the simulator, so
   * they may take a moment), pass them to `completeWith`, then feed `rest`.
   */
  completing?: { line: string; cursor: number };
  /** Input that arrived after the submitted command or the Tab (a paste of several lines), to feed afterwards. */
  rest: string;
}

const ansi = /\x1b\[[0-9;?]*[A-Za-z]/g;
const wordChar = /[\p{L}\p{N}_]/u;

export class LineEditor {
  #prompt: string;
  #continuationPrompt: string;
  #columns: number;
  #historyLimit: number;
  #history: string[];
  #historyIndex: number;
  #draft = '';
  /** Physical lines of a multi-line command already entered. */
  #lines: string[] = [];
  #buffer = '';
  #cursor = 0;
  /** Screen row of the cursor, counted from the row of the current prompt. */
  #cursorRow = 0;
  #killed = '';

  constructor(options: LineEditorOptions) {
    this.#prompt = options.prompt;
    this.#continuationPrompt = options.continuationPrompt ?? '> ';
    this.#columns = Math.max(options.columns, 2);
    this.#historyLimit = options.historyLimit ?? 500;
    this.#history = [...(options.history ?? [])].slice(-this.#historyLimit);
    this.#historyIndex = this.#history.length;
  }

  get line(): string {
    return this.#buffer;
  }
  get cursor(): number {
    return this.#cursor;
  }
  get history(): readonly string[] {
    return this.#history;
  }
  /** True while a multi-line command is being entered. */
  get continuing(): boolean {
    return this.#lines.length > 0;
  }

  setColumns(columns: number): void {
    this.#columns = Math.max(columns, 2);
  }

  /** A fresh prompt, after a command finished (or at start); `text` replaces the prompt from now on. */
  prompt(text?: string): string {
    if (text !== undefined) this.#prompt = text;
    this.#lines = [];
    this.#buffer = '';
    this.#cursor = 0;
    this.#cursorRow = 0;
    this.#historyIndex = this.#history.length;
    return this.#render(false);
  }

  /** Replace the current line, as a "run in terminal" button or a palette tap does. */
  setLine(text: string): string {
    this.#buffer = text;
    this.#cursor = text.length;
    return this.#render();
  }

  feed(data: string): FeedResult {
    const keys = splitKeys(data);
    let output = '';
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      if (key === '\r' || key === '\n') {
        // A pasted CRLF is one Enter.
        if (key === '\r' && keys[index + 1] === '\n') index++;
        const entered = this.#enter();
        output += entered.output;
        if (entered.submitted !== undefined) {
          return { output, submitted: entered.submitted, rest: keys.slice(index + 1).join('') };
        }
        continue;
      }
      if (key === '\t') {
        return {
          output,
          completing: { line: this.#buffer, cursor: this.#cursor },
          rest: keys.slice(index + 1).join(''),
        };
      }
      output += this.#key(key);
    }
    return { output, rest: '' };
  }

  #key(key: string): string {
    switch (key) {
      case '\x7f':
      case '\b':
        return this.#deleteRange(this.#cursor - 1, this.#cursor);
      case '\x1b[3~':
        return this.#deleteRange(this.#cursor, this.#cursor + 1);
      case '\x04':
        return this.#buffer ? this.#deleteRange(this.#cursor, this.#cursor + 1) : '';
      case '\x1b[D':
      case '\x02':
        return this.#moveTo(this.#cursor - 1);
      case '\x1b[C':
      case '\x06':
        return this.#moveTo(this.#cursor + 1);
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        return this.#moveTo(0);
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        return this.#moveTo(this.#buffer.length);
      case '\x1bb':
      case '\x1b[1;5D':
      case '\x1b[1;3D':
        return this.#moveTo(this.#wordStart(this.#cursor));
      case '\x1bf':
      case '\x1b[1;5C':
      case '\x1b[1;3C':
        return this.#moveTo(this.#wordEnd(this.#cursor));
      case '\x15':
        return this.#kill(0, this.#cursor);
      case '\x0b':
        return this.#kill(this.#cursor, this.#buffer.length);
      case '\x17':
        return this.#kill(this.#unixWordStart(this.#cursor), this.#cursor);
      case '\x1b\x7f':
        return this.#kill(this.#wordStart(this.#cursor), this.#cursor);
      case '\x1bd':
        return this.#kill(this.#cursor, this.#wordEnd(this.#cursor));
      case '\x19':
        return this.#insert(this.#killed);
      case '\x1b[A':
      case '\x10':
        return this.#recall(-1);
      case '\x1b[B':
      case '\x0e':
        return this.#recall(1);
      case '\x03':
        return this.#interrupt();
      case '\x0c':
        this.#cursorRow = 0;
        return '\x1b[H\x1b[2J' + this.#renderFromTop();
      default:
        // Other control keys and unknown escape sequences are ignored, not inserted.
        if (key.startsWith('\x1b') || (key.length === 1 && key < ' ')) return '';
        return this.#insert(key);
    }
  }

  #enter(): { output: string; submitted?: string } {
    const physical = [...this.#lines, ...this.#buffer.split('\n')];
    // The simulator's own rule (an open quote, a trailing pipe, an unfinished loop...), as kubesim's.
    const command = physical.join('\n');
    const output = this.#moveTo(this.#buffer.length) + '\r\n';
    this.#cursorRow = 0;
    if (needsMoreInput(command)) {
      this.#lines = physical;
      this.#buffer = '';
      this.#cursor = 0;
      return { output: output + this.#render(false) };
    }
    this.#lines = [];
    this.#buffer = '';
    this.#cursor = 0;
    if (command.trim() === '') return { output: output + this.#render(false) };
    this.#remember(command);
    return { output, submitted: command };
  }

  #remember(entry: string): void {
    if (this.#history.at(-1) !== entry) this.#history.push(entry);
    if (this.#history.length > this.#historyLimit) this.#history.shift();
    this.#historyIndex = this.#history.length;
    this.#draft = '';
  }

  #recall(step: -1 | 1): string {
    const target = this.#historyIndex + step;
    if (target < 0 || target > this.#history.length) return '';
    if (this.#historyIndex === this.#history.length) this.#draft = this.#buffer;
    this.#historyIndex = target;
    this.#buffer = target === this.#history.length ? this.#draft : this.#history[target]!;
    this.#cursor = this.#buffer.length;
    return this.#render();
  }

  /** Apply the candidates for the Tab that `feed` reported (bell, insertion, or a listing). */
  completeWith({ from, items }: Completion): string {
    if (items.length === 0) return '\x07';
    const typed = this.#buffer.slice(from, this.#cursor);
    if (items.length === 1) {
      const item = items[0]!;
      const after = this.#buffer[this.#cursor];
      const space = /[/=:]$/.test(item) || after === ' ' ? '' : ' ';
      return this.#replace(from, this.#cursor, item + space);
    }
    const common = commonPrefix(items);
    if (common.length > typed.length && common.startsWith(typed))
      return this.#replace(from, this.#cursor, common);
    // Nothing more to add: list the candidates under the line and draw the prompt again.
    const listing = this.#moveTo(this.#buffer.length) + '\r\n' + formatColumns(items, this.#columns);
    this.#cursorRow = 0;
    return listing + this.#renderFromTop();
  }

  #interrupt(): string {
    const output = this.#moveTo(this.#buffer.length) + '^C\r\n';
    this.#lines = [];
    this.#buffer = '';
    this.#cursor = 0;
    this.#cursorRow = 0;
    this.#historyIndex = this.#history.length;
    return output + this.#render(false);
  }

  #insert(text: string): string {
    if (!text) return '';
    this.#buffer = this.#buffer.slice(0, this.#cursor) + text + this.#buffer.slice(this.#cursor);
    this.#cursor += text.length;
    return this.#render();
  }

  #replace(from: number, to: number, text: string): string {
    this.#buffer = this.#buffer.slice(0, from) + text + this.#buffer.slice(to);
    this.#cursor = from + text.length;
    return this.#render();
  }

  #deleteRange(from: number, to: number): string {
    const start = Math.max(0, from);
    const end = Math.min(this.#buffer.length, to);
    if (start >= end) return '';
    this.#buffer = this.#buffer.slice(0, start) + this.#buffer.slice(end);
    this.#cursor = start;
    return this.#render();
  }

  #kill(from: number, to: number): string {
    if (from >= to) return '';
    this.#killed = this.#buffer.slice(from, to);
    return this.#deleteRange(from, to);
  }

  #moveTo(position: number): string {
    const target = Math.max(0, Math.min(this.#buffer.length, position));
    if (target === this.#cursor) return '';
    const from = this.#layout(this.#cursor);
    const to = this.#layout(target);
    this.#cursor = target;
    this.#cursorRow = to.row;
    return cursorMove(from, to);
  }

  /** Emacs words: runs of letters and digits. */
  #wordStart(position: number): number {
    let i = position;
    while (i > 0 && !wordChar.test(this.#buffer[i - 1]!)) i--;
    while (i > 0 && wordChar.test(this.#buffer[i - 1]!)) i--;
    return i;
  }
  #wordEnd(position: number): number {
    let i = position;
    while (i < this.#buffer.length && !wordChar.test(this.#buffer[i]!)) i++;
    while (i < this.#buffer.length && wordChar.test(this.#buffer[i]!)) i++;
    return i;
  }
  /** Ctrl-W's words: runs of anything but whitespace. */
  #unixWordStart(position: number): number {
    let i = position;
    while (i > 0 && /\s/.test(this.#buffer[i - 1]!)) i--;
    while (i > 0 && !/\s/.test(this.#buffer[i - 1]!)) i--;
    return i;
  }

  get #currentPrompt(): string {
    return this.#lines.length > 0 ? this.#continuationPrompt : this.#prompt;
  }

  /** Screen position (row from the prompt's row, column) of the character index `index`. */
  #layout(index: number): { row: number; column: number } {
    let row = 0;
    let column = visibleWidth(this.#currentPrompt);
    const continuation = visibleWidth(this.#continuationPrompt);
    for (let i = 0; i < index; i++) {
      if (this.#buffer[i] === '\n') {
        row++;
        column = continuation;
        continue;
      }
      if (column >= this.#columns) {
        row++;
        column = 0;
      }
      column++;
    }
    if (column >= this.#columns) return { row: row + 1, column: 0 };
    return { row, column };
  }

  /** Redraw prompt and line in place: back to the prompt's row, clear below, write, place the cursor. */
  #render(fromCurrentRow = true): string {
    const up = fromCurrentRow && this.#cursorRow > 0 ? `\x1b[${this.#cursorRow}A` : '';
    return up + '\r\x1b[J' + this.#renderFromTop();
  }

  #renderFromTop(): string {
    let output = this.#currentPrompt + this.#buffer.replaceAll('\n', '\r\n' + this.#continuationPrompt);
    const end = this.#layout(this.#buffer.length);
    // At the exact end of a row the terminal waits to wrap; a newline makes the wrap happen now.
    if (end.column === 0 && end.row > 0 && this.#buffer.at(-1) !== '\n') output += '\r\n';
    const cursor = this.#layout(this.#cursor);
    output += cursorMove(end, cursor);
    this.#cursorRow = cursor.row;
    return output;
  }
}

function cursorMove(from: { row: number; column: number }, to: { row: number; column: number }): string {
  let output = '';
  if (to.row < from.row) output += `\x1b[${from.row - to.row}A`;
  if (to.row > from.row) output += `\x1b[${to.row - from.row}B`;
  if (to.column !== from.column) output += to.column === 0 ? '\r' : `\r\x1b[${to.column}C`;
  return output;
}

export function visibleWidth(text: string): number {
  return text.replace(ansi, '').length;
}

function commonPrefix(items: readonly string[]): string {
  let prefix = items[0] ?? '';
  for (const item of items) while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** Candidates in columns, as bash lists them. */
export function formatColumns(items: readonly string[], columns: number): string {
  const width = Math.max(...items.map((item) => item.length)) + 2;
  const perRow = Math.max(1, Math.floor(columns / width));
  const rows = Math.ceil(items.length / perRow);
  let output = '';
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 0; column < perRow; column++) {
      const item = items[column * rows + row];
      if (item !== undefined) cells.push(item.padEnd(width));
    }
    output += cells.join('').trimEnd() + '\r\n';
  }
  return output;
}
