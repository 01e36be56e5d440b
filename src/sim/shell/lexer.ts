/**
 * Splits shell input into words and operators the way bash does: single quotes keep everything,
 * double quotes keep all but `$`, `` ` `` and `\`, a backslash quotes one character (or joins lines),
 * `#` starts a comment at the start of a word, and here-document bodies are read after the line
 * that opened them. Every token keeps its position in the input, for completion.
 */

/** One piece of a word, quoted or not: quoting decides splitting, globbing and heredoc expansion. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  | {
      kind: 'param';
      name: string;
      quoted: boolean;
      operator?: ':-' | '-' | ':=' | '#';
      argument?: WordPart[];
    }
  | { kind: 'command'; source: string; quoted: boolean }
  | { kind: 'arithmetic'; source: string; quoted: boolean };

export interface WordToken {
  type: 'word';
  parts: WordPart[];
  /** The word as typed, quotes included. */
  raw: string;
  start: number;
  end: number;
}

export type OperatorText = ';' | ';;' | '&&' | '||' | '|' | '&' | '(' | ')' | '\n';
export type RedirectText = '>' | '>>' | '>|' | '<' | '<<' | '<<-' | '<<<' | '>&' | '<&' | '&>' | '&>>';

export interface OperatorToken {
  type: 'operator';
  text: OperatorText;
  start: number;
  end: number;
}

export interface HereDocument {
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) keeps the body literal. */
  literal: boolean;
  body: WordPart[];
  /** The input ended before the delimiter line: bash warns and uses what it has. */
  unterminated: boolean;
}

export interface RedirectToken {
  type: 'redirect';
  text: RedirectText;
  /** The file descriptor written before the operator (`2>`), if any. */
  fd: number | undefined;
  start: number;
  end: number;
  hereDocument?: HereDocument;
}

export type Token = WordToken | OperatorToken | RedirectToken;

/** Why the input cannot run yet: an interactive shell would ask for another line. */
export type Incomplete = 'quote' | 'heredoc' | 'backslash' | 'substitution';

export interface LexResult {
  tokens: Token[];
  /** Set when the input ends inside a quote, a here-document or after a line-joining backslash. */
  incomplete: Incomplete | undefined;
  /** The quote character left open, for bash's `unexpected EOF while looking for matching` message. */
  openQuote: string | undefined;
}

const OPERATORS: readonly string[] = [
  '&&',
  '||',
  ';;',
  '&>>',
  '&>',
  '>>',
  '>|',
  '>&',
  '<<<',
  '<<-',
  '<<',
  '<&',
  ';',
  '|',
  '&',
  '(',
  ')',
  '>',
  '<',
];
const REDIRECTS = new Set(['>', '>>', '>|', '<', '<<', '<<-', '<<<', '>&', '<&', '&>', '&>>']);
const WORD_BREAK = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

export function lex(input: string): LexResult {
  return new Lexer(input).run();
}

class Lexer {
  readonly #input: string;
  #index = 0;
  readonly #tokens: Token[] = [];
  #incomplete: Incomplete | undefined;
  #openQuote: string | undefined;
  /** Here-documents opened on the current line, read when the line ends. */
  #pending: { token: RedirectToken; delimiter: WordToken }[] = [];
  #expectDelimiterFor: RedirectToken | undefined;

  constructor(input: string) {
    this.#input = input;
  }

  run(): LexResult {
    const input = this.#input;
    while (this.#index < input.length) {
      const char = input[this.#index] as string;
      if (char === ' ' || char === '\t' || char === '\r') {
        this.#index++;
      } else if (char === '\\' && input[this.#index + 1] === '\n') {
        this.#index += 2;
      } else if (char === '\n') {
        this.#tokens.push({ type: 'operator', text: '\n', start: this.#index, end: this.#index + 1 });
        this.#index++;
        this.#readHereDocuments();
      } else if (char === '#') {
        while (this.#index < input.length && input[this.#index] !== '\n') this.#index++;
      } else {
        const operator = this.#operatorAt(this.#index);
        if (operator) this.#pushOperator(operator, undefined, this.#index);
        else this.#readWord();
      }
    }
    if (this.#pending.length > 0) this.#readHereDocuments();
    return { tokens: this.#tokens, incomplete: this.#incomplete, openQuote: this.#openQuote };
  }

  #operatorAt(index: number): string | undefined {
    return OPERATORS.find((op) => this.#input.startsWith(op, index));
  }

  #pushOperator(text: string, fd: number | undefined, start: number): void {
    const end = this.#index + text.length;
    this.#index = end;
    if (REDIRECTS.has(text)) {
      const token: RedirectToken = { type: 'redirect', text: text as RedirectText, fd, start, end };
      this.#tokens.push(token);
      if (text === '<<' || text === '<<-') this.#expectDelimiterFor = token;
    } else {
      this.#tokens.push({ type: 'operator', text: text as OperatorText, start, end });
    }
  }

  #readWord(): void {
    const input = this.#input;
    const start = this.#index;
    const parts: WordPart[] = [];
    const text = (value: string, quoted: boolean): void => {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text' && last.quoted === quoted) last.text += value;
      else parts.push({ kind: 'text', text: value, quoted });
    };
    while (this.#index < input.length) {
      const char = input[this.#index] as string;
      if (WORD_BREAK.has(char) || char === '\r') {
        // `2>file`, `2>&1`: digits right before a redirection are its file descriptor.
        if ((char === '>' || char === '<') && /^\d+$/.test(input.slice(start, this.#index))) {
          const operator = this.#operatorAt(this.#index) as string;
          this.#pushOperator(operator, Number(input.slice(start, this.#index)), start);
          return;
        }
        break;
      }
      if (char === '\\') {
        const next = input[this.#index + 1];
        if (next === undefined) {
          this.#incomplete ??= 'backslash';
          this.#index++;
        } else if (next === '\n') {
          this.#index += 2;
        } else {
          text(next, true);
          this.#index += 2;
        }
      } else if (char === "'") {
        const close = input.indexOf("'", this.#index + 1);
        if (close < 0) {
          this.#unterminated("'");
          text(input.slice(this.#index + 1), true);
          this.#index = input.length;
        } else {
          text(input.slice(this.#index + 1, close), true);
          this.#index = close + 1;
        }
      } else if (char === '"') {
        this.#index++;
        this.#readDoubleQuoted(parts, text);
      } else if (char === '$' && input[this.#index + 1] === "'") {
        this.#readAnsiC(text);
      } else if (char === '$' || char === '`') {
        const part = this.#readExpansion(false);
        if (part) parts.push(part);
        else text('$', false);
      } else {
        text(char, false);
        this.#index++;
      }
    }
    const token: WordToken = {
      type: 'word',
      parts,
      raw: input.slice(start, this.#index),
      start,
      end: this.#index,
    };
    this.#tokens.push(token);
    if (this.#expectDelimiterFor) {
      this.#pending.push({ token: this.#expectDelimiterFor, delimiter: token });
      this.#expectDelimiterFor = undefined;
    }
  }

  #readDoubleQuoted(parts: WordPart[], text: (value: string, quoted: boolean) => void): void {
    const input = this.#input;
    while (this.#index < input.length) {
      const char = input[this.#index] as string;
      if (char === '"') {
        this.#index++;
        // An empty "" still makes a word.
        if (parts.length === 0) text('', true);
        return;
      }
      if (char === '\\') {
        const next = input[this.#index + 1];
        if (next !== undefined && '$`"\\\n'.includes(next)) {
          if (next !== '\n') text(next, true);
          this.#index += 2;
        } else {
          text('\\', true);
          this.#index++;
        }
      } else if (char === '$' || char === '`') {
        const part = this.#readExpansion(true);
        if (part) parts.push(part);
        else text('$', true);
      } else {
        text(char, true);
        this.#index++;
      }
    }
    this.#unterminated('"');
  }

  /** `$'a\nb'`: bash's ANSI-C quoting. */
  #readAnsiC(text: (value: string, quoted: boolean) => void): void {
    const input = this.#input;
    this.#index += 2;
    const escapes: Record<string, string> = {
      n: '\n',
      t: '\t',
      r: '\r',
      '\\': '\\',
      "'": "'",
      '"': '"',
      e: '\x1b',
      a: '\x07',
      '0': '\0',
    };
    let value = '';
    while (this.#index < input.length && input[this.#index] !== "'") {
      const char = input[this.#index] as string;
      if (char === '\\' && this.#index + 1 < input.length) {
        const next = input[this.#index + 1] as string;
        value += escapes[next] ?? `\\${next}`;
        this.#index += 2;
      } else {
        value += char;
        this.#index++;
      }
    }
    if (this.#index >= input.length) this.#unterminated("'");
    else this.#index++;
    text(value, true);
  }

  /** At `$` or a backtick: a parameter, `${...}`, `$(...)` or `` `...` ``; undefined for a lone `$`. */
  #readExpansion(quoted: boolean): WordPart | undefined {
    const input = this.#input;
    const char = input[this.#index];
    if (char === '`') {
      const close = input.indexOf('`', this.#index + 1);
      if (close < 0) {
        this.#unterminated('`');
        this.#index = input.length;
        return undefined;
      }
      const source = input.slice(this.#index + 1, close);
      this.#index = close + 1;
      return { kind: 'command', source, quoted };
    }
    const next = input[this.#index + 1];
    if (next === '(' && input[this.#index + 2] === '(') {
      // `$((i + 1))`: arithmetic, closed by the `))` that balances it.
      const close = matchingParen(input, this.#index + 3);
      if (close >= 0 && input[close + 1] === ')') {
        const source = input.slice(this.#index + 3, close);
        this.#index = close + 2;
        return { kind: 'arithmetic', source, quoted };
      }
    }
    if (next === '(') {
      const close = matchingParen(input, this.#index + 2);
      if (close < 0) {
        this.#incomplete ??= 'substitution';
        this.#index = input.length;
        return undefined;
      }
      const source = input.slice(this.#index + 2, close);
      this.#index = close + 1;
      return { kind: 'command', source, quoted };
    }
    if (next === '{') {
      const close = input.indexOf('}', this.#index + 2);
      if (close < 0) {
        this.#incomplete ??= 'substitution';
        this.#index = input.length;
        return undefined;
      }
      const inner = input.slice(this.#index + 2, close);
      this.#index = close + 1;
      return braceParameter(inner, quoted);
    }
    const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(input.slice(this.#index + 1))?.[0];
    if (!name) {
      this.#index++;
      return undefined;
    }
    this.#index += 1 + name.length;
    return { kind: 'param', name, quoted };
  }

  /** The whole input as quoted text in which only expansions and `\$`, `\\`, `` \` `` are special. */
  readExpandingText(): WordPart[] {
    const input = this.#input;
    const parts: WordPart[] = [];
    let literal = '';
    const flush = (): void => {
      if (literal) parts.push({ kind: 'text', text: literal, quoted: true });
      literal = '';
    };
    while (this.#index < input.length) {
      const char = input[this.#index] as string;
      const next = input[this.#index + 1];
      if (char === '\\' && next !== undefined && '$`\\'.includes(next)) {
        literal += next;
        this.#index += 2;
      } else if (char === '$' || char === '`') {
        const part = this.#readExpansion(true);
        if (part) {
          flush();
          parts.push(part);
        } else {
          literal += char;
        }
      } else {
        literal += char;
        this.#index++;
      }
    }
    flush();
    return parts;
  }

  #unterminated(quote: string): void {
    this.#incomplete ??= 'quote';
    this.#openQuote ??= quote;
  }

  /** After a newline: read the bodies of the here-documents the finished line opened. */
  #readHereDocuments(): void {
    const input = this.#input;
    for (const { token, delimiter } of this.#pending) {
      const literal = delimiter.parts.some((p) => p.kind === 'text' && p.quoted);
      const word = delimiter.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
      const stripTabs = token.text === '<<-';
      const lines: string[] = [];
      let unterminated = true;
      while (this.#index < input.length) {
        const newline = input.indexOf('\n', this.#index);
        const lineEnd = newline < 0 ? input.length : newline;
        let line = input.slice(this.#index, lineEnd);
        this.#index = newline < 0 ? input.length : newline + 1;
        if (stripTabs) line = line.replace(/^\t+/, '');
        if (line.replace(/\r$/, '') === word) {
          unterminated = false;
          break;
        }
        lines.push(line);
      }
      if (unterminated) this.#incomplete ??= 'heredoc';
      const text = lines.map((l) => `${l}\n`).join('');
      token.hereDocument = {
        delimiter: word,
        literal,
        body: literal ? [{ kind: 'text', text, quoted: true }] : hereDocumentParts(text),
        unterminated,
      };
      token.end = this.#index;
    }
    this.#pending = [];
  }
}

/** Index of the `)` closing a `$(` whose content starts at `from`, minding nested parens and quotes. */
function matchingParen(input: string, from: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = from; i < input.length; i++) {
    const char = input[i];
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '\\') i++;
    else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return -1;
}

function braceParameter(inner: string, quoted: boolean): WordPart {
  if (inner.startsWith('#') && inner.length > 1)
    return { kind: 'param', name: inner.slice(1), quoted, operator: '#' };
  const match = /^([A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!])(:-|-|:=)?([\s\S]*)$/.exec(inner);
  if (!match) return { kind: 'text', text: `\${${inner}}`, quoted };
  const [, name = '', operator, argument = ''] = match;
  if (!operator) return { kind: 'param', name, quoted };
  return {
    kind: 'param',
    name,
    quoted,
    operator: operator as ':-' | '-' | ':=',
    argument: hereDocumentParts(argument),
  };
}

/** An unquoted here-document body: `$VAR`, `${...}`, `$(...)` expand, `\$`, `\\` and `` \` `` escape. */
function hereDocumentParts(text: string): WordPart[] {
  return new Lexer(text).readExpandingText();
}
