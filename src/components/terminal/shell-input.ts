/**
 * Whether a typed command is complete or the shell needs more lines, as bash decides it for the two
 * cases the course uses: a trailing backslash continues the line, and `<<WORD` (also `<<-WORD`,
 * `<<'WORD'`, `<<"WORD"`) reads a here-document until a line that is exactly WORD.
 */
export type InputState = { complete: true; command: string } | { complete: false };

/** Here-document terminators opened on `line`, outside quotes, in order. */
export function heredocTerminators(line: string): { word: string; stripTabs: boolean }[] {
  const found: { word: string; stripTabs: boolean }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === '\\' && quote === '"') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === "'" || char === '"') {
      quote = char;
      continue;
    }
    if (char !== '<' || line[i + 1] !== '<') continue;
    if (line[i + 2] === '<') {
      // A here-string (<<<) has no terminator.
      i += 2;
      continue;
    }
    const word = /^<<(-?)[ \t]*(?:'([^']*)'|"([^"]*)"|([^\s;&|<>()'"]+))/.exec(line.slice(i));
    if (!word) continue;
    found.push({ word: word[2] ?? word[3] ?? word[4]!, stripTabs: word[1] === '-' });
    i += word[0].length - 1;
  }
  return found;
}

/** Decide, from the physical lines typed so far, whether the command is ready to run. */
export function shellInputState(lines: readonly string[]): InputState {
  let logical = '';
  let index = 0;
  // Join backslash-continued lines as bash does: the backslash and the newline disappear.
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (endsWithContinuation(line)) {
      logical += line.slice(0, -1);
      if (index === lines.length - 1) return { complete: false };
      continue;
    }
    logical += line;
    index++;
    break;
  }
  const pending = heredocTerminators(logical);
  const body = lines.slice(index);
  let cursor = 0;
  for (const { word, stripTabs } of pending) {
    const end = body.findIndex(
      (line, i) => i >= cursor && (stripTabs ? line.replace(/^\t+/, '') : line) === word,
    );
    if (end < 0) return { complete: false };
    cursor = end + 1;
  }
  const command = [logical, ...body.slice(0, cursor)].join('\n');
  return { complete: true, command };
}

function endsWithContinuation(line: string): boolean {
  const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
  return trailing % 2 === 1;
}
