/**
 * Every program the simulated machines know, by name. The workstation has them all (plus kubectl);
 * a container has those its image ships (images.ts lists them).
 */
import type { ShellCommand } from '../command.ts';
import { awk, base64, cut, grep, head, sed, seq, sort, tail, tee, tr, uniq, wc, xargs } from './text.ts';
import { cat, cd, cp, ls, mkdir, mv, pwd, rm, touch } from './files.ts';
import * as session from './session.ts';
import { bracket, test } from './test.ts';
import { curl } from './curl.ts';
import { wget } from './wget.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';

export const PROGRAMS: ReadonlyMap<string, ShellCommand> = new Map<string, ShellCommand>([
  ['awk', awk],
  ['base64', base64],
  ['cut', cut],
  ['grep', grep],
  ['head', head],
  ['sed', sed],
  ['seq', seq],
  ['sort', sort],
  ['tail', tail],
  ['tee', tee],
  ['tr', tr],
  ['uniq', uniq],
  ['wc', wc],
  ['xargs', xargs],
  ['cat', cat],
  ['cp', cp],
  ['ls', ls],
  ['mkdir', mkdir],
  ['mv', mv],
  ['rm', rm],
  ['touch', touch],
  ['clear', session.clear],
  ['date', session.date],
  ['env', session.env],
  ['hostname', session.hostname],
  ['printenv', session.printenv],
  ['sleep', session.sleep],
  ['whoami', session.whoami],
  ['which', session.which],
  ['watch', session.watch],
  ['vi', session.editor],
  ['vim', session.editor],
  ['nano', session.editor],
  ['curl', curl],
  ['wget', wget],
  ['nslookup', nslookup],
  ['ping', ping],
]);

/** Built into the shell itself: present wherever there is a shell. */
export const SHELL_BUILTINS: ReadonlyMap<string, ShellCommand> = new Map<string, ShellCommand>([
  ['alias', session.alias],
  ['cd', cd],
  ['echo', session.echo],
  ['exit', session.exit],
  ['export', session.exportCommand],
  ['false', session.falseCommand],
  ['history', session.history],
  ['jobs', session.jobs],
  ['kill', session.kill],
  ['printf', session.printf],
  ['test', test],
  ['[', bracket],
  ['pwd', pwd],
  ['true', session.trueCommand],
  ['type', session.type],
  ['unalias', session.unalias],
  ['unset', session.unset],
]);
