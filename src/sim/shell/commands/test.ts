/** `test EXPR` and `[ EXPR ]`: strings, integers, files, `!`, `-a`, `-o`, as coreutils and bash do. */
import type { ShellCommand, ShellContext } from '../command.ts';
import { shellPrefix } from '../command.ts';

class TestError extends Error {}

function evaluate(args: string[], shell: ShellContext): boolean {
  let index = 0;
  const fs = shell.machine.fs;
  const integer = (text: string): number => {
    if (!/^\s*-?\d+\s*$/.test(text)) throw new TestError(`${text}: integer expression expected`);
    return Number(text);
  };
  const primary = (): boolean => {
    const token = args[index];
    if (token === '!') {
      index++;
      return !primary();
    }
    if (token === '(') {
      index++;
      const value = or();
      if (args[index++] !== ')') throw new TestError("')' expected");
      return value;
    }
    const next = args[index + 1];
    const third = args[index + 2];
    const binaries = ['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge'];
    if (next !== undefined && binaries.includes(next) && third !== undefined) {
      index += 3;
      const left = token ?? '';
      switch (next) {
        case '=':
        case '==':
          return left === third;
        case '!=':
          return left !== third;
        case '-eq':
          return integer(left) === integer(third);
        case '-ne':
          return integer(left) !== integer(third);
        case '-lt':
          return integer(left) < integer(third);
        case '-le':
          return integer(left) <= integer(third);
        case '-gt':
          return integer(left) > integer(third);
        default:
          return integer(left) >= integer(third);
      }
    }
    if (token !== undefined && /^-[znfdes]$/.test(token) && next !== undefined) {
      index += 2;
      switch (token) {
        case '-z':
          return next === '';
        case '-n':
          return next !== '';
        case '-f':
          return fs.exists(next);
        case '-d':
          return fs.isDirectory(next);
        case '-s':
          return (fs.read(next) ?? '') !== '';
        default:
          return fs.exists(next) || fs.isDirectory(next);
      }
    }
    index++;
    return token !== undefined && token !== '';
  };
  const and = (): boolean => {
    let value = primary();
    while (args[index] === '-a') {
      index++;
      value = primary() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (args[index] === '-o') {
      index++;
      value = and() || value;
    }
    return value;
  };
  if (args.length === 0) return false;
  const result = or();
  if (index < args.length) throw new TestError(`${args[index]}: unexpected operator`);
  return result;
}

function run(name: string, args: string[], io: Parameters<ShellCommand>[1], shell: ShellContext): number {
  try {
    return evaluate(args, shell) ? 0 : 1;
  } catch (error) {
    io.stderr(`${shellPrefix(shell.machine)}: ${name}: ${(error as Error).message}\n`);
    return 2;
  }
}

export const test: ShellCommand = (args, io, shell) => run('test', args, io, shell);

export const bracket: ShellCommand = (args, io, shell) => {
  if (args[args.length - 1] !== ']') {
    io.stderr(`${shellPrefix(shell.machine)}: [: missing \`]'\n`);
    return 2;
  }
  return run('[', args.slice(0, -1), io, shell);
};
