/**
 * Running a program inside a container, for `kubectl exec POD -- CMD` and `kubectl run --rm -it`:
 * the container's own tools (only those its image ships), its environment (Service variables
 * included), its /etc/resolv.conf, and requests that start from the pod, where Service names
 * resolve and ClusterIPs answer.
 */
import type { Container } from '../api/types.ts';
import type { Runtime } from '../runtime.ts';
import { ShellSession } from './interpreter.ts';
import type { AttachedShell } from './terminal.ts';
import { VirtualFs } from './vfs.ts';
import type { CommandIO, Machine, ShellCommand } from './command.ts';
import { PROGRAMS, SHELL_BUILTINS } from './commands/index.ts';
import { findImage } from '../net/images.ts';
import { CLUSTER_DNS_IP, type StoredPod } from '../net/addresses.ts';
import { searchDomains } from '../net/dns.ts';
import { containerEnvironment } from '../net/service-env.ts';
import {
  ContainerExecError,
  type PodExecIO,
  type PodExecResult,
  type PodExecTarget,
} from '../net/container-exec.ts';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** `attach`: hands the container's shell to the terminal (a live `-it` with no script). */
export async function runInPod(
  runtime: Runtime,
  target: PodExecTarget,
  argv: string[],
  io: PodExecIO,
  attach: (shell: AttachedShell) => void,
): Promise<PodExecResult> {
  const pod = runtime.api.get('pods', target.namespace, target.pod) as StoredPod;
  const container = target.container
    ? pod.spec?.containers?.find((c) => c.name === target.container)
    : pod.spec?.containers?.[0];
  const status = pod.status?.containerStatuses?.find((s) => s.name === (container?.name ?? target.container));
  const running = status ? status.state?.running !== undefined : pod.status?.phase === 'Running';
  if (!container || !running) {
    throw new Error(
      `unable to upgrade connection: container not found ("${container?.name ?? target.container ?? ''}")`,
    );
  }
  const image = findImage(container.image ?? '');
  const executables = new Set(image?.executables ?? []);
  const [program = '', ...args] = argv;
  const name = program.split('/').pop() ?? program;
  if (!executables.has(name)) {
    const execId = runtime.random.string(64, '0123456789abcdef');
    throw new ContainerExecError(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH'}: unknown`,
    );
  }
  const machine = containerMachine(runtime, pod, container, executables, image?.shell);
  const session = new ShellSession(runtime, machine);
  const commandIO: CommandIO = {
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal,
    interactive: io.interactive ?? false,
    tty: io.tty ?? false,
  };
  if (SHELLS.has(name)) {
    if (args.length === 0 && io.stdin === '' && io.interactive && io.tty) {
      // A live terminal with `-it` and no script: the learner's next lines run in this shell.
      attach({ session, onExit: io.onExit });
      return 'attached';
    }
    const script = args[0] === '-c' ? args[1] : args[0] === undefined ? io.stdin : undefined;
    if (script === undefined) {
      io.stderr(`${name}: can't open '${args[0]}': No such file or directory\n`);
      return machine.shell === 'ash' ? 2 : 127;
    }
    const code = await session.run(script, { ...commandIO, stdin: args[0] === '-c' ? io.stdin : '' });
    return session.exited ? session.lastExitCode : code;
  }
  return session.invoke([name, ...args], commandIO);
}

function containerMachine(
  runtime: Runtime,
  pod: StoredPod,
  container: Container,
  executables: ReadonlySet<string>,
  shell: 'ash' | 'dash' | 'bash' | undefined,
): Machine {
  const commands = new Map<string, ShellCommand>();
  for (const [name, command] of PROGRAMS) if (executables.has(name)) commands.set(name, command);
  if (shell) for (const [name, command] of SHELL_BUILTINS) commands.set(name, command);
  const fs = new VirtualFs('/root');
  fs.cwd = '/';
  const namespace = pod.metadata.namespace;
  fs.write(
    '/etc/resolv.conf',
    `search ${searchDomains(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`,
  );
  fs.write('/etc/hostname', `${pod.metadata.name}\n`);
  fs.write(
    '/etc/hosts',
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${pod.status?.podIP ?? ''}\t${pod.metadata.name}\n`,
  );
  for (const dir of ['/bin', '/dev', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'])
    fs.mkdir(dir);
  return {
    shell: shell ?? 'ash',
    hostname: pod.metadata.name,
    fs,
    commands,
    origin: { kind: 'pod', namespace, name: pod.metadata.name },
    env: containerEnvironment(runtime, pod, container, findImage(container.image ?? '')),
  };
}
