/**
 * YAML exactly as `kubectl -o yaml` writes it. kubectl marshals the object to JSON and converts it
 * with sigs.k8s.io/yaml, whose emitter is go-yaml v2 (a port of libyaml): map keys in go-yaml's
 * "natural" order, block sequences not indented under their key, `{}`/`[]` for empty collections,
 * strings plain when they cannot be read as anything else, double-quoted when they would be
 * (`"80"`, `"true"`, `""`), single-quoted when an indicator forbids plain, `|`/`|-` for multi-line,
 * and long scalars folded at column 80. A general YAML library differs in these choices (folding,
 * key order, which quote style), so the emitter is written here, following libyaml's rules.
 */

const BEST_WIDTH = 80;

export function toYaml(value: unknown): string {
  const writer = new Writer();
  writer.node(value, 0);
  return `${writer.out.join('')}\n`;
}

/** Writes nodes at a cursor; tracks the column because folding depends on it. */
class Writer {
  readonly out: string[] = [];
  column = 0;

  write(text: string): void {
    this.out.push(text);
    const newline = text.lastIndexOf('\n');
    this.column = newline < 0 ? this.column + text.length : text.length - newline - 1;
  }

  newline(indent: number): void {
    this.write(`\n${' '.repeat(indent)}`);
  }

  /**
   * Write `value` with the cursor already where its first entry goes; `indent` is the column of
   * its entries (a map's keys, a sequence's dashes), or for a scalar where folded lines continue.
   */
  node(value: unknown, indent: number): void {
    if (Array.isArray(value)) {
      if (value.length === 0) return this.write('[]');
      value.forEach((item, index) => {
        if (index > 0) this.newline(indent);
        this.write('- ');
        this.node(item, indent + 2);
      });
      return;
    }
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => record[k] !== undefined);
      if (keys.length === 0) return this.write('{}');
      keys.sort(compareKeys);
      keys.forEach((key, index) => {
        if (index > 0) this.newline(indent);
        this.write(scalarText(key, indent + 2, this.column, true));
        this.write(':');
        const child = record[key];
        if (isNonEmptyMap(child)) {
          this.newline(indent + 2);
          this.node(child, indent + 2);
        } else if (Array.isArray(child) && child.length > 0) {
          // go-yaml writes a sequence under a key at the key's own column.
          this.newline(indent);
          this.node(child, indent);
        } else {
          this.write(' ');
          this.node(child, indent + 2);
        }
      });
      return;
    }
    this.write(scalarText(value, indent, this.column, false));
  }
}

function isNonEmptyMap(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  for (const key in value) if ((value as Record<string, unknown>)[key] !== undefined) return true;
  return false;
}

/** A scalar's text starting at `column`; folded lines continue at `indent`. */
function scalarText(value: unknown, indent: number, column: number, isKey: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  const s = String(value);
  const analysis = analyze(s);
  if (s.includes('\n') && !isKey && analysis.blockAllowed) return literal(s, indent);
  const plainByType = resolvesToString(s);
  if (!s.includes('\n') && plainByType && analysis.blockPlainAllowed && s.length > 0) {
    return fold(s, indent, column, !isKey, 'plain');
  }
  if (!s.includes('\n') && plainByType && analysis.singleQuotedAllowed && s.length > 0) {
    return fold(s, indent, column, !isKey, 'single');
  }
  return doubleQuoted(s, indent, column, !isKey);
}

function formatNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '+.inf' : '-.inf';
  // strconv.FormatFloat(f, 'g', -1, 64): exponent form with at least two digits.
  const text = String(n);
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

interface Analysis {
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (c: string): boolean =>
  c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isSpace = (c: string | undefined): boolean => c === ' ';
const isBlankz = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || (c !== undefined && isBreak(c));

function isPrintable(c: string): boolean {
  const code = c.codePointAt(0) as number;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    code >= 0x10000
  );
}

/** libyaml's yaml_emitter_analyze_scalar, for the block context kubectl's output is in. */
function analyze(s: string): Analysis {
  if (s.length === 0) return { blockPlainAllowed: false, singleQuotedAllowed: true, blockAllowed: false };
  let blockIndicators = false;
  let specialCharacters = false;
  let lineBreaks = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  const chars = [...s];
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const followedByWhitespace = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWhitespace) blockIndicators = true;
      if (c === '-' && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(c)) specialCharacters = true;
    if (isBreak(c)) lineBreaks = true;
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/**
 * go-yaml v2's resolve(): whether a plain scalar with this text would read back as a string
 * (YAML 1.1: yes/no/on/off/y/n are booleans, `~` and `null` are null, numbers in many forms),
 * and not as a base-60 float (`1:20`), which v2 also quotes.
 */
function resolvesToString(s: string): boolean {
  if (s === '') return false;
  if (RESERVED.has(s)) return false;
  if (TIMESTAMP.some((pattern) => pattern.test(s))) return false;
  const c = s[0] as string;
  if ('+-.0123456789'.includes(c)) {
    if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s.replace(/_/g, '')) && /^[-+]?[0-9_]+$/.test(s)) return false;
    if (
      /^[-+]?0b[01_]+$/.test(s) ||
      /^[-+]?0o[0-7_]+$/.test(s) ||
      /^[-+]?0x[0-9a-fA-F_]+$/.test(s) ||
      /^[-+]?0[0-7_]+$/.test(s)
    )
      return false;
    if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s.replace(/_/g, ''))) return false;
    if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/.test(s)) return false;
    if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/.test(s)) return false;
  }
  return true;
}

/** The layouts go-yaml v2 reads as a timestamp (parseTimestamp's formats). */
const TIMESTAMP = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/,
];

const RESERVED = new Set([
  '~',
  'null',
  'Null',
  'NULL',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'true',
  'True',
  'TRUE',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
  'false',
  'False',
  'FALSE',
  '.nan',
  '.NaN',
  '.NAN',
  '.inf',
  '.Inf',
  '.INF',
  '+.inf',
  '+.Inf',
  '+.INF',
  '-.inf',
  '-.Inf',
  '-.INF',
]);

/** Plain or single-quoted text, folded at a space once past column 80 (yaml_emitter_write_plain_scalar). */
function fold(
  s: string,
  indent: number,
  startColumn: number,
  allowBreaks: boolean,
  style: 'plain' | 'single',
): string {
  let out = style === 'single' ? "'" : '';
  let column = startColumn + out.length;
  let spaces = false;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ') {
      const canBreak =
        style === 'plain'
          ? !isSpace(chars[i + 1])
          : i !== 0 && i !== chars.length - 1 && !isSpace(chars[i + 1]);
      if (allowBreaks && !spaces && column > BEST_WIDTH && canBreak) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      const text = style === 'single' && c === "'" ? "''" : c;
      out += text;
      column += text.length;
      spaces = false;
    }
  }
  return style === 'single' ? `${out}'` : out;
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\x0b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\x1b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

/** yaml_emitter_write_double_quoted_scalar. */
function doubleQuoted(s: string, indent: number, startColumn: number, allowBreaks: boolean): string {
  let out = '"';
  let column = startColumn + 1;
  let spaces = false;
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const code = c.codePointAt(0) as number;
    if (!isPrintable(c) || code === 0xfeff || isBreak(c) || c === '"' || c === '\\') {
      let escape = ESCAPES[c];
      if (escape === undefined) {
        const hex = code.toString(16).toUpperCase();
        escape =
          code <= 0xff
            ? `\\x${hex.padStart(2, '0')}`
            : code <= 0xffff
              ? `\\u${hex.padStart(4, '0')}`
              : `\\U${hex.padStart(8, '0')}`;
      }
      out += escape;
      column += escape.length;
      spaces = false;
    } else if (c === ' ') {
      if (allowBreaks && !spaces && column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
        out += `\n${' '.repeat(indent)}`;
        column = indent;
        if (isSpace(chars[i + 1])) {
          out += '\\';
          column++;
        }
      } else {
        out += c;
        column++;
      }
      spaces = true;
    } else {
      out += c;
      column++;
      spaces = false;
    }
  }
  return `${out}"`;
}

/** `|`, `|-` or `|+` and the lines indented (yaml_emitter_write_literal_scalar). */
function literal(s: string, indent: number): string {
  let chomp = '';
  if (!s.endsWith('\n')) chomp = '-';
  else if (s.length === 1 || isBreak(s[s.length - 2] as string)) chomp = '+';
  const indentHint = s.startsWith(' ') || isBreak(s[0] as string) ? '2' : '';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  return `|${indentHint}${chomp}\n${lines.join('\n')}`;
}

/**
 * go-yaml v2's key order (sorter.go keyList.Less): runs of digits compare as numbers, and a
 * letter sorts after a non-letter; otherwise by code point, shorter first.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return keyLess(a, b) ? -1 : 1;
}

const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string;
    const bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac < bc;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac < bc;
  }
  return ar.length < br.length;
}
