/**
 * describe.go's PrefixWriter: text written at an indentation level (two spaces per level) into a
 * buffer that the tabwriter aligns at the end (`tabbedString`).
 */
import { tabwrite } from './tabwriter.ts';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  #buffer = '';
  #flushed = '';

  write(level: number, text: string): void {
    this.#buffer += '  '.repeat(level) + text;
  }

  /** Flush: what was written so far is aligned on its own (kubectl flushes before the events table). */
  flush(): void {
    this.#flushed += tabwrite(this.#buffer);
    this.#buffer = '';
  }

  toString(): string {
    return this.#flushed + tabwrite(this.#buffer);
  }
}
