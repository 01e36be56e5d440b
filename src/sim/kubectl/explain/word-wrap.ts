/**
 * github.com/mitchellh/go-wordwrap v1.0.1 WrapString, which kubectl's explain template calls as `wrap`:
 * breaks only at white space, counts runes, never splits a word longer than the limit, and keeps the
 * spaces of a line that had to break (the next line starts at the word).
 */
const NBSP = 0xa0;

/** Go's unicode.IsSpace. */
function isSpace(code: number): boolean {
  if (code <= 0xff) return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === NBSP;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

export function wrapString(text: string, limit: number): string {
  // The word and the spaces before it are runs of `text`: kept as [start, end) ranges, lengths in runes.
  let out = '';
  let current = 0;
  let wordStart = 0;
  let wordEnd = 0;
  let wordLength = 0;
  let spacesStart = 0;
  let spacesEnd = 0;
  let spacesLength = 0;
  const flushSpacesAndWord = () => {
    out += text.slice(spacesStart, spacesEnd) + text.slice(wordStart, wordEnd);
    spacesLength = 0;
    spacesStart = spacesEnd = 0;
    wordLength = 0;
    wordStart = wordEnd = 0;
  };

  for (let index = 0; index < text.length;) {
    const unit = text.charCodeAt(index);
    // A surrogate pair is one rune; everything else in the BMP is one UTF-16 unit.
    const next = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? index + 2 : index + 1;
    const code = next === index + 2 ? (text.codePointAt(index) ?? unit) : unit;
    if (code === 0x0a) {
      if (wordLength === 0 && current + spacesLength > limit) {
        spacesLength = 0;
        spacesStart = spacesEnd = 0;
      }
      flushSpacesAndWord();
      out += '\n';
      current = 0;
    } else if (code !== NBSP && isSpace(code)) {
      if (spacesLength === 0 || wordLength > 0) {
        current += spacesLength + wordLength;
        flushSpacesAndWord();
        spacesStart = index;
      }
      spacesEnd = next;
      spacesLength++;
    } else {
      if (wordLength === 0) wordStart = index;
      wordEnd = next;
      wordLength++;
      if (current + wordLength + spacesLength > limit && wordLength < limit) {
        out += '\n';
        current = 0;
        spacesLength = 0;
        spacesStart = spacesEnd = 0;
      }
    }
    index = next;
  }

  if (wordLength === 0) {
    if (current + spacesLength <= limit) out += text.slice(spacesStart, spacesEnd);
  } else {
    flushSpacesAndWord();
  }
  return out;
}
