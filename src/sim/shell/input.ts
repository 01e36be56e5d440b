/**
 * Whether typed lines make a whole command yet, as bash decides before running anything: an open
 * quote, a here-document without its terminator, a trailing `\`, `|`, `&&` or an unfinished loop
 * ask for another line (bash's `> ` prompt).
 */
import { lex } from './lexer.ts';
import { parse, ShellSyntaxError } from './parser.ts';

export function needsMoreInput(text: string): boolean {
  const lexed = lex(text);
  if (lexed.incomplete) return true;
  if (/\\\n?$/.test(text) && !/\\\\\n?$/.test(text)) return true;
  try {
    parse(lexed.tokens);
    return false;
  } catch (error) {
    return error instanceof ShellSyntaxError && error.near === undefined;
  }
}
