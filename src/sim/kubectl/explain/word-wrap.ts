/**
 * github.com/mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl's explain template calls as `wrap`:
 * breaks only at white space, counts runes, never splits a word longer than the limit, and keeps the
 * spaces of a line that had to break (the next line starts at the word).
 */
const NBSP = 0xa0;

/** Go's unicode.IsSpace. */
function isSpace(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === NBSP;
  return /\p{Zs}|\u2028|\u2029/u.test(char);
}

export function wrapString(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLength = 0;
  let spaces = '';
  let spacesLength = 0;

  for (const char of text) {
    if (char === '\n') {
      if (wordLength === 0) {
        if (current + spacesLength > limit) current = 0;
        else out += spaces;
      } else {
        out += spaces + word;
      }
      spaces = '';
      spacesLength = 0;
      word = '';
      wordLength = 0;
      out += char;
      current = 0;
    } else if (isSpace(char) && char.codePointAt(0) !== NBSP) {
      if (spacesLength === 0 || wordLength > 0) {
        current += spacesLength + wordLength;
        out += spaces + word;
        spaces = '';
        spacesLength = 0;
        word = '';
        wordLength = 0;
      }
      spaces += char;
      spacesLength++;
    } else {
      word += char;
      wordLength++;
      if (current + wordLength + spacesLength > limit && wordLength < limit) {
        out += '\n';
        current = 0;
        spaces = '';
        spacesLength = 0;
      }
    }
  }

  if (wordLength === 0) {
    if (current + spacesLength <= limit) out += spaces;
  } else {
    out += spaces + word;
  }
  return out;
}
