/**
 * A command-line parser with pflag's rules, since kubectl is a cobra/pflag program and learners
 * meet its exact behaviour: `--f=v`, `--f v`, `-f v`, `-fv`, combined booleans `-it`, booleans never
 * take the next word (`--b=false` is the only way to give one a value), `--` ends the flags, and
 * positionals may stand between flags. No npm parser follows these rules (see STYLE.md).
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** The default as pflag prints it in help and as the command sees it when the flag is absent. */
  default?: string | number | boolean | string[];
  /** For string flags given without `=value` (pflag NoOptDefVal): `--dry-run` means `--dry-run=unchanged`. */
  noOptDefault?: string;
  usage?: string;
  /** Values the flag accepts, for completion. */
  values?: readonly string[];
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedArgs {
  positionals: string[];
  /** Words after a bare `--` (for `exec POD -- CMD`). */
  afterDash: string[] | undefined;
  /** Position of `--` among the arguments: cobra's ArgsLenAtDash. */
  flags: Map<string, FlagValue>;
  /** Flags the user actually gave (pflag's Changed). */
  changed: Set<string>;
}

export class FlagError extends Error {}

export function parseArgs(args: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.shorthand).map((s) => [s.shorthand as string, s]));
  const flags = new Map<string, FlagValue>();
  const changed = new Set<string>();
  const positionals: string[] = [];
  let afterDash: string[] | undefined;

  const set = (spec: FlagSpec, raw: string, shown: string): void => {
    const value = convert(spec, raw, shown);
    if (spec.type === 'stringArray' || spec.type === 'stringSlice') {
      const previous = changed.has(spec.name) ? ((flags.get(spec.name) as string[]) ?? []) : [];
      flags.set(spec.name, [...previous, ...(value as string[])]);
    } else {
      flags.set(spec.name, value);
    }
    changed.add(spec.name);
  };

  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      afterDash = args.slice(i + 1);
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, body.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, 'true', `--${name}`);
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, `--${name}`);
      else if (i + 1 < args.length) set(spec, args[++i] as string, `--${name}`);
      else throw new FlagError(`flag needs an argument: --${name}`);
    } else if (arg.startsWith('-') && arg.length > 1 && arg !== '-') {
      // A run of shorthands: `-it`, `-n default`, `-ndefault`, `-oyaml`, `-o=yaml`.
      let rest = arg.slice(1);
      while (rest.length > 0) {
        const c = rest[0] as string;
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in -${arg.slice(1)}`);
        rest = rest.slice(1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1), `-${c}`);
          rest = '';
        } else if (spec.type === 'bool') {
          set(spec, 'true', `-${c}`);
        } else if (rest.length > 0) {
          set(spec, rest, `-${c}`);
          rest = '';
        } else if (spec.noOptDefault !== undefined) {
          set(spec, spec.noOptDefault, `-${c}`);
        } else if (i + 1 < args.length) {
          set(spec, args[++i] as string, `-${c}`);
        } else {
          throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        }
      }
    } else {
      positionals.push(arg);
    }
  }

  for (const spec of specs) {
    if (!flags.has(spec.name) && spec.default !== undefined) flags.set(spec.name, spec.default);
  }
  return { positionals, afterDash, flags, changed };
}

function convert(spec: FlagSpec, raw: string, shown: string): FlagValue {
  const bad = (detail: string) =>
    new FlagError(`invalid argument "${raw}" for "${flagLabel(spec, shown)}" flag: ${detail}`);
  switch (spec.type) {
    case 'bool': {
      const parsed = parseGoBool(raw);
      if (parsed === undefined) throw bad(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return parsed;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw bad(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      const n = Number(raw);
      if (!Number.isSafeInteger(n)) throw bad(`strconv.ParseInt: parsing "${raw}": value out of range`);
      return n;
    }
    case 'stringSlice':
      return raw === '' ? [] : splitCsv(raw);
    case 'stringArray':
      return [raw];
    case 'duration': {
      if (parseGoDuration(raw) === undefined) throw bad(`time: invalid duration "${raw}"`);
      return raw;
    }
    case 'string':
      return raw;
  }
}

/** pflag names a flag in errors as `-n, --namespace` when it has a shorthand. */
function flagLabel(spec: FlagSpec, _shown: string): string {
  return spec.shorthand ? `-${spec.shorthand}, --${spec.name}` : `--${spec.name}`;
}

/** strconv.ParseBool. */
export function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

/** time.ParseDuration, in milliseconds: `30s`, `1m30s`, `500ms`, `0`. */
export function parseGoDuration(raw: string): number | undefined {
  if (raw === '0') return 0;
  const units: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
  };
  const match = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(raw);
  if (!match) return undefined;
  let total = 0;
  for (const part of raw.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) {
    total += Number(part[1]) * (units[part[2] as string] as number);
  }
  return match[1] === '-' ? -total : total;
}

/** pflag's stringSlice reads its value as one CSV record. */
function splitCsv(raw: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (quoted) {
      if (c === '"' && raw[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}
