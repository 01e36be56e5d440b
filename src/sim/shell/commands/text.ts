/**
 * The text filters learners pipe kubectl into (`| grep Running`, `| head -3`, `| wc -l`,
 * `| awk '{print $1}'`), with GNU coreutils' options, output formats and error messages.
 */
import type { CommandIO, ShellCommand, ShellContext } from '../command.ts';

/** Read the named files (or stdin when there are none); report missing ones as `tool: f: ...`. */
function inputs(
  tool: string,
  files: string[],
  io: CommandIO,
  shell: ShellContext,
): { name: string; text: string }[] | number {
  if (files.length === 0 || (files.length === 1 && files[0] === '-'))
    return [{ name: '(standard input)', text: io.stdin }];
  const result: { name: string; text: string }[] = [];
  let failed = false;
  for (const file of files) {
    if (file === '-') {
      result.push({ name: '(standard input)', text: io.stdin });
      continue;
    }
    const text = shell.machine.fs.read(file);
    if (text === undefined) {
      io.stderr(
        `${tool}: ${file}: ${shell.machine.fs.isDirectory(file) ? 'Is a directory' : 'No such file or directory'}\n`,
      );
      failed = true;
    } else {
      result.push({ name: file, text });
    }
  }
  return failed && result.length === 0 ? 1 : result;
}

function lines(text: string): string[] {
  if (text === '') return [];
  const all = text.split('\n');
  if (all[all.length - 1] === '') all.pop();
  return all;
}

/** Split `-abc` into `-a -b -c`, leaving flags with attached values (`-n5`, `-d:`) for the caller. */
function shortFlags(arg: string): string[] {
  return arg
    .slice(1)
    .split('')
    .map((c) => `-${c}`);
}

/** GNU grep with a basic regular expression: `+ ? | ( ) { }` are literal unless escaped. */
function basicToExtended(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i] as string;
      out += '+?|(){}'.includes(next) ? next : `\\${next}`;
    } else {
      out += '+?|(){}'.includes(char) ? `\\${char}` : char;
    }
  }
  return out;
}

export const grep: ShellCommand = (args, io, shell) => {
  const options = {
    i: false,
    v: false,
    c: false,
    n: false,
    E: false,
    F: false,
    w: false,
    q: false,
    o: false,
    l: false,
    h: false,
    H: false,
  };
  let after = 0;
  let before = 0;
  const patterns: string[] = [];
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--') {
      files.push(...args.slice(index + 1));
      break;
    }
    if (arg === '-e' || arg === '--regexp') {
      patterns.push(args[++index] ?? '');
      continue;
    }
    const context = /^-([ABC])(\d*)$/.exec(arg);
    if (context) {
      const value = Number(context[2] || args[++index]);
      if (context[1] !== 'B') after = value;
      if (context[1] !== 'A') before = value;
      continue;
    }
    if (
      /^--(ignore-case|invert-match|count|line-number|extended-regexp|word-regexp|quiet|silent)$/.test(arg)
    ) {
      const long: Record<string, keyof typeof options> = {
        '--ignore-case': 'i',
        '--invert-match': 'v',
        '--count': 'c',
        '--line-number': 'n',
        '--extended-regexp': 'E',
        '--word-regexp': 'w',
        '--quiet': 'q',
        '--silent': 'q',
      };
      options[long[arg] as keyof typeof options] = true;
      continue;
    }
    if (arg.startsWith('--color') || arg.startsWith('--colour')) continue;
    if (arg.startsWith('-') && arg.length > 1) {
      for (const flag of shortFlags(arg)) {
        const letter = flag.slice(1);
        if (letter in options) options[letter as keyof typeof options] = true;
        else {
          io.stderr(
            `grep: invalid option -- '${letter}'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
          );
          return 2;
        }
      }
      continue;
    }
    if (patterns.length === 0 && !args.slice(0, index).some((a) => a === '-e' || a === '--regexp'))
      patterns.push(arg);
    else files.push(arg);
  }
  if (patterns.length === 0) {
    io.stderr(`Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  let regex: RegExp;
  try {
    const sources = patterns
      .flatMap((p) => p.split('\n'))
      .map((p) => {
        if (options.F) return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        return options.E ? p : basicToExtended(p);
      });
    const joined = sources.map((s) => (options.w ? `(?<![\\w])(?:${s})(?![\\w])` : `(?:${s})`)).join('|');
    regex = new RegExp(joined, options.i ? 'gi' : 'g');
  } catch {
    io.stderr(`grep: Unmatched ( or \\(\n`);
    return 2;
  }
  const sources = inputs('grep', files, io, shell);
  if (typeof sources === 'number') return 2;
  const prefixName = options.H || (sources.length > 1 && !options.h);
  let matched = false;
  for (const source of sources) {
    const all = lines(source.text);
    let count = 0;
    let lastPrinted = -1;
    let pendingAfter = 0;
    const print = (index: number, separator: string): void => {
      if (options.q || options.c || options.l) return;
      if (lastPrinted >= 0 && index > lastPrinted + 1 && (after > 0 || before > 0)) io.stdout('--\n');
      const name = prefixName ? `${source.name}${separator}` : '';
      const number = options.n ? `${index + 1}${separator}` : '';
      io.stdout(`${name}${number}${all[index]}\n`);
      lastPrinted = index;
    };
    for (const [index, line] of all.entries()) {
      regex.lastIndex = 0;
      const hit = regex.test(line) !== options.v;
      if (hit) {
        count++;
        matched = true;
        for (let b = Math.max(lastPrinted + 1, index - before); b < index; b++) print(b, '-');
        if (options.o && !options.v && !options.q && !options.c) {
          regex.lastIndex = 0;
          for (const match of line.matchAll(regex)) {
            if (match[0])
              io.stdout(
                `${prefixName ? `${source.name}:` : ''}${options.n ? `${index + 1}:` : ''}${match[0]}\n`,
              );
          }
          lastPrinted = index;
        } else {
          print(index, ':');
        }
        pendingAfter = after;
      } else if (pendingAfter > 0) {
        pendingAfter--;
        print(index, '-');
      }
    }
    if (options.c) io.stdout(`${prefixName ? `${source.name}:` : ''}${count}\n`);
    if (options.l && count > 0) io.stdout(`${source.name}\n`);
  }
  return matched ? 0 : 1;
};

/** `-n N`, `-nN`, `-N`, `--lines=N` (and `+N` for tail). */
function lineCount(
  tool: string,
  args: string[],
  io: CommandIO,
): { count: number; fromStart: boolean; files: string[] } | number {
  let count = 10;
  let fromStart = false;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    let value: string | undefined;
    if (arg === '-n' || arg === '--lines') value = args[++index];
    else if (arg.startsWith('-n')) value = arg.slice(2);
    else if (arg.startsWith('--lines=')) value = arg.slice(8);
    else if (/^-\d+$/.test(arg)) value = arg.slice(1);
    else if (arg === '-f' || arg === '-q' || arg === '-F') continue;
    else if (arg.startsWith('-') && arg !== '-') {
      io.stderr(
        `${tool}: invalid option -- '${arg.slice(1, 2)}'\nTry '${tool} --help' for more information.\n`,
      );
      return 1;
    } else {
      files.push(arg);
      continue;
    }
    if (value === undefined) {
      io.stderr(`${tool}: option requires an argument -- 'n'\nTry '${tool} --help' for more information.\n`);
      return 1;
    }
    if (value.startsWith('+')) fromStart = true;
    const number = Number(value.replace(/^[+-]/, ''));
    if (!/^[+-]?\d+$/.test(value) || !Number.isFinite(number)) {
      io.stderr(`${tool}: invalid number of lines: ‘${value}’\n`);
      return 1;
    }
    count = value.startsWith('-') && tool === 'head' ? -number : number;
  }
  return { count, fromStart, files };
}

function headOrTail(tool: 'head' | 'tail'): ShellCommand {
  return (args, io, shell) => {
    const parsed = lineCount(tool, args, io);
    if (typeof parsed === 'number') return parsed;
    const sources = inputs(tool, parsed.files, io, shell);
    if (typeof sources === 'number') return 1;
    for (const [index, source] of sources.entries()) {
      if (sources.length > 1) io.stdout(`${index > 0 ? '\n' : ''}==> ${source.name} <==\n`);
      const all = lines(source.text);
      let chosen: string[];
      if (tool === 'head')
        chosen =
          parsed.count < 0
            ? all.slice(0, Math.max(0, all.length + parsed.count))
            : all.slice(0, parsed.count);
      else if (parsed.fromStart) chosen = all.slice(Math.max(0, parsed.count - 1));
      else chosen = parsed.count === 0 ? [] : all.slice(-parsed.count);
      io.stdout(chosen.map((l) => `${l}\n`).join(''));
    }
    return 0;
  };
}

export const head = headOrTail('head');
export const tail = headOrTail('tail');

export const wc: ShellCommand = (args, io, shell) => {
  const wanted = new Set<string>();
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--lines') wanted.add('l');
    else if (arg === '--words') wanted.add('w');
    else if (arg === '--bytes' || arg === '--chars') wanted.add('c');
    else if (arg.startsWith('-') && arg !== '-') {
      for (const flag of shortFlags(arg)) {
        const letter = flag.slice(1);
        if (!'lwcm'.includes(letter)) {
          io.stderr(`wc: invalid option -- '${letter}'\nTry 'wc --help' for more information.\n`);
          return 1;
        }
        wanted.add(letter === 'm' ? 'c' : letter);
      }
    } else files.push(arg);
  }
  const columns = wanted.size === 0 ? ['l', 'w', 'c'] : ['l', 'w', 'c'].filter((c) => wanted.has(c));
  const sources = inputs('wc', files, io, shell);
  if (typeof sources === 'number') return 1;
  const counts = sources.map((s) => ({
    name: files.length === 0 ? '' : s.name,
    l: (s.text.match(/\n/g) ?? []).length,
    w: s.text.split(/\s+/).filter(Boolean).length,
    c: new TextEncoder().encode(s.text).length,
  }));
  if (counts.length > 1) {
    counts.push({
      name: 'total',
      l: counts.reduce((a, b) => a + b.l, 0),
      w: counts.reduce((a, b) => a + b.w, 0),
      c: counts.reduce((a, b) => a + b.c, 0),
    });
  }
  // GNU wc: one number alone is unpadded; several are padded (to 7 from a pipe, to the widest from files).
  const widest = Math.max(...counts.flatMap((c) => columns.map((k) => String(c[k as 'l']).length)));
  const width = columns.length === 1 && counts.length === 1 ? 0 : files.length === 0 ? 7 : widest;
  for (const count of counts) {
    const numbers = columns.map((k) => String(count[k as 'l']).padStart(width)).join(' ');
    io.stdout(`${numbers}${count.name ? ` ${count.name}` : ''}\n`);
  }
  return 0;
};

export const sort: ShellCommand = (args, io, shell) => {
  let reverse = false;
  let numeric = false;
  let unique = false;
  let key: number | undefined;
  let separator: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-k') key = parseInt(args[++index] ?? '', 10);
    else if (arg.startsWith('-k')) key = parseInt(arg.slice(2), 10);
    else if (arg === '-t') separator = args[++index];
    else if (arg.startsWith('-t')) separator = arg.slice(2);
    else if (arg.startsWith('-') && arg !== '-') {
      for (const flag of shortFlags(arg)) {
        if (flag === '-r') reverse = true;
        else if (flag === '-n' || flag === '-h' || flag === '-V') numeric = true;
        else if (flag === '-u') unique = true;
      }
    } else files.push(arg);
  }
  const sources = inputs('sort', files, io, shell);
  if (typeof sources === 'number') return 2;
  const keyOf = (line: string): string => {
    if (key === undefined || Number.isNaN(key)) return line;
    const fields = separator ? line.split(separator) : line.trim().split(/\s+/);
    return fields.slice(key - 1).join(separator ?? ' ');
  };
  let all = sources.flatMap((s) => lines(s.text));
  all.sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    const order = numeric
      ? (parseFloat(ka) || 0) - (parseFloat(kb) || 0) || ka.localeCompare(kb)
      : ka < kb
        ? -1
        : ka > kb
          ? 1
          : 0;
    return reverse ? -order : order;
  });
  if (unique) all = all.filter((line, i) => i === 0 || keyOf(line) !== keyOf(all[i - 1] as string));
  io.stdout(all.map((l) => `${l}\n`).join(''));
  return 0;
};

export const uniq: ShellCommand = (args, io, shell) => {
  const flags = new Set(args.filter((a) => a.startsWith('-') && a !== '-').flatMap(shortFlags));
  const files = args.filter((a) => !a.startsWith('-') || a === '-');
  const sources = inputs('uniq', files.slice(0, 1), io, shell);
  if (typeof sources === 'number') return 1;
  const groups: { line: string; count: number }[] = [];
  for (const line of sources.flatMap((s) => lines(s.text))) {
    const last = groups[groups.length - 1];
    if (last?.line === line) last.count++;
    else groups.push({ line, count: 1 });
  }
  for (const group of groups) {
    if (flags.has('-d') && group.count < 2) continue;
    if (flags.has('-u') && group.count > 1) continue;
    io.stdout(flags.has('-c') ? `${String(group.count).padStart(7)} ${group.line}\n` : `${group.line}\n`);
  }
  return 0;
};

/** `1,3`, `2-`, `-4`: the 1-based positions a cut list selects. */
function cutList(list: string): ((position: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const piece of list.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(piece);
    if (!match || piece === '' || piece === '-') return undefined;
    const [, from = '', dash, to = ''] = match;
    const start = from ? Number(from) : 1;
    const end = dash ? (to ? Number(to) : Infinity) : start;
    if (start < 1) return undefined;
    ranges.push([start, end]);
  }
  return (position) => ranges.some(([a, b]) => position >= a && position <= b);
}

export const cut: ShellCommand = (args, io, shell) => {
  let delimiter = '\t';
  let fields: string | undefined;
  let characters: string | undefined;
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-d') delimiter = args[++index] ?? '';
    else if (arg.startsWith('-d')) delimiter = arg.slice(2);
    else if (arg === '-f') fields = args[++index];
    else if (arg.startsWith('-f')) fields = arg.slice(2);
    else if (arg === '-c' || arg === '-b') characters = args[++index];
    else if (arg.startsWith('-c') || arg.startsWith('-b')) characters = arg.slice(2);
    else files.push(arg);
  }
  if (delimiter.length !== 1) {
    io.stderr(`cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const list = fields ?? characters;
  if (list === undefined) {
    io.stderr(
      `cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n`,
    );
    return 1;
  }
  const selects = cutList(list);
  if (!selects) {
    io.stderr(`cut: invalid field value ‘${list}’\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const sources = inputs('cut', files, io, shell);
  if (typeof sources === 'number') return 1;
  for (const line of sources.flatMap((s) => lines(s.text))) {
    if (characters !== undefined) {
      io.stdout(`${[...line].filter((_, i) => selects(i + 1)).join('')}\n`);
    } else if (!line.includes(delimiter)) {
      io.stdout(`${line}\n`);
    } else {
      io.stdout(
        `${line
          .split(delimiter)
          .filter((_, i) => selects(i + 1))
          .join(delimiter)}\n`,
      );
    }
  }
  return 0;
};

export const tr: ShellCommand = (args, io) => {
  const deleting = args[0] === '-d';
  const sets = args.filter((a) => !a.startsWith('-') || a.length === 1);
  const expand = (set: string): string[] => {
    const out: string[] = [];
    const text = set
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t')
      .replace('[:upper:]', 'A-Z')
      .replace('[:lower:]', 'a-z');
    for (let i = 0; i < text.length; i++) {
      const char = text[i] as string;
      if (text[i + 1] === '-' && i + 2 < text.length) {
        const end = text.charCodeAt(i + 2);
        for (let code = char.charCodeAt(0); code <= end; code++) out.push(String.fromCharCode(code));
        i += 2;
      } else out.push(char);
    }
    return out;
  };
  const from = expand(sets[0] ?? '');
  if (sets.length === 0) {
    io.stderr(`tr: missing operand\nTry 'tr --help' for more information.\n`);
    return 1;
  }
  if (deleting) {
    io.stdout([...io.stdin].filter((c) => !from.includes(c)).join(''));
    return 0;
  }
  const to = expand(sets[1] ?? '');
  if (to.length === 0) {
    io.stderr(
      `tr: missing operand after ‘${sets[0]}’\nTwo strings must be given when translating.\nTry 'tr --help' for more information.\n`,
    );
    return 1;
  }
  io.stdout(
    [...io.stdin]
      .map((c) => {
        const at = from.indexOf(c);
        return at < 0 ? c : (to[Math.min(at, to.length - 1)] as string);
      })
      .join(''),
  );
  return 0;
};

export const seq: ShellCommand = (args, io) => {
  const numbers = args.filter((a) => !/^-[a-z]/.test(a)).map(Number);
  if (numbers.length === 0 || numbers.length > 3 || numbers.some(Number.isNaN)) {
    io.stderr(
      numbers.length === 0
        ? `seq: missing operand\nTry 'seq --help' for more information.\n`
        : `seq: invalid floating point argument: ‘${args.find((a) => Number.isNaN(Number(a)))}’\nTry 'seq --help' for more information.\n`,
    );
    return 1;
  }
  const [first, step, last] =
    numbers.length === 1
      ? [1, 1, numbers[0] as number]
      : numbers.length === 2
        ? [numbers[0] as number, 1, numbers[1] as number]
        : (numbers as [number, number, number]);
  if (step === 0) {
    io.stderr(`seq: invalid Zero increment value: ‘0’\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  let out = '';
  // A cap keeps `seq 1 100000000` from filling the memory of a browser tab.
  for (let n = first, i = 0; (step > 0 ? n <= last : n >= last) && i < 100_000; n += step, i++)
    out += `${n}\n`;
  io.stdout(out);
  return 0;
};

export const tee: ShellCommand = (args, io, shell) => {
  const append = args.includes('-a');
  for (const file of args.filter((a) => !a.startsWith('-'))) {
    if (append) shell.machine.fs.append(file, io.stdin);
    else shell.machine.fs.write(file, io.stdin);
  }
  io.stdout(io.stdin);
  return 0;
};

export const base64: ShellCommand = (args, io, shell) => {
  const decode = args.some((a) => a === '-d' || a === '--decode' || a === '-D');
  const file = args.find((a) => !a.startsWith('-'));
  const sources = inputs('base64', file ? [file] : [], io, shell);
  if (typeof sources === 'number') return 1;
  const text = sources[0]?.text ?? '';
  if (decode) {
    const clean = text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
      io.stdout(
        decodeBase64(clean.replace(/[^A-Za-z0-9+/=]/g, '').slice(0, Math.floor(clean.length / 4) * 4)),
      );
      io.stderr('base64: invalid input\n');
      return 1;
    }
    io.stdout(decodeBase64(clean));
    return 0;
  }
  const wrap =
    args.some((a) => a === '-w0' || a === '--wrap=0') ||
    (args.includes('-w') && args[args.indexOf('-w') + 1] === '0')
      ? 0
      : 76;
  const encoded = encodeBase64(text);
  const wrapped = wrap === 0 ? encoded : (encoded.match(/.{1,76}/g) ?? []).join('\n');
  io.stdout(`${wrapped}${wrap === 0 ? '' : '\n'}`);
  return 0;
};

function encodeBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function decodeBase64(text: string): string {
  try {
    const binary = atob(text.padEnd(Math.ceil(text.length / 4) * 4, '='));
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export const awk: ShellCommand = (args, io, shell) => {
  let separator: string | undefined;
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-F') separator = args[++index];
    else if (arg.startsWith('-F')) separator = arg.slice(2);
    else rest.push(arg);
  }
  const [program, ...files] = rest;
  if (program === undefined) {
    io.stderr(`usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n`);
    return 2;
  }
  const compiled = compileAwk(program);
  if (typeof compiled === 'string') {
    io.stderr(`awk: syntax error at source line 1\n context is\n\t${program}\nawk: ${compiled}\n`);
    return 2;
  }
  const sources = inputs('awk', files, io, shell);
  if (typeof sources === 'number') return 2;
  let nr = 0;
  for (const line of sources.flatMap((s) => lines(s.text))) {
    nr++;
    const fields =
      separator === undefined || separator === ' '
        ? line.trim().split(/\s+/).filter(Boolean)
        : line.split(separator === '\\t' ? '\t' : separator);
    const record = { line, fields, nr };
    for (const rule of compiled) if (rule.matches(record)) io.stdout(rule.print(record));
  }
  return 0;
};

interface AwkRecord {
  line: string;
  fields: string[];
  nr: number;
}

interface AwkRule {
  matches(record: AwkRecord): boolean;
  print(record: AwkRecord): string;
}

/**
 * The awk that one-liners use: `[pattern] { print expr[, expr...] }` with `$N`, `$NF`, `NR`, `NF`,
 * string literals, `/regex/`, comparisons. Anything else is a syntax error, as awk would say.
 */
function compileAwk(program: string): AwkRule[] | string {
  const rules: AwkRule[] = [];
  const rulePattern = /\s*([^{]*?)\s*(?:\{([^}]*)\}|$)\s*;?/y;
  let index = 0;
  while (index < program.length) {
    rulePattern.lastIndex = index;
    const match = rulePattern.exec(program);
    if (!match || match[0] === '') return 'bailing out';
    index = rulePattern.lastIndex;
    const [, pattern = '', action] = match;
    const condition = pattern ? awkCondition(pattern) : () => true;
    if (!condition) return 'bailing out';
    const printer = action === undefined ? (r: AwkRecord) => `${r.line}\n` : awkAction(action);
    if (!printer) return 'bailing out';
    rules.push({ matches: condition, print: printer });
  }
  return rules;
}

function awkValue(expression: string): ((r: AwkRecord) => string) | undefined {
  const trimmed = expression.trim();
  if (trimmed === '$0') return (r) => r.line;
  if (trimmed === 'NR') return (r) => String(r.nr);
  if (trimmed === 'NF') return (r) => String(r.fields.length);
  if (trimmed === '$NF') return (r) => r.fields[r.fields.length - 1] ?? '';
  const field = /^\$(\d+)$/.exec(trimmed);
  if (field) return (r) => r.fields[Number(field[1]) - 1] ?? '';
  const literal = /^"((?:[^"\\]|\\.)*)"$/.exec(trimmed);
  if (literal) {
    const text = (literal[1] ?? '').replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\"/g, '"');
    return () => text;
  }
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return () => trimmed;
  return undefined;
}

function awkAction(action: string): ((r: AwkRecord) => string) | undefined {
  const trimmed = action.trim();
  if (trimmed === '' || trimmed === 'print' || trimmed === 'print $0') return (r) => `${r.line}\n`;
  const print = /^print\s+([\s\S]+?);?$/.exec(trimmed);
  if (!print) return undefined;
  const items = splitOutsideQuotes(print[1] ?? '', ',');
  const values: ((r: AwkRecord) => string)[] = [];
  for (const item of items) {
    // Juxtaposed values concatenate: `print $1 ":" $2`.
    const pieces = item.trim().match(/"(?:[^"\\]|\\.)*"|\$?[A-Za-z0-9_]+/g) ?? [];
    const compiled = pieces.map(awkValue);
    if (compiled.some((c) => !c) || pieces.length === 0) return undefined;
    values.push((r) => compiled.map((c) => (c as (r: AwkRecord) => string)(r)).join(''));
  }
  return (r) => `${values.map((v) => v(r)).join(' ')}\n`;
}

function awkCondition(pattern: string): ((r: AwkRecord) => boolean) | undefined {
  const regex = /^(!?)\/(.*)\/$/.exec(pattern);
  if (regex) {
    try {
      const compiled = new RegExp(regex[2] ?? '');
      return (r) => compiled.test(r.line) !== (regex[1] === '!');
    } catch {
      return undefined;
    }
  }
  const comparison = /^(.+?)\s*(==|!=|>=|<=|>|<|~|!~)\s*(.+)$/.exec(pattern);
  if (!comparison) return undefined;
  const [, leftText = '', operator, rightText = ''] = comparison;
  const left = awkValue(leftText);
  if (operator === '~' || operator === '!~') {
    const match = /^\/(.*)\/$/.exec(rightText.trim());
    if (!left || !match) return undefined;
    const compiled = new RegExp(match[1] ?? '');
    return (r) => compiled.test(left(r)) === (operator === '~');
  }
  const right = awkValue(rightText);
  if (!left || !right) return undefined;
  return (r) => {
    const [a, b] = [left(r), right(r)];
    const numeric = a !== '' && b !== '' && !Number.isNaN(Number(a)) && !Number.isNaN(Number(b));
    const [x, y]: [string | number, string | number] = numeric ? [Number(a), Number(b)] : [a, b];
    switch (operator) {
      case '==':
        return x === y;
      case '!=':
        return x !== y;
      case '>':
        return x > y;
      case '<':
        return x < y;
      case '>=':
        return x >= y;
      default:
        return x <= y;
    }
  };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\' && quoted) {
      current += char + (text[++i] ?? '');
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      out.push(current);
      current = '';
    } else current += char;
  }
  out.push(current);
  return out;
}

/**
 * `sed` for the substitutions people pipe manifests through: `s/old/new/[gI]` (any delimiter),
 * several `-e`, `-n` with `p`, `Nd`/`/re/d` deletions, and `-i` to edit files in place.
 */
export const sed: ShellCommand = (args, io, shell) => {
  let quiet = false;
  let inPlace = false;
  const scripts: string[] = [];
  const files: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '-n') quiet = true;
    else if (arg === '-i' || arg === '--in-place') inPlace = true;
    else if (arg === '-e') scripts.push(args[++index] ?? '');
    else if (arg === '-E' || arg === '-r') continue;
    else if (scripts.length === 0 && !args.slice(0, index).includes('-e')) scripts.push(arg);
    else files.push(arg);
  }
  const commands = scripts.flatMap((s) => s.split(/;|\n/)).filter((s) => s.trim() !== '');
  const compiled: ((line: string, number: number) => { line: string; print: boolean; deleted: boolean })[] =
    [];
  for (const command of commands) {
    const substitution = /^s(.)(.*?)\1(.*?)\1([gIp]*)$/.exec(command.trim());
    if (substitution) {
      const [, , pattern = '', replacement = '', flags = ''] = substitution;
      let regex: RegExp;
      try {
        regex = new RegExp(
          basicToExtended(pattern),
          `${flags.includes('g') ? 'g' : ''}${flags.includes('I') ? 'i' : ''}`,
        );
      } catch {
        io.stderr(`sed: -e expression #1, char ${command.length}: Invalid preceding regular expression\n`);
        return 1;
      }
      const js = replacement
        .replace(/\$/g, '$$$$')
        .replace(/\\(\d)/g, '$$$1')
        .replace(/&/g, '$$&');
      compiled.push((line) => {
        const changed = line.replace(regex, js);
        return { line: changed, print: flags.includes('p') && changed !== line, deleted: false };
      });
      continue;
    }
    const address = /^(\d+|\$|\/(.*)\/)?([dp])$/.exec(command.trim());
    if (address) {
      const [, where, regexText, verb] = address;
      const regex = regexText !== undefined ? new RegExp(basicToExtended(regexText)) : undefined;
      compiled.push((line, number) => {
        const hit =
          where === undefined ||
          (regex ? regex.test(line) : where === '$' ? false : Number(where) === number);
        return { line, print: hit && verb === 'p', deleted: hit && verb === 'd' };
      });
      continue;
    }
    const verb = command.trim()[0] ?? '';
    io.stderr(
      verb === 's'
        ? `sed: -e expression #1, char ${command.trim().length}: unterminated \`s' command\n`
        : `sed: -e expression #1, char 1: unknown command: \`${verb}'\n`,
    );
    return 1;
  }
  if (inPlace && files.length === 0) {
    io.stderr('sed: no input files\n');
    return 1;
  }
  const sources = inputs('sed', files, io, shell);
  if (typeof sources === 'number') return 2;
  let number = 0;
  const edit = (text: string, write: (line: string) => void): void => {
    for (const original of lines(text)) {
      number++;
      let line = original;
      let deleted = false;
      for (const step of compiled) {
        const result = step(line, number);
        line = result.line;
        if (result.print) write(`${line}\n`);
        if (result.deleted) {
          deleted = true;
          break;
        }
      }
      if (!deleted && !quiet) write(`${line}\n`);
    }
  };
  for (const source of sources) {
    if (!inPlace) {
      edit(source.text, io.stdout);
      continue;
    }
    // GNU sed -i numbers each file's lines from 1 and writes the result back over the file.
    number = 0;
    let edited = '';
    edit(source.text, (line) => (edited += line));
    shell.machine.fs.write(source.name, edited);
  }
  return sources.length < files.length ? 2 : 0;
};

/** `xargs [-n N] [-I {}] CMD...`: run CMD with the words read from stdin. */
export const xargs: ShellCommand = async (args, io, shell) => {
  let perCall = Infinity;
  let placeholder: string | undefined;
  let index = 0;
  for (; index < args.length && args[index]?.startsWith('-'); index++) {
    const arg = args[index] as string;
    if (arg === '-n') perCall = Number(args[++index]) || 1;
    else if (arg.startsWith('-n')) perCall = Number(arg.slice(2)) || 1;
    else if (arg === '-I') placeholder = args[++index];
  }
  const command = args.slice(index);
  if (command.length === 0) command.push('echo');
  const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
  const items =
    placeholder !== undefined
      ? lines(io.stdin).filter((l) => l.trim() !== '')
      : io.stdin.split(/\s+/).filter(Boolean);
  if (items.length === 0 && placeholder === undefined)
    return shell.run(command.map(quote).join(' '), { ...io, stdin: '' });
  let code = 0;
  const size = placeholder !== undefined ? 1 : perCall;
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    const argv =
      placeholder !== undefined
        ? command.map((w) => w.split(placeholder as string).join(batch[0] ?? ''))
        : [...command, ...batch];
    const result = await shell.run(argv.map(quote).join(' '), { ...io, stdin: '' });
    if (result !== 0) code = 123;
  }
  return code;
};
