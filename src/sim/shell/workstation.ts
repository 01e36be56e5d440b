/**
 * The learner's workstation: bash on a Linux box next to the cluster's nodes, with kubectl, curl,
 * GNU wget and the usual tools. It reaches node IPs and load-balancer IPs, never ClusterIPs.
 */
import type { Machine, ShellCommand } from './command.ts';
import type { Runtime } from '../runtime.ts';
import { PROGRAMS, SHELL_BUILTINS } from './commands/index.ts';
import { runKubectl } from '../kubectl/kubectl.ts';
import { HOME } from './vfs.ts';
import { WORKSTATION_NAME } from '../net/addresses.ts';
import { helpText } from './help.ts';

const kubectl: ShellCommand = (args, io, shell) =>
  runKubectl(args, shell.runtime, {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal,
    interactive: io.interactive,
  });

const help: ShellCommand = (_args, io) => {
  io.stdout(helpText());
  return 0;
};

export function workstation(runtime: Runtime): Machine {
  const commands = new Map<string, ShellCommand>([
    ...PROGRAMS,
    ...SHELL_BUILTINS,
    ['kubectl', kubectl],
    ['help', help],
  ]);
  return {
    shell: 'bash',
    hostname: WORKSTATION_NAME,
    fs: runtime.fs,
    commands,
    origin: { kind: 'workstation' },
    env: new Map([
      ['HOME', HOME],
      ['USER', 'learner'],
      ['LOGNAME', 'learner'],
      ['SHELL', '/bin/bash'],
      ['PATH', '/usr/local/bin:/usr/bin:/bin'],
      ['TERM', 'xterm-256color'],
      ['LANG', 'C.UTF-8'],
      ['HOSTNAME', WORKSTATION_NAME],
    ]),
  };
}

/** The aliases a course workstation starts with: `k` for kubectl, as the Kubernetes docs suggest. */
export const DEFAULT_ALIASES: [string, string][] = [['k', 'kubectl']];
