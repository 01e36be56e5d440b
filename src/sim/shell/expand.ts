/**
 * Word expansion as bash does it, in its order: parameters and command substitutions, then field
 * splitting of what was unquoted, then pathname expansion (`*.yaml`), then quote removal.
 */
import type { WordPart, WordToken } from './lexer.ts';
import type { CommandIO, ShellContext } from './command.ts';
import { evaluateArithmetic } from './arithmetic.ts';

export interface ExpansionContext {
  shell: ShellContext;
  /** Where command substitutions write their errors. */
  io: CommandIO;
  /** `$?` */
  lastExitCode: number;
}

interface Field {
  text: string;
  /** A quoted part makes even an empty field a word (`""`). */
  quoted: boolean;
  /** An unquoted `*`, `?` or `[` asks for pathname expansion. */
  glob: boolean;
}

/** The words a token becomes (none, one or many): braces first (`web-{1..3}`), then the rest. */
export async function expandWord(word: WordToken, context: ExpansionContext): Promise<string[]> {
  const words: string[] = [];
  for (const parts of expandBraces(word.parts))
    words.push(...(await expandParts(expandTilde(parts, context), context)));
  return words;
}

/** An unquoted `~` or `~/...` at the start of a word is the home directory. */
function expandTilde(parts: WordPart[], context: ExpansionContext): WordPart[] {
  const [first, ...rest] = parts;
  if (first?.kind !== 'text' || first.quoted || !/^~(\/|$)/.test(first.text)) return parts;
  const home = context.shell.env.get('HOME') ?? context.shell.machine.fs.home;
  return [{ kind: 'text', text: home + first.text.slice(1), quoted: true }, ...rest];
}

async function expandParts(wordParts: readonly WordPart[], context: ExpansionContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const append = (text: string, quoted: boolean, glob: boolean): void => {
    current ??= { text: '', quoted: false, glob: false };
    current.text += text;
    current.quoted ||= quoted;
    current.glob ||= glob;
  };
  for (const part of wordParts) {
    if (part.kind === 'text') {
      append(part.text, part.quoted, !part.quoted && /[*?[]/.test(part.text));
      continue;
    }
    const value = await expandPart(part, context);
    if (part.quoted) {
      append(value, true, false);
      continue;
    }
    // Unquoted results split on blanks: `for p in $(kubectl get pods -o name)`.
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (current) fields.push(current);
        current = undefined;
      }
      if (piece) append(piece, false, /[*?[]/.test(piece));
    });
  }
  if (current) fields.push(current);
  const words: string[] = [];
  for (const field of fields) {
    if (!field.quoted && field.text === '') continue;
    words.push(...(field.glob ? glob(field.text, context.shell) : [field.text]));
  }
  return words;
}

/** One string, without splitting or globbing: redirection targets, assignments, here-documents. */
export async function expandToString(parts: readonly WordPart[], context: ExpansionContext): Promise<string> {
  let text = '';
  for (const part of parts) text += part.kind === 'text' ? part.text : await expandPart(part, context);
  return text;
}

async function expandPart(
  part: Exclude<WordPart, { kind: 'text' }>,
  context: ExpansionContext,
): Promise<string> {
  if (part.kind === 'arithmetic') {
    // Parameters inside are expanded first, as bash does: `$(( $n + 1 ))` and `$(( n + 1 ))` both work.
    const text = await expandToString(lexArithmetic(part.source), context);
    return String(evaluateArithmetic(text, (name) => parameter(name, context)));
  }
  if (part.kind === 'command') {
    let output = '';
    await context.shell.run(part.source, {
      ...context.io,
      stdin: '',
      tty: false,
      stdout: (text) => (output += text),
    });
    return output.replace(/\n+$/, '');
  }
  const value = parameter(part.name, context);
  switch (part.operator) {
    case '#':
      return String((value ?? '').length);
    case ':-':
      return value ? value : expandToString(part.argument ?? [], context);
    case '-':
      return value !== undefined ? value : expandToString(part.argument ?? [], context);
    case ':=': {
      if (value) return value;
      const assigned = await expandToString(part.argument ?? [], context);
      context.shell.env.set(part.name, assigned);
      return assigned;
    }
    default:
      return value ?? '';
  }
}

function parameter(name: string, context: ExpansionContext): string | undefined {
  const { shell } = context;
  switch (name) {
    case '?':
      return String(context.lastExitCode);
    case '$':
      return '4242';
    case '#':
      return '0';
    case '0':
      return shell.machine.shell === 'bash' ? 'bash' : 'sh';
    case 'RANDOM':
      return String(shell.runtime.random.int(32768));
    case 'PWD':
      return shell.machine.fs.cwd;
    default:
      return shell.env.get(name);
  }
}

/** Pathname expansion against the machine's files; a pattern that matches nothing stays as typed. */
function glob(pattern: string, shell: ShellContext): string[] {
  const fs = shell.machine.fs;
  const slash = pattern.lastIndexOf('/');
  const dir = slash < 0 ? '' : pattern.slice(0, slash + 1);
  const namePattern = pattern.slice(slash + 1);
  if (/[*?[]/.test(dir)) return [pattern];
  const regex = globRegex(namePattern);
  const matches = fs
    .list(dir || '.')
    .map((entry) => entry.replace(/\/$/, ''))
    .filter((entry) => regex.test(entry) && (namePattern.startsWith('.') || !entry.startsWith('.')))
    .map((entry) => dir + entry);
  return matches.length > 0 ? matches.sort() : [pattern];
}

function globRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** `{1..5}`, `{a..c}`, `{x,y}` in unquoted text: one copy of the word per item, left to right. */
export function expandBraces(parts: readonly WordPart[]): WordPart[][] {
  for (const [index, part] of parts.entries()) {
    if (part.kind !== 'text' || part.quoted) continue;
    const match = /\{([^{}]*)\}/.exec(part.text);
    if (!match) continue;
    const items = braceItems(match[1] ?? '');
    if (!items) continue;
    const before = part.text.slice(0, match.index);
    const after = part.text.slice(match.index + match[0].length);
    return items.flatMap((item) =>
      expandBraces([
        ...parts.slice(0, index),
        { kind: 'text', text: `${before}${item}${after}`, quoted: false },
        ...parts.slice(index + 1),
      ]),
    );
  }
  return [[...parts]];
}

function braceItems(inner: string): string[] | undefined {
  const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(inner);
  if (range) {
    const [, fromText = '', toText = '', stepText] = range;
    const numeric = /\d/.test(fromText) && /\d/.test(toText);
    if (!numeric && (/\d/.test(fromText) || /\d/.test(toText))) return undefined;
    const from = numeric ? Number(fromText) : fromText.charCodeAt(0);
    const to = numeric ? Number(toText) : toText.charCodeAt(0);
    const step = Math.abs(Number(stepText ?? 1)) || 1;
    const items: string[] = [];
    for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) {
      items.push(numeric ? String(n) : String.fromCharCode(n));
      if (items.length >= 100_000) break;
    }
    return items;
  }
  if (!inner.includes(',')) return undefined;
  return inner.split(',');
}

/** The `$name` and `${...}` references inside an arithmetic expression, as word parts. */
function lexArithmetic(source: string): WordPart[] {
  const parts: WordPart[] = [];
  const pattern = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[?#$])\}?/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    if (match.index > last) parts.push({ kind: 'text', text: source.slice(last, match.index), quoted: true });
    parts.push({ kind: 'param', name: match[1] ?? '', quoted: true });
    last = match.index + match[0].length;
  }
  if (last < source.length) parts.push({ kind: 'text', text: source.slice(last), quoted: true });
  return parts;
}
