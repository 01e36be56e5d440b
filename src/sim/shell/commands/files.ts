/**
 * File commands over the machine's virtual file system (`cat`, `ls`, `rm`, `mkdir`, `cd`, `pwd`,
 * `touch`, `cp`, `mv`), with GNU coreutils' messages and exit codes.
 */
import type { ShellCommand } from '../command.ts';
import { shellPrefix } from '../command.ts';

function splitFlags(args: string[]): { flags: Set<string>; operands: string[] } {
  const flags = new Set<string>();
  const operands: string[] = [];
  let ended = false;
  for (const arg of args) {
    if (!ended && arg === '--') ended = true;
    else if (!ended && arg.startsWith('--')) flags.add(arg);
    else if (!ended && arg.startsWith('-') && arg.length > 1) for (const c of arg.slice(1)) flags.add(c);
    else operands.push(arg);
  }
  return { flags, operands };
}

function basename(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() ?? path;
}

export const cat: ShellCommand = (args, io, shell) => {
  const { flags, operands } = splitFlags(args);
  const fs = shell.machine.fs;
  let code = 0;
  let output = '';
  for (const file of operands.length === 0 ? ['-'] : operands) {
    if (file === '-') {
      output += io.stdin;
      continue;
    }
    const text = fs.read(file);
    if (text === undefined) {
      io.stdout(output);
      output = '';
      io.stderr(`cat: ${file}: ${fs.isDirectory(file) ? 'Is a directory' : 'No such file or directory'}\n`);
      code = 1;
      continue;
    }
    output += text;
  }
  if (flags.has('n')) {
    const lines = output.split('\n');
    const last = lines.pop();
    output =
      lines.map((l, i) => `${String(i + 1).padStart(6)}\t${l}\n`).join('') +
      (last ? `${String(lines.length + 1).padStart(6)}\t${last}` : '');
  }
  io.stdout(output);
  return code;
};

export const ls: ShellCommand = (args, io, shell) => {
  const { flags, operands } = splitFlags(args);
  const fs = shell.machine.fs;
  const long = flags.has('l');
  const all = flags.has('a') || flags.has('A');
  const onePerLine = long || flags.has('1') || !io.tty;
  let code = 0;
  const targets = operands.length === 0 ? ['.'] : operands;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const target of targets) {
    if (fs.isDirectory(target)) dirs.push(target);
    else if (fs.exists(target)) files.push(target);
    else {
      io.stderr(`ls: cannot access '${target}': No such file or directory\n`);
      code = 2;
    }
  }
  const stamp = lsTime(shell.runtime.clock.now());
  const line = (name: string, path: string): string => {
    if (!long) return name;
    const isDir = fs.isDirectory(path);
    const size = isDir ? 4096 : new TextEncoder().encode(fs.read(path) ?? '').length;
    const user = shell.machine.origin.kind === 'workstation' ? 'learner' : 'root';
    return `${isDir ? 'drwxr-xr-x 2' : '-rw-r--r-- 1'} ${user} ${user} ${String(size).padStart(5)} ${stamp} ${name}`;
  };
  const print = (entries: { name: string; path: string }[]): void => {
    if (entries.length === 0) return;
    const shown = entries.map((e) => line(e.name, e.path));
    io.stdout(onePerLine ? shown.map((s) => `${s}\n`).join('') : `${shown.join('  ')}\n`);
  };
  print(files.map((f) => ({ name: f, path: f })));
  for (const [index, dir] of dirs.entries()) {
    if (targets.length > 1) io.stdout(`${files.length > 0 || index > 0 ? '\n' : ''}${dir}:\n`);
    const names = fs.list(dir).map((n) => n.replace(/\/$/, ''));
    const entries = [...(all ? ['.', '..'] : []), ...names.filter((n) => all || !n.startsWith('.'))].map(
      (name) => ({
        name,
        path: `${fs.resolve(dir)}/${name}`,
      }),
    );
    if (long) io.stdout(`total ${entries.length * 4}\n`);
    print(entries);
  }
  return code;
};

/** `ls -l`'s date column: `Jan  5 09:10`. */
function lsTime(ms: number): string {
  const date = new Date(ms);
  const month = date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(date.getUTCDate()).padStart(2);
  const time = `${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${month} ${day} ${time}`;
}

export const rm: ShellCommand = (args, io, shell) => {
  const { flags, operands } = splitFlags(args);
  const fs = shell.machine.fs;
  const force = flags.has('f') || flags.has('--force');
  const recursive = flags.has('r') || flags.has('R') || flags.has('--recursive');
  if (operands.length === 0) {
    if (force) return 0;
    io.stderr(`rm: missing operand\nTry 'rm --help' for more information.\n`);
    return 1;
  }
  let code = 0;
  for (const target of operands) {
    if (fs.isDirectory(target)) {
      if (!recursive) {
        io.stderr(`rm: cannot remove '${target}': Is a directory\n`);
        code = 1;
        continue;
      }
      for (const file of fs.filesUnder(target)) fs.remove(file);
      fs.rmdir(target);
      continue;
    }
    if (!fs.remove(target) && !force) {
      io.stderr(`rm: cannot remove '${target}': No such file or directory\n`);
      code = 1;
    }
  }
  return code;
};

export const mkdir: ShellCommand = (args, io, shell) => {
  const { flags, operands } = splitFlags(args);
  const fs = shell.machine.fs;
  if (operands.length === 0) {
    io.stderr(`mkdir: missing operand\nTry 'mkdir --help' for more information.\n`);
    return 1;
  }
  let code = 0;
  for (const dir of operands) {
    const exists = fs.isDirectory(dir) || fs.exists(dir);
    const parent = fs.resolve(dir).replace(/\/[^/]*$/, '') || '/';
    if (exists && !flags.has('p')) {
      io.stderr(`mkdir: cannot create directory ‘${dir}’: File exists\n`);
      code = 1;
    } else if (!fs.isDirectory(parent) && !flags.has('p')) {
      io.stderr(`mkdir: cannot create directory ‘${dir}’: No such file or directory\n`);
      code = 1;
    } else if (!exists) fs.mkdir(dir);
  }
  return code;
};

export const cd: ShellCommand = (args, io, shell) => {
  const fs = shell.machine.fs;
  const target =
    args[0] === undefined || args[0] === '~'
      ? fs.home
      : args[0] === '-'
        ? (shell.env.get('OLDPWD') ?? fs.cwd)
        : args[0];
  if (args.length > 1) {
    io.stderr(`${shellPrefix(shell.machine)}: cd: too many arguments\n`);
    return 1;
  }
  if (!fs.isDirectory(target)) {
    io.stderr(
      `${shellPrefix(shell.machine)}: cd: ${target}: ${fs.exists(target) ? 'Not a directory' : 'No such file or directory'}\n`,
    );
    return 1;
  }
  shell.env.set('OLDPWD', fs.cwd);
  fs.cwd = fs.resolve(target);
  if (args[0] === '-') io.stdout(`${fs.cwd}\n`);
  return 0;
};

export const pwd: ShellCommand = (_args, io, shell) => {
  io.stdout(`${shell.machine.fs.cwd}\n`);
  return 0;
};

export const touch: ShellCommand = (args, io, shell) => {
  const { operands } = splitFlags(args);
  const fs = shell.machine.fs;
  if (operands.length === 0) {
    io.stderr(`touch: missing file operand\nTry 'touch --help' for more information.\n`);
    return 1;
  }
  let code = 0;
  for (const file of operands) {
    const parent = fs.resolve(file).replace(/\/[^/]*$/, '') || '/';
    if (!fs.isDirectory(parent)) {
      io.stderr(`touch: cannot touch '${file}': No such file or directory\n`);
      code = 1;
    } else if (!fs.exists(file) && !fs.isDirectory(file)) fs.write(file, '');
  }
  return code;
};

function copyOrMove(tool: 'cp' | 'mv'): ShellCommand {
  return (args, io, shell) => {
    const { operands } = splitFlags(args);
    const fs = shell.machine.fs;
    if (operands.length < 2) {
      io.stderr(
        operands.length === 0
          ? `${tool}: missing file operand\nTry '${tool} --help' for more information.\n`
          : `${tool}: missing destination file operand after '${operands[0]}'\nTry '${tool} --help' for more information.\n`,
      );
      return 1;
    }
    const destination = operands[operands.length - 1] as string;
    const sources = operands.slice(0, -1);
    const intoDir = fs.isDirectory(destination);
    if (sources.length > 1 && !intoDir) {
      io.stderr(`${tool}: target '${destination}': Not a directory\n`);
      return 1;
    }
    let code = 0;
    for (const source of sources) {
      const content = fs.read(source);
      if (content === undefined) {
        io.stderr(
          fs.isDirectory(source) && tool === 'cp'
            ? `cp: -r not specified; omitting directory '${source}'\n`
            : `${tool}: cannot stat '${source}': No such file or directory\n`,
        );
        code = 1;
        continue;
      }
      const target = intoDir ? `${fs.resolve(destination)}/${basename(source)}` : destination;
      fs.write(target, content);
      if (tool === 'mv' && fs.resolve(target) !== fs.resolve(source)) fs.remove(source);
    }
    return code;
  };
}

export const cp = copyOrMove('cp');
export const mv = copyOrMove('mv');
