/**
 * The shell session behind the terminal, without a DOM: feeds keys to the line editor, runs complete
 * commands on the lab's cluster while streaming their output, aborts them on Ctrl-C, and takes
 * commands typed by the page (Run in terminal, Apply, the phone palette).
 */
import { LineEditor, type Completion } from './line-editor.ts';

export interface SessionShell {
  exec(
    line: string,
    options: { onStdout: (chunk: string) => void; onStderr: (chunk: string) => void; signal: AbortSignal },
  ): Promise<{ exitCode: number }>;
  /** Candidates for Tab; they come from the simulator's worker, so keys typed meanwhile wait. */
  complete(line: string, cursor: number): Promise<Completion>;
  /** The prompt of a pod's shell the learner is in, if any (`/ # `); the workstation's otherwise. */
  podPrompt?(): string | undefined;
}

export interface SessionOptions {
  write(data: string): void;
  shell: SessionShell;
  columns: number;
  history: readonly string[];
  onHistory?: (history: readonly string[]) => void;
  /** A command started (true) or finished and the prompt is back (false). */
  onBusy?: (busy: boolean) => void;
}

export const prompt = '\x1b[1;32mworkstation\x1b[0m:\x1b[1;34m~\x1b[0m$ ';

export class TerminalSession {
  readonly editor: LineEditor;
  #options: SessionOptions;
  #running: AbortController | undefined;
  /** Keys typed while a command runs, handled once the prompt is back (typeahead). */
  #typeahead = '';
  #completing = false;
  #atLineStart = true;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.editor = new LineEditor({ prompt, columns: options.columns, history: options.history });
  }

  get busy(): boolean {
    return this.#running !== undefined;
  }

  /** Waiting for a command or for completion candidates: keys go to the typeahead. */
  get #waiting(): boolean {
    return this.#running !== undefined || this.#completing;
  }

  start(banner = ''): void {
    if (banner) this.#print(banner);
    this.#showPrompt();
  }

  resize(columns: number): void {
    this.editor.setColumns(columns);
  }

  /** Keys and pasted text from the terminal. */
  input(data: string): void {
    if (this.#running) {
      const interrupt = data.lastIndexOf('\x03');
      if (interrupt >= 0) {
        this.#typeahead = '';
        this.#running.abort();
        return;
      }
      this.#typeahead += data;
      return;
    }
    if (this.#completing) {
      this.#typeahead += data;
      return;
    }
    const result = this.editor.feed(data);
    this.#options.write(result.output);
    if (result.submitted !== undefined) void this.#run(result.submitted, result.rest);
    else if (result.completing) void this.#complete(result.completing, result.rest);
  }

  /** Type these lines at the prompt and run them one after the other. */
  type(lines: readonly string[]): void {
    const keys = lines.map((line) => line + '\r').join('');
    if (this.#waiting) this.#typeahead += keys;
    else this.input('\x15' + keys);
  }

  /** Put a command at the prompt without running it (a palette tap). */
  place(line: string): void {
    if (!this.#waiting) this.#options.write(this.editor.setLine(line));
  }

  /** Print a note above the prompt without losing what is being typed. */
  note(text: string): void {
    if (this.#running) {
      this.#print(text + '\n');
      return;
    }
    const line = this.editor.line;
    this.#options.write('\r\x1b[J');
    this.#print(text + '\n');
    this.#showPrompt();
    if (line) this.#options.write(this.editor.setLine(line));
  }

  async #complete({ line, cursor }: { line: string; cursor: number }, rest: string): Promise<void> {
    this.#completing = true;
    this.#typeahead = rest;
    let completion: Completion = { from: cursor, items: [] };
    try {
      completion = await this.#options.shell.complete(line, cursor);
    } catch {
      // The simulator is not there yet (or failed): the bell, as for no candidate.
    }
    this.#completing = false;
    this.#options.write(this.editor.completeWith(completion));
    this.#resumeTypeahead();
  }

  async #run(command: string, rest: string): Promise<void> {
    const controller = new AbortController();
    this.#running = controller;
    this.#typeahead = rest;
    this.#options.onBusy?.(true);
    this.#options.onHistory?.(this.editor.history);
    try {
      await this.#options.shell.exec(command, {
        onStdout: (chunk) => this.#print(chunk),
        onStderr: (chunk) => this.#print(chunk),
        signal: controller.signal,
      });
    } catch (error) {
      this.#print(`kube101: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    if (controller.signal.aborted) this.#print('^C\n');
    this.#running = undefined;
    this.#showPrompt();
    this.#options.onBusy?.(false);
    this.#resumeTypeahead();
  }

  #resumeTypeahead(): void {
    const typeahead = this.#typeahead;
    this.#typeahead = '';
    if (typeahead) this.input(typeahead);
  }

  #print(text: string): void {
    if (!text) return;
    this.#options.write(text.replace(/\r?\n/g, '\r\n'));
    this.#atLineStart = text.endsWith('\n');
  }

  #showPrompt(): void {
    // Output that did not end its line would otherwise share the row with the prompt.
    if (!this.#atLineStart) this.#options.write('\r\n');
    this.#atLineStart = true;
    const inPod = this.#options.shell.podPrompt?.();
    this.#options.write(this.editor.prompt(inPod === undefined ? prompt : `\x1b[1m${inPod}\x1b[0m`));
  }
}
