/**
 * The words of Go's encoding/json for text that is not JSON (what the API server answers a broken
 * patch with): `invalid character 's' looking for beginning of object key string`,
 * `unexpected end of JSON input`. A small scanner, since JSON.parse's messages are the engine's.
 */
export function goJsonSyntaxError(text: string): string | undefined {
  let i = 0;
  const fail = (context: string): never => {
    throw new SyntaxError(
      i >= text.length
        ? 'unexpected end of JSON input'
        : `invalid character ${quoteChar(text[i] as string)} ${context}`,
    );
  };
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        string();
        space();
        if (text[i] !== ':') fail('after object key');
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail('after array element');
      }
    }
    if (c === '"') return string();
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?)/.exec(text.slice(i));
    if (literal) {
      i += literal[0].length;
      return;
    }
    fail('looking for beginning of value');
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('');
    i++;
  };
  try {
    value();
    space();
    if (i < text.length) fail('after top-level value');
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxError) return error.message;
    throw error;
  }
}

function quoteChar(c: string): string {
  return c === "'" ? `'\\''` : `'${c}'`;
}
