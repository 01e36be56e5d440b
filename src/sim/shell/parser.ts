/**
 * Builds bash's command structure from tokens: lists joined by `;`, `&&`, `||` and newlines,
 * pipelines, simple commands with assignments and redirections, and the two loops learners type to
 * watch load balancing (`for i in $(seq 10); do curl ...; done`, `while true; do ...; done`).
 * Mistakes are reported with bash's own `syntax error near unexpected token` wording.
 */
import type { RedirectToken, Token, WordToken } from './lexer.ts';

export interface Redirect {
  token: RedirectToken;
  /** The file or descriptor after the operator; absent for here-documents. */
  target: WordToken | undefined;
}

export interface SimpleCommand {
  type: 'simple';
  assignments: WordToken[];
  words: WordToken[];
  redirects: Redirect[];
}

export interface ForLoop {
  type: 'for';
  variable: string;
  /** Absent for `for x; do`, which loops over the positional parameters (none here). */
  items: WordToken[];
  body: List;
  redirects: Redirect[];
}

export interface WhileLoop {
  type: 'while';
  until: boolean;
  condition: List;
  body: List;
  redirects: Redirect[];
}

export interface IfClause {
  type: 'if';
  branches: { condition: List; body: List }[];
  otherwise: List | undefined;
  redirects: Redirect[];
}

export type Command = SimpleCommand | ForLoop | WhileLoop | IfClause;

export interface Pipeline {
  negated: boolean;
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { operator: '&&' | '||'; pipeline: Pipeline }[];
  /** Ended by `&`: runs in the background. */
  background: boolean;
  /** The command as typed (for `jobs`). */
  text: string;
}

export type List = AndOr[];

/** bash: `syntax error near unexpected token `X'` (or `unexpected end of file` when `near` is absent). */
export class ShellSyntaxError extends Error {
  constructor(readonly near: string | undefined) {
    super(
      near === undefined
        ? 'syntax error: unexpected end of file'
        : `syntax error near unexpected token \`${near}'`,
    );
  }
}

export function parse(tokens: readonly Token[]): List {
  const parser = new Parser(tokens);
  const list = parser.list(new Set());
  parser.expectEnd();
  return list;
}

const RESERVED_STARTS = new Set(['do', 'done', 'then', 'fi', 'else', 'elif', 'esac', 'in', '}']);

class Parser {
  readonly #tokens: readonly Token[];
  #index = 0;

  constructor(tokens: readonly Token[]) {
    this.#tokens = tokens;
  }

  expectEnd(): void {
    const token = this.#tokens[this.#index];
    if (token) throw new ShellSyntaxError(describe(token));
  }

  /** Commands up to the end, or up to a reserved word in `stop` (`do`, `done`). */
  list(stop: ReadonlySet<string>): List {
    const items: AndOr[] = [];
    for (;;) {
      this.#skipNewlines();
      const token = this.#peek();
      if (!token || (token.type === 'word' && stop.has(reservedWord(token) ?? ''))) return items;
      const start = this.#index;
      const item = this.#andOr(stop);
      item.text = this.#tokens
        .slice(start, this.#index)
        .map((t) => (t.type === 'word' ? t.raw : t.type === 'redirect' ? `${t.fd ?? ''}${t.text}` : t.text))
        .join(' ');
      items.push(item);
      const separator = this.#peek();
      if (!separator) return items;
      if (
        separator.type === 'operator' &&
        (separator.text === ';' || separator.text === '&' || separator.text === '\n')
      ) {
        item.background = separator.text === '&';
        this.#index++;
        continue;
      }
      if (separator.type === 'word' && stop.has(reservedWord(separator) ?? '')) return items;
      throw new ShellSyntaxError(describe(separator));
    }
  }

  #andOr(stop: ReadonlySet<string>): AndOr {
    const first = this.#pipeline(stop);
    const rest: AndOr['rest'] = [];
    for (;;) {
      const token = this.#peek();
      if (token?.type !== 'operator' || (token.text !== '&&' && token.text !== '||'))
        return { first, rest, background: false, text: '' };
      this.#index++;
      this.#skipNewlines();
      rest.push({ operator: token.text, pipeline: this.#pipeline(stop) });
    }
  }

  #pipeline(stop: ReadonlySet<string>): Pipeline {
    let negated = false;
    const bang = this.#peek();
    if (bang?.type === 'word' && bang.raw === '!') {
      negated = true;
      this.#index++;
    }
    const commands = [this.#command(stop)];
    for (;;) {
      const token = this.#peek();
      if (token?.type !== 'operator' || token.text !== '|') return { negated, commands };
      this.#index++;
      this.#skipNewlines();
      commands.push(this.#command(stop));
    }
  }

  #command(stop: ReadonlySet<string>): Command {
    const token = this.#peek();
    if (!token) throw new ShellSyntaxError(undefined);
    if (token.type === 'operator') throw new ShellSyntaxError(describe(token));
    if (token.type === 'word') {
      const reserved = reservedWord(token);
      if (reserved === 'for') return this.#forLoop();
      if (reserved === 'while' || reserved === 'until') return this.#whileLoop(reserved === 'until');
      if (reserved === 'if') return this.#ifClause();
      if (reserved && (RESERVED_STARTS.has(reserved) || stop.has(reserved)))
        throw new ShellSyntaxError(reserved);
    }
    const command: SimpleCommand = { type: 'simple', assignments: [], words: [], redirects: [] };
    for (;;) {
      const next = this.#peek();
      if (!next || next.type === 'operator') break;
      if (next.type === 'redirect') {
        command.redirects.push(this.#redirect());
        continue;
      }
      if (command.words.length === 0 && isAssignment(next)) command.assignments.push(next);
      else command.words.push(next);
      this.#index++;
    }
    return command;
  }

  #redirect(): Redirect {
    const token = this.#tokens[this.#index++] as RedirectToken;
    if (token.hereDocument) {
      // The delimiter word was consumed by the lexer's here-document reading, but stays a token.
      const delimiter = this.#peek();
      if (delimiter?.type === 'word') this.#index++;
      return { token, target: undefined };
    }
    const target = this.#peek();
    if (!target) throw new ShellSyntaxError('newline');
    if (target.type !== 'word') throw new ShellSyntaxError(describe(target));
    this.#index++;
    return { token, target };
  }

  #forLoop(): ForLoop {
    this.#index++;
    const name = this.#peek();
    if (name?.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) {
      throw new ShellSyntaxError(name ? describe(name) : undefined);
    }
    this.#index++;
    const items: WordToken[] = [];
    let token = this.#peek();
    if (token?.type === 'word' && reservedWord(token) === 'in') {
      this.#index++;
      for (token = this.#peek(); token?.type === 'word'; token = this.#peek()) {
        items.push(token);
        this.#index++;
      }
    }
    this.#separatorBefore('do');
    const body = this.#doBody();
    return { type: 'for', variable: name.raw, items, body, redirects: this.#trailingRedirects() };
  }

  #whileLoop(until: boolean): WhileLoop {
    this.#index++;
    const condition = this.list(new Set(['do']));
    if (condition.length === 0) throw new ShellSyntaxError(this.#peek() ? 'do' : undefined);
    const body = this.#doBody();
    return { type: 'while', until, condition, body, redirects: this.#trailingRedirects() };
  }

  #ifClause(): IfClause {
    const branches: IfClause['branches'] = [];
    let otherwise: List | undefined;
    let keyword = 'if';
    while (keyword === 'if' || keyword === 'elif') {
      this.#index++;
      const condition = this.list(new Set(['then']));
      this.#expectWord('then', condition.length === 0);
      const body = this.list(new Set(['elif', 'else', 'fi']));
      if (body.length === 0)
        throw new ShellSyntaxError(this.#peek() ? describe(this.#peek() as Token) : undefined);
      branches.push({ condition, body });
      keyword = this.#peekWord() ?? '';
    }
    if (keyword === 'else') {
      this.#index++;
      otherwise = this.list(new Set(['fi']));
      if (otherwise.length === 0) throw new ShellSyntaxError(this.#peek() ? 'fi' : undefined);
    }
    this.#expectWord('fi', false);
    return { type: 'if', branches, otherwise, redirects: this.#trailingRedirects() };
  }

  #peekWord(): string | undefined {
    const token = this.#peek();
    return token?.type === 'word' ? reservedWord(token) : undefined;
  }

  /** The reserved word `word` must come next; `empty` says the part before it had no command. */
  #expectWord(word: string, empty: boolean): void {
    const token = this.#peek();
    if (!token) throw new ShellSyntaxError(undefined);
    if (empty || token.type !== 'word' || reservedWord(token) !== word)
      throw new ShellSyntaxError(describe(token));
    this.#index++;
  }

  #doBody(): List {
    this.#skipNewlines();
    const doWord = this.#peek();
    if (!doWord) throw new ShellSyntaxError(undefined);
    if (doWord.type !== 'word' || reservedWord(doWord) !== 'do') throw new ShellSyntaxError(describe(doWord));
    this.#index++;
    const body = this.list(new Set(['done']));
    const done = this.#peek();
    if (!done) throw new ShellSyntaxError(undefined);
    if (body.length === 0) throw new ShellSyntaxError('done');
    this.#index++;
    return body;
  }

  /** `for x in a b; do` / `for x in a b<newline>do`: one separator before `do`. */
  #separatorBefore(word: string): void {
    const token = this.#peek();
    if (token?.type === 'operator' && (token.text === ';' || token.text === '\n')) this.#index++;
    else if (token && !(token.type === 'word' && reservedWord(token) === word))
      throw new ShellSyntaxError(describe(token));
  }

  #trailingRedirects(): Redirect[] {
    const redirects: Redirect[] = [];
    while (this.#peek()?.type === 'redirect') redirects.push(this.#redirect());
    return redirects;
  }

  #skipNewlines(): void {
    for (let token = this.#peek(); token?.type === 'operator' && token.text === '\n'; token = this.#peek())
      this.#index++;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#index];
  }
}

/** A word is a reserved word only when typed plainly, without quotes or expansions. */
function reservedWord(token: WordToken): string | undefined {
  const [part, ...more] = token.parts;
  if (more.length > 0 || part?.kind !== 'text' || part.quoted) return undefined;
  return [
    'for',
    'in',
    'do',
    'done',
    'while',
    'until',
    'if',
    'then',
    'else',
    'elif',
    'fi',
    'case',
    'esac',
    '}',
  ].includes(part.text)
    ? part.text
    : undefined;
}

function isAssignment(token: WordToken): boolean {
  const first = token.parts[0];
  return first?.kind === 'text' && !first.quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.text);
}

function describe(token: Token): string {
  if (token.type === 'word') return token.raw;
  return token.text === '\n' ? 'newline' : token.text;
}
