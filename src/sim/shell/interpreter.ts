/**
 * Runs parsed shell input on a machine: lists and `&&`/`||`, pipelines (each stage's output is the
 * next one's input), redirections in bash's left-to-right order, assignments, aliases, loops. Any
 * failure of a command becomes its error output and exit code: nothing escapes as an exception.
 */
import { lex, type WordToken } from './lexer.ts';
import {
  parse,
  ShellSyntaxError,
  type AndOr,
  type IfClause,
  type Command,
  type List,
  type Pipeline,
  type Redirect,
} from './parser.ts';
import { expandToString, expandWord, type ExpansionContext } from './expand.ts';
import {
  commandNotFound,
  shellPrefix,
  yieldToHost,
  type CommandIO,
  type Machine,
  type ShellContext,
} from './command.ts';
import type { Runtime } from '../runtime.ts';
import { JobTable } from './jobs.ts';

/** A `while true` headless would never end: stop it as Ctrl-C would, after this many rounds. */
const MAX_LOOP_ROUNDS = 1000;
/** `$(...)` inside `$(...)`... deeper than this is a runaway. */
const MAX_NESTING = 20;

export class ShellSession implements ShellContext {
  readonly runtime: Runtime;
  readonly machine: Machine;
  readonly env: Map<string, string>;
  readonly aliases: Map<string, string>;
  lastExitCode = 0;
  /** Set by `exit`: the rest of the input is not run. */
  exited = false;
  readonly jobs = new JobTable();
  #depth = 0;

  constructor(runtime: Runtime, machine: Machine, aliases: Iterable<[string, string]> = []) {
    this.runtime = runtime;
    this.machine = machine;
    this.env = new Map(machine.env);
    this.aliases = new Map(aliases);
  }

  /** Parse and run `source`; syntax errors are reported as the machine's shell reports them. */
  async run(source: string, io: CommandIO): Promise<number> {
    if (this.#depth >= MAX_NESTING) {
      io.stderr(`${shellPrefix(this.machine)}: maximum nesting level exceeded\n`);
      return 1;
    }
    const lexed = lex(source);
    if (lexed.incomplete === 'quote') {
      const prefix = shellPrefix(this.machine);
      io.stderr(`${prefix}: unexpected EOF while looking for matching \`${lexed.openQuote ?? "'"}'\n`);
      this.lastExitCode = 2;
      return 2;
    }
    let list: List;
    try {
      list = parse(lexed.tokens);
    } catch (error) {
      if (!(error instanceof ShellSyntaxError)) throw error;
      io.stderr(`${shellPrefix(this.machine)}: ${error.message}\n`);
      this.lastExitCode = 2;
      return 2;
    }
    for (const token of lexed.tokens) {
      const hereDoc = token.type === 'redirect' ? token.hereDocument : undefined;
      if (hereDoc?.unterminated) {
        io.stderr(
          `${shellPrefix(this.machine)}: warning: here-document at line 1 delimited by end-of-file (wanted \`${hereDoc.delimiter}')\n`,
        );
      }
    }
    this.#depth++;
    try {
      return await this.#list(list, io);
    } finally {
      this.#depth--;
    }
  }

  async #list(list: List, io: CommandIO): Promise<number> {
    let code = this.lastExitCode;
    for (const item of list) {
      if (this.exited || io.signal?.aborted || this.runtime.interrupted()) break;
      if (item.background && io.interactive) {
        // The job outlives this line: Ctrl-C of the next command must not reach it, `kill` does.
        this.jobs.start(item.text, io, (signal) => this.#andOr(item, { ...io, signal }));
        code = 0;
        continue;
      }
      code = await this.#andOr(item, io);
    }
    return code;
  }

  async #andOr(item: AndOr, io: CommandIO): Promise<number> {
    let code = await this.#pipeline(item.first, io);
    for (const { operator, pipeline } of item.rest) {
      if (this.exited) break;
      if ((operator === '&&') === (code === 0)) code = await this.#pipeline(pipeline, io);
    }
    return code;
  }

  async #pipeline(pipeline: Pipeline, io: CommandIO): Promise<number> {
    let stdin = io.stdin;
    let code = 0;
    const last = pipeline.commands.length - 1;
    for (const [index, command] of pipeline.commands.entries()) {
      let piped = '';
      const stageIO: CommandIO =
        index === last ? { ...io, stdin } : { ...io, stdin, tty: false, stdout: (text) => (piped += text) };
      code = await this.#command(command, stageIO);
      stdin = piped;
    }
    if (pipeline.negated) code = code === 0 ? 1 : 0;
    this.lastExitCode = code;
    return code;
  }

  async #command(command: Command, io: CommandIO): Promise<number> {
    const redirected = await this.#redirect(command.redirects, io);
    if (typeof redirected === 'number') return redirected;
    try {
      if (command.type === 'for')
        return await this.#forLoop(command.variable, command.items, command.body, redirected);
      if (command.type === 'while')
        return await this.#whileLoop(command.until, command.condition, command.body, redirected);
      if (command.type === 'if') return await this.#ifClause(command, redirected);
      return await this.#simple(command.assignments, command.words, redirected);
    } catch (error) {
      // A bug in one command must not take the shell down with it.
      const message = error instanceof Error ? error.message : String(error);
      redirected.stderr(`${shellPrefix(this.machine)}: ${message}\n`);
      return 1;
    }
  }

  async #simple(assignments: WordToken[], words: WordToken[], io: CommandIO): Promise<number> {
    const context = this.#expansion(io);
    const values: [string, string][] = [];
    for (const assignment of assignments) {
      const equals = assignment.raw.indexOf('=');
      const name = assignment.raw.slice(0, equals);
      const value = await expandToString(valueParts(assignment, name.length + 1), context);
      values.push([name, value]);
    }
    const argv: string[] = [];
    for (const [index, word] of words.entries()) {
      const alias = index === 0 ? this.#alias(word) : undefined;
      if (alias) argv.push(...alias);
      else argv.push(...(await expandWord(word, context)));
    }
    if (argv.length === 0) {
      for (const [name, value] of values) this.env.set(name, value);
      return 0;
    }
    // `NAME=value cmd`: the variable holds for that command only.
    const saved = values.map(([name]) => [name, this.env.get(name)] as const);
    for (const [name, value] of values) this.env.set(name, value);
    try {
      return await this.#invoke(argv, io);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) this.env.delete(name);
        else this.env.set(name, value);
      }
    }
  }

  exit(code: number): void {
    this.exited = true;
    this.lastExitCode = code;
  }

  /** Run one command by its argument vector, as `kubectl exec POD -- CMD ARGS` does. */
  async invoke(argv: string[], io: CommandIO): Promise<number> {
    return this.#invoke(argv, io);
  }

  async #invoke(argv: string[], io: CommandIO): Promise<number> {
    const [name = '', ...args] = argv;
    const command = this.machine.commands.get(name);
    if (command) return command(args, io, this);
    if (name.includes('/')) {
      const prefix = shellPrefix(this.machine);
      if (this.machine.fs.isDirectory(name)) {
        io.stderr(`${prefix}: ${name}: Is a directory\n`);
        return 126;
      }
      io.stderr(
        `${prefix}: ${name}: ${this.machine.fs.exists(name) ? 'Permission denied' : 'No such file or directory'}\n`,
      );
      return this.machine.fs.exists(name) ? 126 : 127;
    }
    io.stderr(commandNotFound(this.machine, name));
    return 127;
  }

  /** The words an alias stands for, when `word` is a plain unquoted alias name. */
  #alias(word: WordToken): string[] | undefined {
    const [part, ...more] = word.parts;
    if (more.length > 0 || part?.kind !== 'text' || part.quoted) return undefined;
    const value = this.aliases.get(part.text);
    if (value === undefined) return undefined;
    const words: string[] = [];
    for (const token of lex(value).tokens) {
      if (token.type === 'word')
        words.push(token.parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''));
    }
    return words;
  }

  async #ifClause(clause: IfClause, io: CommandIO): Promise<number> {
    for (const branch of clause.branches) {
      if ((await this.#list(branch.condition, io)) === 0) return this.#list(branch.body, io);
    }
    return clause.otherwise ? this.#list(clause.otherwise, io) : 0;
  }

  async #forLoop(variable: string, items: WordToken[], body: List, io: CommandIO): Promise<number> {
    const values: string[] = [];
    const context = this.#expansion(io);
    for (const item of items) values.push(...(await expandWord(item, context)));
    let code = 0;
    for (const value of values) {
      if (this.exited || io.signal?.aborted || this.runtime.interrupted()) break;
      this.env.set(variable, value);
      code = await this.#list(body, io);
    }
    return code;
  }

  async #whileLoop(until: boolean, condition: List, body: List, io: CommandIO): Promise<number> {
    let code = 0;
    for (let round = 0; round < MAX_LOOP_ROUNDS; round++) {
      await yieldToHost(io);
      if (this.exited || io.signal?.aborted || this.runtime.interrupted()) return code;
      const test = await this.#list(condition, io);
      if ((test === 0) === until) return code;
      code = await this.#list(body, io);
    }
    if (!io.interactive) io.stderr(`^C\n`);
    return 130;
  }

  /** Apply redirections left to right; a number is the exit code of a redirection that failed. */
  async #redirect(redirects: Redirect[], io: CommandIO): Promise<CommandIO | number> {
    let result: CommandIO = io;
    const prefix = shellPrefix(this.machine);
    const fs = this.machine.fs;
    for (const { token, target } of redirects) {
      const context = this.#expansion(result);
      if (token.hereDocument) {
        const hereDoc = token.hereDocument;
        result = {
          ...result,
          stdin: hereDoc.literal
            ? hereDoc.body[0]?.kind === 'text'
              ? hereDoc.body[0].text
              : ''
            : await expandToString(hereDoc.body, context),
        };
        continue;
      }
      if (!target) continue;
      const path = await expandToString(target.parts, context);
      const fd = token.fd ?? (token.text.startsWith('<') ? 0 : 1);
      switch (token.text) {
        case '<<<':
          result = { ...result, stdin: `${path}\n` };
          break;
        case '<': {
          const content = readSpecial(path) ?? fs.read(path);
          if (content === undefined) {
            io.stderr(
              `${prefix}: ${path}: ${fs.isDirectory(path) ? 'Is a directory' : 'No such file or directory'}\n`,
            );
            return 1;
          }
          result = { ...result, stdin: content };
          break;
        }
        case '>&':
        case '<&': {
          if (path === '1' || path === '2') {
            const stream = path === '1' ? result.stdout : result.stderr;
            result =
              fd === 2
                ? { ...result, stderr: stream }
                : { ...result, stdout: stream, tty: path === '2' && result.tty };
            break;
          }
          if (path === '-') {
            result = fd === 2 ? { ...result, stderr: () => {} } : { ...result, stdout: () => {} };
            break;
          }
          const sink = this.#open(path, false, io, prefix);
          if (typeof sink === 'number') return sink;
          result = { ...result, stdout: sink, stderr: sink, tty: false };
          break;
        }
        default: {
          const sink = this.#open(path, token.text === '>>' || token.text === '&>>', io, prefix);
          if (typeof sink === 'number') return sink;
          if (token.text === '&>' || token.text === '&>>')
            result = { ...result, stdout: sink, stderr: sink, tty: false };
          else if (fd === 2) result = { ...result, stderr: sink };
          else result = { ...result, stdout: sink, tty: false };
        }
      }
    }
    return result;
  }

  /** A sink writing into a file (truncated now unless appending), or the exit code of the failure. */
  #open(path: string, append: boolean, io: CommandIO, prefix: string): ((text: string) => void) | number {
    if (path === '/dev/null') return () => {};
    if (path === '/dev/stdout') return io.stdout;
    if (path === '/dev/stderr') return io.stderr;
    const fs = this.machine.fs;
    if (path === '') {
      io.stderr(`${prefix}: : No such file or directory\n`);
      return 1;
    }
    if (fs.isDirectory(path)) {
      io.stderr(`${prefix}: ${path}: Is a directory\n`);
      return 1;
    }
    const parent = fs.resolve(path).replace(/\/[^/]*$/, '') || '/';
    if (!fs.isDirectory(parent)) {
      io.stderr(`${prefix}: ${path}: No such file or directory\n`);
      return 1;
    }
    if (!append || !fs.exists(path)) fs.write(path, '');
    const notify = (): void => this.runtime.emit({ type: 'edit', path: fs.resolve(path) });
    if (this.machine.origin.kind === 'workstation') notify();
    return (text) => {
      fs.append(path, text);
      if (this.machine.origin.kind === 'workstation') notify();
    };
  }

  #expansion(io: CommandIO): ExpansionContext {
    return { shell: this, io, lastExitCode: this.lastExitCode };
  }
}

/** The value parts of `NAME=value` (the word's parts after the `=`). */
function valueParts(word: WordToken, skip: number): WordToken['parts'] {
  const parts = structuredClone(word.parts);
  let remaining = skip;
  while (remaining > 0 && parts.length > 0) {
    const first = parts[0];
    if (first?.kind !== 'text') break;
    if (first.text.length <= remaining) {
      remaining -= first.text.length;
      parts.shift();
    } else {
      first.text = first.text.slice(remaining);
      remaining = 0;
    }
  }
  return parts;
}

/** Device files everyone reads. */
function readSpecial(path: string): string | undefined {
  return path === '/dev/null' ? '' : undefined;
}
