/**
 * `kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [--restart] [--expose] [-- CMD...]`
 * (run.go): one pod, labelled `run=NAME` unless told otherwise; `--expose` adds a ClusterIP
 * Service; `--rm -it` runs a throw-away pod attached to the terminal and deletes it afterwards.
 */
import type { KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { ContainerExecError } from '../../net/container-exec.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy, printObject, type DryRun } from './write/output.ts';
import { serverCreate } from './write/server-write.ts';
import { parseLabels } from './write/parse-labels.ts';
import { waitOnClock } from './write/wait-clock.ts';
import { toYaml } from '../printers/yaml.ts';
import { parseGoDuration } from '../flags.ts';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PULL_POLICIES = ['', 'Always', 'IfNotPresent', 'Never'];

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  flags: flagsFromHelp('run', {
    env: { type: 'stringArray', default: [] },
    annotations: { type: 'stringArray', default: [] },
    'pod-running-timeout': { type: 'duration', default: '1m0s' },
  }),
  async run(context) {
    const name = context.positionals[0];
    if (name === undefined) throw new UsageError('NAME is required for run');
    const image = context.flag<string>('image');
    if (!context.changed('image')) throw new CommandError('required flag(s) "image" not set');
    const restart = context.flag<string>('restart');
    if (!RESTART_POLICIES.includes(restart)) throw new UsageError(`invalid restart policy: ${restart}`);
    const pullPolicy = context.flag<string>('image-pull-policy');
    if (!PULL_POLICIES.includes(pullPolicy)) throw new UsageError(`invalid image pull policy: ${pullPolicy}`);
    const interactive = context.flag<boolean>('stdin');
    const tty = context.flag<boolean>('tty');
    const attach = context.flag<boolean>('attach') || interactive;
    const remove = context.flag<boolean>('rm');
    if (remove && !attach) throw new UsageError('--rm should only be used for attached containers');
    if (tty && !interactive) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true');
    const port = context.flag<string>('port');
    const expose = context.flag<boolean>('expose');
    if (expose && port === '') throw new UsageError('--port must be set when exposing a service');
    checkOutputFormat(context);
    const dryRun = dryRunStrategy(context);
    if (attach && dryRun !== 'none')
      throw new UsageError(
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
      );

    const pod = generatePod(context, name, image, { restart, pullPolicy, interactive, tty, attach });
    const service = expose ? generateService(name, Number(port), pod.metadata.labels ?? {}) : undefined;
    if (dryRun === 'client') {
      printDryRun(context, service, pod, dryRun);
      return 0;
    }
    const write = {
      dryRun: dryRun === 'server',
      validate: 'strict' as const,
      fieldManager: context.flag<string>('field-manager'),
    };
    const created = serverCreate(
      context,
      'pods',
      { ...pod, metadata: { ...pod.metadata, namespace: context.namespace } },
      write,
    );
    if (service) {
      const createdService = serverCreate(
        context,
        'services',
        { ...service, metadata: { ...service.metadata, namespace: context.namespace } },
        write,
      );
      printObject(context, createdService, { verb: 'created', dryRun, fromServer: true });
    }
    if (!attach) {
      printObject(context, created, { verb: 'created', dryRun, fromServer: true });
      return 0;
    }
    return attachToPod(context, created, { remove, tty, restart });
  },
};

interface PodOptions {
  restart: string;
  pullPolicy: string;
  interactive: boolean;
  tty: boolean;
  attach: boolean;
}

/** The pod run.go's generator builds, in the Go types' field order (the request body and -o json). */
function generatePod(context: CommandContext, name: string, image: string, options: PodOptions): KubeObject {
  const labelsFlag = context.flag<string>('labels');
  const labels = labelsFlag === '' ? { run: name } : parseLabels(labelsFlag);
  const annotations = Object.fromEntries(
    (context.flag<string[]>('annotations') ?? []).map((a) => {
      const eq = a.indexOf('=');
      if (eq <= 0) throw new CommandError(`invalid annotation spec: ${a}`);
      return [a.slice(0, eq), a.slice(eq + 1)];
    }),
  );
  const args = context.args.afterDash ?? [];
  const env = (context.flag<string[]>('env') ?? []).map((pair) => {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CommandError(`invalid env: ${pair}`);
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
  });
  const port = context.flag<string>('port');
  if (port !== '' && !/^[+-]?\d+$/.test(port))
    throw new CommandError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  const container: Record<string, unknown> = { name, image };
  if (args.length > 0) container[context.flag<boolean>('command') ? 'command' : 'args'] = args;
  if (port !== '') container['ports'] = [{ containerPort: Number(port) }];
  if (env.length > 0) container['env'] = env;
  container['resources'] = {};
  if (options.pullPolicy) container['imagePullPolicy'] = options.pullPolicy;
  if (context.flag<boolean>('privileged')) container['securityContext'] = { privileged: true };
  if (options.interactive) {
    container['stdin'] = true;
    if (!context.flag<boolean>('leave-stdin-open')) container['stdinOnce'] = true;
  }
  if (options.tty) container['tty'] = true;
  const metadata: KubeObject['metadata'] = { name, labels };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: options.restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
}

function generateService(name: string, port: number, selector: Record<string, string>): KubeObject {
  return {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name },
    spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: { ...selector } },
    status: { loadBalancer: {} },
  };
}

/** With `--expose`, kubectl prints the service first, then the pod; YAML printers separate them twice. */
function printDryRun(
  context: CommandContext,
  service: KubeObject | undefined,
  pod: KubeObject,
  dryRun: DryRun,
): void {
  const output = context.flag<string>('output');
  if (service && output === 'yaml') {
    context.stdout(`${toYaml(service)}---\n---\n${toYaml(pod)}`);
    return;
  }
  if (service) printObject(context, service, { verb: 'created', dryRun, fromServer: false });
  printObject(context, pod, { verb: 'created', dryRun, fromServer: false });
}

/**
 * `-i`/`-it`: wait for the pod to run, attach (the container's program runs here with the
 * shell's stdin), then with `--rm` delete the pod. Without a terminal behind stdin, kubectl says it
 * cannot use a TTY and the program reads what was piped in, as here.
 */
async function attachToPod(
  context: CommandContext,
  pod: KubeObject,
  options: { remove: boolean; tty: boolean; restart: string },
): Promise<number> {
  const { runtime } = context;
  const namespace = pod.metadata.namespace ?? context.namespace;
  const name = pod.metadata.name;
  const timeout = parseGoDuration(context.flag<string>('pod-running-timeout')) ?? 60_000;
  const phase = () =>
    ((runtime.api.tryGet('pods', namespace, name)?.['status'] ?? {}) as { phase?: string }).phase;
  const running = await waitOnClock(
    context,
    () => phase() === 'Running' || phase() === 'Succeeded' || phase() === 'Failed',
    timeout,
  );
  let exitCode = 0;
  if (!running) {
    context.stderr(`error: timed out waiting for the condition\n`);
    exitCode = 1;
  } else {
    if (options.tty) {
      if (context.interactive) context.stderr("If you don't see a command prompt, try pressing enter.\n");
      else context.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    }
    const spec = (pod['spec'] ?? {}) as { containers?: { command?: string[]; args?: string[] }[] };
    const container = spec.containers?.[0] ?? {};
    const argv = [...(container.command ?? []), ...(container.args ?? [])];
    try {
      const result = await runtime.execInPod({ namespace, pod: name }, argv.length > 0 ? argv : ['sh'], {
        stdin: context.stdin,
        stdout: context.stdout,
        stderr: context.stderr,
        signal: context.signal,
        interactive: context.interactive,
        tty: options.tty,
        onExit: (io) => {
          if (options.remove) io.stdout(deletePod(context, namespace, name));
          else
            io.stdout(
              `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`,
            );
        },
      });
      // A live terminal with `-it` and a bare shell attaches the learner to the container's shell;
      // the pod is deleted when that shell exits (onExit above).
      if (result === 'attached') return 0;
      exitCode = result;
    } catch (error) {
      if (!(error instanceof ContainerExecError)) throw error;
      context.stderr(`error: ${error.message}\n`);
      exitCode = 1;
    }
  }
  if (options.remove) context.stdout(deletePod(context, namespace, name));
  if (exitCode !== 0 && options.restart !== 'Always') {
    context.stderr(`pod ${namespace}/${name} terminated (Error)\n`);
    return exitCode;
  }
  return 0;
}

/** `--rm`: the pod goes, and kubectl says so in delete's words. */
function deletePod(context: CommandContext, namespace: string, name: string): string {
  context.runtime.api.delete('pods', namespace, name, { gracePeriodSeconds: 0 });
  return `pod "${name}" deleted from ${namespace} namespace\n`;
}
