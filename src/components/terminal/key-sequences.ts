/**
 * Splits what a terminal sends (xterm's onData: typed keys, escape sequences, pasted text) into
 * single keys: `\x1b[A`, `\x1bb` (Alt-B), `\x01` (Ctrl-A), `é`.
 */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    const char = data[i]!;
    if (char !== '\x1b' || i + 1 >= data.length) {
      const codePoint = data.codePointAt(i)!;
      const width = codePoint > 0xffff ? 2 : 1;
      keys.push(data.slice(i, i + width));
      i += width;
      continue;
    }
    const next = data[i + 1]!;
    if (next === '[') {
      // CSI: parameters and intermediates, then one final byte in @..~
      let end = i + 2;
      while (end < data.length && !/[@-~]/.test(data[end]!)) end++;
      keys.push(data.slice(i, end + 1));
      i = end + 1;
    } else if (next === 'O' && i + 2 < data.length) {
      keys.push(data.slice(i, i + 3));
      i += 3;
    } else {
      keys.push(data.slice(i, i + 2));
      i += 2;
    }
  }
  return keys;
}
