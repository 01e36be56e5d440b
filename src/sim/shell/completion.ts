/**
 * Tab completion of shell lines: command names in command position, kubectl's words after
 * `kubectl`/`k` (subcommands, flags, kinds and names come from the kubectl side), file paths
 * everywhere else. Returns where the word being completed starts and its candidates.
 */
import type { Runtime } from '../runtime.ts';
import type { Completion } from '../cluster-types.ts';
import type { ShellSession } from './interpreter.ts';
import { lex, type Token, type WordToken } from './lexer.ts';
import { completeKubectl } from '../kubectl/completion.ts';

/** Completes for `shell` (the workstation's): its machine's commands and its aliases. */
export function completeLine(line: string, cursor: number, shell: ShellSession): Completion {
  const { runtime } = shell;
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const tokens = lex(before).tokens;
  const last = tokens[tokens.length - 1];
  const inWord = last?.type === 'word' && last.end === before.length && !/\s$/.test(before);
  const from = inWord ? (last as WordToken).start : before.length;
  const partial = inWord ? plainText(last as WordToken) : '';
  const segment = currentSegment(inWord ? tokens.slice(0, -1) : tokens);
  const afterRedirect = segment.length > 0 && segment[segment.length - 1]?.type === 'redirect';
  const words = segment.filter((t): t is WordToken => t.type === 'word').map(plainText);
  let items: string[];
  if (!afterRedirect && words.filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)).length === 0) {
    const names = new Set([...shell.machine.commands.keys(), ...shell.aliases.keys()]);
    items = [...names].filter((n) => n.startsWith(partial));
  } else if (!afterRedirect && (words[0] === 'kubectl' || shell.aliases.get(words[0] ?? '') === 'kubectl')) {
    const previous = words[words.length - 1] ?? '';
    try {
      // `-f FILE`: the file system knows the candidates, not kubectl.
      if (previous === '-f' || previous === '--filename')
        return { from, items: completePath(partial, runtime).sort() };
      items = completeKubectl(words.slice(1), partial, runtime).filter((w) => w.startsWith(partial));
    } catch {
      items = [];
    }
  } else {
    items = completePath(partial, runtime);
  }
  return { from, items: [...new Set(items)].sort() };
}

/** Tokens of the command the cursor is in: after the last `;`, `|`, `&&`, `||` or newline. */
function currentSegment(tokens: Token[]): Token[] {
  let start = 0;
  tokens.forEach((token, index) => {
    if (token.type === 'operator') start = index + 1;
  });
  return tokens.slice(start);
}

function plainText(word: WordToken): string {
  return word.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('');
}

/** Entries of the directory the partial path points into; directories end with `/`. */
function completePath(partial: string, runtime: Runtime): string[] {
  const fs = runtime.fs;
  const slash = partial.lastIndexOf('/');
  const dir = slash < 0 ? '' : partial.slice(0, slash + 1);
  const prefix = partial.slice(slash + 1);
  if (dir && !fs.isDirectory(dir)) return [];
  return fs
    .list(dir || '.')
    .filter((entry) => entry.startsWith(prefix) && (prefix.startsWith('.') || !entry.startsWith('.')))
    .map((entry) => dir + entry);
}
