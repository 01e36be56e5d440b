/**
 * `-o go-template=...` / `--template`: the part of Go's text/template that kubectl users write
 * (the kubernetes.io tutorials among them: `{{(index .spec.ports 0).nodePort}}`): fields, `$`
 * variables, pipelines, parentheses, `range`/`if`/`with`/`else`/`end`, `{{-`/`-}}` trimming, and the
 * functions index, len, printf, print, println, eq, ne, lt, le, gt, ge, and, or, not, plus kubectl's
 * base64decode. Missing map keys print `<no value>` (kubectl's missingkey=default). No npm package
 * implements Go templates with these semantics, hence this file.
 */
import { goValue } from './custom-columns.ts';

export class GoTemplateParseError extends Error {}
export class GoTemplateExecError extends Error {}

/** A missing map key: prints `<no value>`, and is false. */
const NO_VALUE = Symbol('no value');

type Expr =
  | { kind: 'dot'; fields: string[] }
  | { kind: 'var'; name: string; fields: string[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'pipe'; pipe: Pipeline; fields: string[] };

interface Pipeline {
  declare: string[];
  commands: Expr[][];
  pos: number;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline }
  | { kind: 'if' | 'with'; pipe: Pipeline; body: Node[]; otherwise: Node[] }
  | { kind: 'range'; pipe: Pipeline; body: Node[]; otherwise: Node[] };

const FUNCTIONS = new Set([
  'index',
  'len',
  'printf',
  'print',
  'println',
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'not',
  'base64decode',
]);

export class GoTemplate {
  readonly #nodes: Node[];

  constructor(readonly source: string) {
    this.#nodes = new Parser(source).parse();
  }

  execute(data: unknown): string {
    const out: string[] = [];
    const scope: Map<string, unknown>[] = [new Map([['$', data]])];
    run(this.#nodes, data, scope, out, this.source);
    return out.join('');
  }
}

function location(source: string, pos: number): string {
  const before = source.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - (before.lastIndexOf('\n') + 1);
  return `${line}:${column}`;
}

function run(
  nodes: readonly Node[],
  dot: unknown,
  scope: Map<string, unknown>[],
  out: string[],
  source: string,
): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.push(node.text);
        break;
      case 'action': {
        const value = evalPipeline(node.pipe, dot, scope, source);
        if (node.pipe.declare.length === 0) out.push(printValue(value));
        break;
      }
      case 'if':
      case 'with': {
        const value = evalPipeline(node.pipe, dot, scope, source);
        if (truth(value))
          run(node.body, node.kind === 'with' ? value : dot, [...scope, new Map()], out, source);
        else run(node.otherwise, dot, [...scope, new Map()], out, source);
        break;
      }
      case 'range': {
        const value = evalPipeline({ ...node.pipe, declare: [] }, dot, scope, source);
        const entries: [unknown, unknown][] = Array.isArray(value)
          ? value.map((v, i) => [i, v])
          : value !== null && typeof value === 'object'
            ? Object.keys(value)
                .sort()
                .map((k) => [k, (value as Record<string, unknown>)[k]])
            : [];
        if (entries.length === 0) {
          run(node.otherwise, dot, [...scope, new Map()], out, source);
          break;
        }
        for (const [key, item] of entries) {
          const frame = new Map<string, unknown>();
          const names = node.pipe.declare;
          if (names.length === 1) frame.set(names[0] as string, item);
          if (names.length === 2) {
            frame.set(names[0] as string, key);
            frame.set(names[1] as string, item);
          }
          run(node.body, item, [...scope, frame], out, source);
        }
        break;
      }
    }
  }
}

function evalPipeline(pipe: Pipeline, dot: unknown, scope: Map<string, unknown>[], source: string): unknown {
  let value: unknown = undefined;
  let first = true;
  for (const command of pipe.commands) {
    const args = first ? command : [...command, { kind: 'literal', value } as Expr];
    value = evalCommand(args, dot, scope, source, pipe.pos);
    first = false;
  }
  if (pipe.declare.length === 1)
    (scope[scope.length - 1] as Map<string, unknown>).set(pipe.declare[0] as string, value);
  return value;
}

function evalCommand(
  command: readonly Expr[],
  dot: unknown,
  scope: Map<string, unknown>[],
  source: string,
  pos: number,
): unknown {
  const head = command[0] as Expr;
  if (head.kind === 'call') {
    const all = [...head.args, ...command.slice(1)];
    const label = describe({ kind: 'call', name: head.name, args: all });
    return callFunction(
      head.name,
      all.map((a) => evalExpr(a, dot, scope, source, pos)),
      source,
      pos,
      label,
    );
  }
  if (command.length > 1) {
    throw new GoTemplateExecError(
      `template: output:${location(source, pos)}: executing "output" at <${describe(head)}>: can't give argument to non-function ${describe(head)}`,
    );
  }
  return evalExpr(head, dot, scope, source, pos);
}

function describe(expr: Expr): string {
  switch (expr.kind) {
    case 'dot':
      return expr.fields.length === 0 ? '.' : `.${expr.fields.join('.')}`;
    case 'var':
      return `${expr.name}${expr.fields.map((f) => `.${f}`).join('')}`;
    case 'literal':
      return typeof expr.value === 'string' ? JSON.stringify(expr.value) : String(expr.value);
    case 'call':
      return [expr.name, ...expr.args.map(describe)].join(' ');
    case 'pipe':
      return '(...)';
  }
}

function evalExpr(
  expr: Expr,
  dot: unknown,
  scope: Map<string, unknown>[],
  source: string,
  pos: number,
): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'call':
      return callFunction(
        expr.name,
        expr.args.map((a) => evalExpr(a, dot, scope, source, pos)),
        source,
        pos,
        describe(expr),
      );
    case 'dot':
      return fields(dot, expr.fields, expr, source, pos);
    case 'var': {
      for (let i = scope.length - 1; i >= 0; i--) {
        const frame = scope[i] as Map<string, unknown>;
        if (frame.has(expr.name)) return fields(frame.get(expr.name), expr.fields, expr, source, pos);
      }
      throw new GoTemplateExecError(
        `template: output:${location(source, pos)}: undefined variable: ${expr.name}`,
      );
    }
    case 'pipe':
      return fields(evalPipeline(expr.pipe, dot, scope, source), expr.fields, expr, source, pos);
  }
}

function fields(value: unknown, names: readonly string[], expr: Expr, source: string, pos: number): unknown {
  let current = value;
  for (const name of names) {
    const at = `template: output:${location(source, pos)}: executing "output" at <${describe(expr)}>`;
    if (current === NO_VALUE || current === null || current === undefined) {
      throw new GoTemplateExecError(`${at}: nil pointer evaluating interface {}.${name}`);
    }
    if (typeof current !== 'object' || Array.isArray(current)) {
      throw new GoTemplateExecError(`${at}: can't evaluate field ${name} in type interface {}`);
    }
    const record = current as Record<string, unknown>;
    current = Object.hasOwn(record, name) ? record[name] : NO_VALUE;
  }
  return current;
}

function callFunction(name: string, args: unknown[], source: string, pos: number, label: string): unknown {
  const at = `template: output:${location(source, pos)}: executing "output" at <${label}>`;
  const fail = (message: string): never => {
    throw new GoTemplateExecError(`${at}: error calling ${name}: ${message}`);
  };
  switch (name) {
    case 'index': {
      let current = args[0];
      for (const key of args.slice(1)) {
        if (Array.isArray(current)) {
          if (typeof key !== 'number') fail(`cannot index slice/array with type ${typeof key}`);
          if ((key as number) < 0 || (key as number) >= current.length) fail(`index out of range: ${key}`);
          current = current[key as number];
        } else if (current !== null && typeof current === 'object') {
          const record = current as Record<string, unknown>;
          current = Object.hasOwn(record, String(key)) ? record[String(key)] : undefined;
        } else {
          fail(`can't index item of type ${goType(current)}`);
        }
      }
      return current;
    }
    case 'len': {
      const v = args[0];
      if (typeof v === 'string' || Array.isArray(v)) return v.length;
      if (v !== null && typeof v === 'object') return Object.keys(v).length;
      return fail(`len of type ${goType(v)}`);
    }
    case 'printf':
      return sprintf(String(args[0] ?? ''), args.slice(1));
    case 'print':
      return args.map(printValue).join('');
    case 'println':
      return `${args.map(printValue).join(' ')}\n`;
    case 'eq':
      return args.slice(1).some((b) => equal(args[0], b));
    case 'ne':
      return !equal(args[0], args[1]);
    case 'lt':
      return (args[0] as number) < (args[1] as number);
    case 'le':
      return (args[0] as number) <= (args[1] as number);
    case 'gt':
      return (args[0] as number) > (args[1] as number);
    case 'ge':
      return (args[0] as number) >= (args[1] as number);
    case 'and':
      return args.find((a) => !truth(a)) ?? args[args.length - 1];
    case 'or':
      return args.find((a) => truth(a)) ?? args[args.length - 1];
    case 'not':
      return !truth(args[0]);
    case 'base64decode':
      try {
        return new TextDecoder().decode(Uint8Array.from(atob(String(args[0])), (c) => c.charCodeAt(0)));
      } catch {
        return fail('illegal base64 data');
      }
  }
  return undefined;
}

function goType(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return 'interface {}';
}

function equal(a: unknown, b: unknown): boolean {
  return (
    a === b || (a !== null && b !== null && typeof a === 'object' && JSON.stringify(a) === JSON.stringify(b))
  );
}

function truth(value: unknown): boolean {
  if (
    value === NO_VALUE ||
    value === null ||
    value === undefined ||
    value === false ||
    value === 0 ||
    value === ''
  )
    return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** fmt.Print of a template value. */
export function printValue(value: unknown): string {
  if (value === NO_VALUE || value === undefined) return '<no value>';
  return goValue(value);
}

function sprintf(format: string, args: unknown[]): string {
  let i = 0;
  return format.replace(/%([-+# 0]*\d*(?:\.\d+)?)([vsdqtfx%])/g, (_m, _flags: string, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[i++];
    switch (verb) {
      case 'q':
        return JSON.stringify(String(arg));
      case 'd':
        return typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${goType(arg)}=${printValue(arg)})`;
      case 'x':
        return typeof arg === 'number'
          ? arg.toString(16)
          : Array.from(String(arg), (c) => c.charCodeAt(0).toString(16)).join('');
      default:
        return printValue(arg);
    }
  });
}

/** Go's text/template lexer and parser, for the subset above. */
class Parser {
  #pos = 0;
  constructor(readonly source: string) {}

  fail(message: string): never {
    const line = this.source.slice(0, this.#pos).split('\n').length;
    throw new GoTemplateParseError(`template: output:${line}: ${message}`);
  }

  parse(): Node[] {
    const { nodes, end } = this.list();
    if (end !== undefined) this.fail(`unexpected {{${end}}}`);
    return nodes;
  }

  /** Nodes up to an {{end}}/{{else}} (returned) or the end of the input. */
  list(): { nodes: Node[]; end: string | undefined; elsePipe?: Pipeline; elseKind?: string } {
    const nodes: Node[] = [];
    let trimNext = false;
    for (;;) {
      const open = this.source.indexOf('{{', this.#pos);
      let text = this.source.slice(this.#pos, open < 0 ? undefined : open);
      if (trimNext) text = text.replace(/^\s+/, '');
      const trimBefore = open >= 0 && this.source.startsWith('{{- ', open);
      if (trimBefore) text = text.replace(/\s+$/, '');
      if (text) nodes.push({ kind: 'text', text });
      if (open < 0) {
        this.#pos = this.source.length;
        return { nodes, end: undefined };
      }
      this.#pos = open + (trimBefore ? 4 : 2);
      const actionStart = this.#pos;
      const close = this.findClose();
      let inner = this.source.slice(actionStart, close);
      trimNext = inner.endsWith(' -');
      if (trimNext) inner = inner.slice(0, -2);
      this.#pos = close + 2;
      const word = inner.trim();
      if (word.startsWith('/*')) continue;
      const keyword = /^(if|range|with|else|end)\b/.exec(word)?.[1];
      if (keyword === 'end') return { nodes, end: 'end' };
      if (keyword === 'else') {
        const rest = word.slice(4).trim();
        if (rest.startsWith('if '))
          return { nodes, end: 'else', elseKind: 'if', elsePipe: this.pipeline(rest.slice(3), actionStart) };
        return { nodes, end: 'else' };
      }
      if (keyword === 'if' || keyword === 'range' || keyword === 'with') {
        nodes.push(
          this.control(keyword, this.pipeline(word.slice(keyword.length), actionStart, keyword === 'range')),
        );
        continue;
      }
      nodes.push({ kind: 'action', pipe: this.pipeline(word, actionStart) });
    }
  }

  control(kind: 'if' | 'range' | 'with', pipe: Pipeline): Node {
    const body = this.list();
    if (body.end === undefined) this.fail('unexpected EOF');
    let otherwise: Node[] = [];
    if (body.end === 'else') {
      if (body.elseKind === 'if' && body.elsePipe) {
        otherwise = [this.control('if', body.elsePipe)];
      } else {
        const rest = this.list();
        if (rest.end !== 'end')
          this.fail(rest.end === undefined ? 'unexpected EOF' : 'expected end; found {{else}}');
        otherwise = rest.nodes;
      }
    }
    return { kind, pipe, body: body.nodes, otherwise };
  }

  findClose(): number {
    let quote: string | undefined;
    for (let i = this.#pos; i < this.source.length; i++) {
      const c = this.source[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
        continue;
      }
      if (c === '"' || c === '`') quote = c;
      else if (c === '\n' && quote === undefined) continue;
      else if (c === '}' && this.source[i + 1] === '}') return i;
    }
    return this.fail('unclosed action');
  }

  pipeline(text: string, pos: number, allowTwoVars = false): Pipeline {
    const tokens = tokenize(text, (m) => this.fail(m));
    const declare: string[] = [];
    const assign = tokens.findIndex((t) => t === ':=' || t === '=');
    if (assign >= 0) {
      for (const t of tokens.slice(0, assign)) if (t !== ',') declare.push(t);
      if (declare.length > (allowTwoVars ? 2 : 1) || declare.some((d) => !d.startsWith('$')))
        this.fail('too many declarations');
      tokens.splice(0, assign + 1);
    }
    let index = 0;
    const parseCommands = (until: string | undefined): Expr[][] => {
      const cmds: Expr[][] = [[]];
      while (index < tokens.length) {
        const token = tokens[index++] as string;
        if (token === until) return cmds;
        if (token === '|') {
          cmds.push([]);
          continue;
        }
        const cmd = cmds[cmds.length - 1] as Expr[];
        if (token === '(') {
          const inner = parseCommands(')');
          let fieldsAfter: string[] = [];
          const next = tokens[index];
          if (next !== undefined && next.startsWith('.') && next !== '.') {
            fieldsAfter = next.slice(1).split('.');
            index++;
          }
          cmd.push({ kind: 'pipe', pipe: { declare: [], commands: inner, pos }, fields: fieldsAfter });
          continue;
        }
        cmd.push(this.operand(token));
      }
      if (until !== undefined) this.fail('unclosed left paren');
      return cmds;
    };
    const commands = parseCommands(undefined);
    for (const command of commands) {
      if (command.length === 0) this.fail('missing value for command');
      const head = command[0] as Expr;
      if (head.kind === 'call') {
        head.args = command.slice(1);
        command.splice(1);
      }
    }
    return { declare, commands, pos };
  }

  operand(token: string): Expr {
    if (token === '.') return { kind: 'dot', fields: [] };
    if (token.startsWith('.')) return { kind: 'dot', fields: token.slice(1).split('.') };
    if (token.startsWith('$')) {
      const [name = '$', ...rest] = token.split('.');
      return { kind: 'var', name, fields: rest };
    }
    if (token.startsWith('"')) {
      try {
        return { kind: 'literal', value: JSON.parse(token) };
      } catch {
        return this.fail(`malformed string ${token}`);
      }
    }
    if (token.startsWith('`')) return { kind: 'literal', value: token.slice(1, -1) };
    if (/^-?\d+(\.\d+)?$/.test(token)) return { kind: 'literal', value: Number(token) };
    if (token === 'true' || token === 'false') return { kind: 'literal', value: token === 'true' };
    if (token === 'nil') return { kind: 'literal', value: null };
    if (FUNCTIONS.has(token)) return { kind: 'call', name: token, args: [] };
    return this.fail(`function "${token}" not defined`);
  }
}

function tokenize(text: string, fail: (message: string) => never): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) fail('unterminated quoted string');
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const j = text.indexOf('`', i + 1);
      if (j < 0) fail('unterminated raw quoted string');
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      tokens.push(c);
      i++;
      continue;
    }
    if (text.startsWith(':=', i)) {
      tokens.push(':=');
      i += 2;
      continue;
    }
    if (c === '=') {
      tokens.push('=');
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s()|,=]/.test(text[j] as string) && !text.startsWith(':=', j)) j++;
    tokens.push(text.slice(i, j));
    i = j;
  }
  return tokens;
}
