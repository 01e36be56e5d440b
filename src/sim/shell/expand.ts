/**
 * Word expansion as bash does it, in its order: parameters and command substitutions, then field
 * splitting of what was unquoted, then pathname expansion (`*.yaml`), then quote removal.
 */
import type { WordPart, WordToken } from './lexer.ts';
import type { CommandIO, ShellContext } from './command.ts';

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

/** The words a token becomes (none, one or many). */
export async function expandWord(word: WordToken, context: ExpansionContext): Promise<string[]> {
  const fields: Field[] = [];
  let current: Field | undefined;
  const append = (text: string, quoted: boolean, glob: boolean): void => {
    current ??= { text: '', quoted: false, glob: false };
    current.text += text;
    current.quoted ||= quoted;
    current.glob ||= glob;
  };
  for (const part of word.parts) {
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
