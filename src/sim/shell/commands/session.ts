/**
 * Builtins and small utilities about the shell session itself: `echo`, `printf`, `export`, `env`,
 * `alias`, `history`, `clear`, `sleep`, `date`, `type`, `exit`...
 */
import type { CommandIO, ShellCommand, ShellContext } from '../command.ts';
import { shellPrefix, yieldToHost } from '../command.ts';

/** What `clear` writes: home, erase screen, erase scrollback (xterm's `E3`). */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export const echo: ShellCommand = (args, io) => {
  let newline = true;
  let escapes = false;
  let index = 0;
  for (; index < args.length; index++) {
    const arg = args[index] as string;
    if (!/^-[neE]+$/.test(arg)) break;
    for (const flag of arg.slice(1)) {
      if (flag === 'n') newline = false;
      else if (flag === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(index).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = unescape(text);
  }
  io.stdout(newline ? `${text}\n` : text);
  return 0;
};

function unescape(text: string): string {
  const map: Record<string, string> = {
    n: '\n',
    t: '\t',
    r: '\r',
    '\\': '\\',
    a: '\x07',
    b: '\b',
    e: '\x1b',
    f: '\f',
    v: '\v',
  };
  return text.replace(/\\(0[0-7]{0,3}|x[0-9a-fA-F]{1,2}|.)/g, (whole, code: string) => {
    if (code.startsWith('0')) return String.fromCharCode(parseInt(code.slice(1) || '0', 8));
    if (code.startsWith('x') && code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
    return map[code] ?? whole;
  });
}

export const printf: ShellCommand = (args, io, shell) => {
  const [format, ...values] = args;
  if (format === undefined) {
    io.stderr(`${shellPrefix(shell.machine)}: printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  let out = '';
  let next = 0;
  do {
    out += unescape(format).replace(/%([-0 ]?\d*)([sdqb%])/g, (_, width: string, conversion: string) => {
      if (conversion === '%') return '%';
      const value = values[next++] ?? '';
      const text =
        conversion === 'd' ? String(parseInt(value, 10) || 0) : conversion === 'b' ? unescape(value) : value;
      const size = parseInt(width, 10);
      if (!size) return text;
      return width.startsWith('-')
        ? text.padEnd(Math.abs(size))
        : text.padStart(size, width.startsWith('0') ? '0' : ' ');
    });
  } while (next > 0 && next < values.length);
  io.stdout(out);
  return 0;
};

export const clear: ShellCommand = (_args, io) => {
  io.stdout(CLEAR_SCREEN);
  return 0;
};

export const history: ShellCommand = (args, io, shell) => {
  const lines = shell.runtime.history;
  if (args[0] === '-c') {
    lines.length = 0;
    return 0;
  }
  const count = args[0] !== undefined ? Number(args[0]) : lines.length;
  if (!Number.isInteger(count) || count < 0) {
    io.stderr(`${shellPrefix(shell.machine)}: history: ${args[0]}: numeric argument required\n`);
    return 1;
  }
  const start = Math.max(0, lines.length - count);
  io.stdout(
    lines
      .slice(start)
      .map((line, i) => `${String(start + i + 1).padStart(5)}  ${line.replace(/\n/g, '\n       ')}\n`)
      .join(''),
  );
  return 0;
};

/** `sleep 5`, `sleep 0.5`, `sleep 1m`, `sleep 1m 30s`: virtual time passes, the cluster moves on. */
export const sleep: ShellCommand = async (args, io, shell) => {
  if (args.length === 0) {
    io.stderr(`sleep: missing operand\nTry 'sleep --help' for more information.\n`);
    return 1;
  }
  let total = 0;
  for (const arg of args) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!match) {
      io.stderr(`sleep: invalid time interval ‘${arg}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] ?? ''] ?? 1000;
    total += Number(match[1]) * unit;
  }
  await shell.runtime.wait(Math.round(total), io.signal);
  return io.signal?.aborted ? 130 : 0;
};

export const trueCommand: ShellCommand = () => 0;
export const falseCommand: ShellCommand = () => 1;

export const exportCommand: ShellCommand = (args, io, shell) => {
  if (args.length === 0 || args[0] === '-p') {
    const names = [...shell.env.keys()].sort();
    io.stdout(
      names
        .map((n) => `declare -x ${n}="${(shell.env.get(n) ?? '').replace(/(["\\$`])/g, '\\$1')}"\n`)
        .join(''),
    );
    return 0;
  }
  let code = 0;
  for (const arg of args) {
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.stderr(`${shellPrefix(shell.machine)}: export: \`${arg}': not a valid identifier\n`);
      code = 1;
      continue;
    }
    if (equals >= 0) shell.env.set(name, arg.slice(equals + 1));
    else if (!shell.env.has(name)) shell.env.set(name, '');
  }
  return code;
};

export const unset: ShellCommand = (args, _io, shell) => {
  for (const name of args.filter((a) => !a.startsWith('-'))) shell.env.delete(name);
  return 0;
};

export const env: ShellCommand = async (args, io, shell) => {
  const assignments = args.filter(
    (a, i) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(a) && args.slice(0, i).every((b) => b.includes('=')),
  );
  const command = args.slice(assignments.length);
  if (command.length > 0) {
    const quoted = command.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    const prefix = assignments
      .map((a) => `${a.slice(0, a.indexOf('='))}='${a.slice(a.indexOf('=') + 1).replace(/'/g, `'\\''`)}'`)
      .join(' ');
    return shell.run(`${prefix} ${quoted}`, io);
  }
  const variables = new Map(shell.env);
  variables.set('PWD', shell.machine.fs.cwd);
  for (const a of assignments) variables.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  io.stdout([...variables].map(([k, v]) => `${k}=${v}\n`).join(''));
  return 0;
};

export const printenv: ShellCommand = (args, io, shell) => {
  const variables = new Map(shell.env);
  variables.set('PWD', shell.machine.fs.cwd);
  if (args.length === 0) {
    io.stdout([...variables].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let code = 0;
  for (const name of args) {
    const value = variables.get(name);
    if (value === undefined) code = 1;
    else io.stdout(`${value}\n`);
  }
  return code;
};

export const alias: ShellCommand = (args, io, shell) => {
  const show = (name: string): string =>
    `alias ${name}='${(shell.aliases.get(name) ?? '').replace(/'/g, `'\\''`)}'\n`;
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    io.stdout([...shell.aliases.keys()].sort().map(show).join(''));
    return 0;
  }
  let code = 0;
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals < 0) {
      if (shell.aliases.has(arg)) io.stdout(show(arg));
      else {
        io.stderr(`${shellPrefix(shell.machine)}: alias: ${arg}: not found\n`);
        code = 1;
      }
      continue;
    }
    shell.aliases.set(arg.slice(0, equals), arg.slice(equals + 1));
  }
  return code;
};

export const unalias: ShellCommand = (args, io, shell) => {
  if (args[0] === '-a') {
    shell.aliases.clear();
    return 0;
  }
  let code = 0;
  for (const name of args) {
    if (!shell.aliases.delete(name)) {
      io.stderr(`${shellPrefix(shell.machine)}: unalias: ${name}: not found\n`);
      code = 1;
    }
  }
  return code;
};

export const hostname: ShellCommand = (_args, io, shell) => {
  io.stdout(`${shell.machine.hostname}\n`);
  return 0;
};

export const whoami: ShellCommand = (_args, io, shell) => {
  io.stdout(shell.machine.origin.kind === 'workstation' ? 'learner\n' : 'root\n');
  return 0;
};

/** `date` in the virtual clock's time, as GNU date prints it in UTC. */
export const date: ShellCommand = (args, io, shell) => {
  const now = new Date(shell.runtime.clock.now());
  if (args[0] === '-u' || args[0] === undefined) {
    const day = now.toLocaleString('en-US', { weekday: 'short', timeZone: 'UTC' });
    const month = now.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
    const time = now.toISOString().slice(11, 19);
    io.stdout(
      `${day} ${month} ${String(now.getUTCDate()).padStart(2)} ${time} UTC ${now.getUTCFullYear()}\n`,
    );
    return 0;
  }
  if (args[0]?.startsWith('+')) {
    const iso = now.toISOString();
    const format = args[0].slice(1).replace(
      /%([YmdHMSsT%])/g,
      (_, c: string) =>
        ({
          Y: iso.slice(0, 4),
          m: iso.slice(5, 7),
          d: iso.slice(8, 10),
          H: iso.slice(11, 13),
          M: iso.slice(14, 16),
          S: iso.slice(17, 19),
          s: String(Math.floor(now.getTime() / 1000)),
          T: iso.slice(11, 19),
          '%': '%',
        })[c] ?? '',
    );
    io.stdout(`${format}\n`);
    return 0;
  }
  io.stderr(`date: invalid date ‘${args[0]}’\n`);
  return 1;
};

/** Where `which`/`type` say a command lives. */
function commandPath(name: string, shell: ShellContext): string | undefined {
  if (!shell.machine.commands.has(name)) return undefined;
  if (name === 'kubectl') return '/usr/local/bin/kubectl';
  return shell.machine.origin.kind === 'workstation' ? `/usr/bin/${name}` : `/bin/${name}`;
}

const SHELL_BUILTINS = new Set([
  'cd',
  'echo',
  'export',
  'alias',
  'unalias',
  'history',
  'pwd',
  'printf',
  'true',
  'false',
  'type',
  'exit',
  'help',
  'unset',
]);

export const which: ShellCommand = (args, io, shell) => {
  let code = 0;
  for (const name of args.filter((a) => !a.startsWith('-'))) {
    const path =
      SHELL_BUILTINS.has(name) && !['echo', 'printf', 'true', 'false', 'pwd'].includes(name)
        ? undefined
        : commandPath(name, shell);
    if (path) io.stdout(`${path}\n`);
    else code = 1;
  }
  return code;
};

export const type: ShellCommand = (args, io, shell) => {
  let code = 0;
  for (const name of args) {
    const aliased = shell.aliases.get(name);
    if (aliased !== undefined) io.stdout(`${name} is aliased to \`${aliased}'\n`);
    else if (SHELL_BUILTINS.has(name) && shell.machine.commands.has(name))
      io.stdout(`${name} is a shell builtin\n`);
    else if (commandPath(name, shell)) io.stdout(`${name} is ${commandPath(name, shell)}\n`);
    else {
      io.stderr(`${shellPrefix(shell.machine)}: type: ${name}: not found\n`);
      code = 1;
    }
  }
  return code;
};

/** `watch kubectl get pods`: headless, one round with watch's header; live, every N seconds until Ctrl-C. */
export const watch: ShellCommand = async (args, io, shell) => {
  let interval = 2;
  let index = 0;
  while (index < args.length && args[index]?.startsWith('-')) {
    const arg = args[index] as string;
    if (arg === '-n' || arg === '--interval') interval = Number(args[++index]);
    else if (arg.startsWith('-n')) interval = Number(arg.slice(2));
    index++;
  }
  const command = args.slice(index);
  if (command.length === 0 || !(interval > 0)) {
    io.stderr(`Usage:\n watch [options] command\n`);
    return 1;
  }
  const source = command.join(' ');
  for (;;) {
    let output = '';
    const header = `Every ${interval.toFixed(1)}s: ${source}`;
    const round: CommandIO = { ...io, stdout: (t) => (output += t), stderr: (t) => (output += t) };
    await shell.run(source, round);
    const stamp = new Date(shell.runtime.clock.now()).toUTCString().replace(/GMT$/, '').trim();
    io.stdout(
      `${io.interactive ? '\x1b[H\x1b[2J' : ''}${header}    ${shell.machine.hostname}: ${stamp}\n\n${output}`,
    );
    if (!io.interactive || io.signal?.aborted) return 0;
    await shell.runtime.wait(interval * 1000, io.signal);
    await yieldToHost(io);
    if (io.signal?.aborted) return 0;
  }
};

export const exit: ShellCommand = (args, io, shell) => {
  const code = args[0] === undefined ? 0 : Number(args[0]);
  if (!Number.isInteger(code)) {
    io.stderr(`${shellPrefix(shell.machine)}: exit: ${args[0]}: numeric argument required\n`);
    shell.exit(2);
    return 2;
  }
  shell.exit(code & 255);
  return code & 255;
};

/** `vi FILE`: the page opens its editor on the file; without a page there is no screen to edit on. */
export const editor: ShellCommand = async (args, io, shell) => {
  const file = args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
  const onEdit = shell.runtime.onEdit;
  if (!onEdit) {
    io.stderr(
      `${file ? `Opening ${file} needs the editor of the page. ` : ''}Here, write files with a here-document:\n  cat <<EOF > ${file ?? 'file.yaml'}\n  ...\n  EOF\n`,
    );
    return 1;
  }
  if (!file) {
    io.stderr('Name the file to edit, as in: vi svc.yaml\n');
    return 1;
  }
  const path = shell.machine.fs.resolve(file);
  await onEdit(path);
  return 0;
};

export const jobs: ShellCommand = (_args, io, shell) => {
  io.stdout(shell.jobs.list());
  return 0;
};

export const kill: ShellCommand = (args, io, shell) => {
  const targets = args.filter((a) => !/^-(\w+|\d+)$/.test(a) && a !== '-s' && a !== '-n');
  if (targets.length === 0) {
    io.stderr(
      `${shellPrefix(shell.machine)}: kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n`,
    );
    return 2;
  }
  let code = 0;
  for (const target of targets) {
    const result = shell.jobs.kill(target);
    if (result === 'killed') continue;
    code = 1;
    io.stderr(
      result === 'no job'
        ? `${shellPrefix(shell.machine)}: kill: ${target}: no such job\n`
        : /^\d+$/.test(target)
          ? `${shellPrefix(shell.machine)}: kill: (${target}) - No such process\n`
          : `${shellPrefix(shell.machine)}: kill: ${target}: arguments must be process or job IDs\n`,
    );
  }
  return code;
};
