/**
 * `kubectl logs (POD | TYPE/NAME | -l SELECTOR) [-c CONTAINER] [-f] [--tail] [--since]
 * [--timestamps] [--prefix]` (logs.go): what the simulated apps wrote, one line per request served,
 * with the kubelet's refusals for containers that have not started.
 */
import type { KubeObject } from '../../api/types.ts';
import { StatusError } from '../../api/status-error.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError, UsageError } from '../command.ts';
import { parseGoDuration } from '../flags.ts';
import { resolveResourceArgs } from '../resource-args.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { containerOf, podForArgument } from './write/pod-target.ts';
import { checkContainerStarted } from '../../api/pod-log-status.ts';

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  flags: flagsFromHelp('logs'),
  async run(context) {
    const selector = context.flag<string>('selector');
    const args = context.positionals;
    if (selector === '' && args.length === 0) {
      throw new UsageError(
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      );
    }
    if (selector !== '' && args.length > 0)
      throw new UsageError('only a selector (-l) or a POD name is allowed');
    if (args.length > 2)
      throw new UsageError(
        "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
      );
    const since = context.flag<string>('since');
    if (since !== '0s' && context.flag<string>('since-time') !== '')
      throw new CommandError('at most one of `sinceTime` or `sinceSeconds` may be specified');
    let tail = context.flag<number>('tail');
    let pods: KubeObject[];
    const prefix = context.flag<boolean>('prefix');
    if (selector !== '') {
      if (tail === -1) tail = 10;
      pods = resolveResourceArgs(context.runtime, ['pods'], {
        namespace: context.namespace,
        labelSelector: selector,
      }).infos.map((i) => i.object as KubeObject);
      if (pods.length === 0) {
        context.stderr(`No resources found in ${context.namespace} namespace.\n`);
        return 0;
      }
    } else {
      const argument = args.length === 2 ? `${args[0]}/${args[1]}` : (args[0] as string);
      let target;
      try {
        target = podForArgument(context, argument);
      } catch (error) {
        if (error instanceof StatusError && error.reason === 'NotFound') {
          throw new CommandError(
            `error from server (NotFound): ${error.message} in namespace "${context.namespace}"`,
          );
        }
        throw error;
      }
      if (target.matched > 1)
        context.stderr(`Found ${target.matched} pods, using pod/${target.pod.metadata.name}\n`);
      pods = [target.pod];
    }
    const sinceMs = parseGoDuration(since) ?? 0;
    const errors: unknown[] = [];
    for (const pod of pods) {
      const containers = context.flag<boolean>('all-containers')
        ? (((pod['spec'] ?? {}) as { containers?: { name: string }[] }).containers ?? []).map((c) => c.name)
        : [logsContainer(context, pod)];
      for (const container of containers) {
        try {
          printLogs(context, pod, container, { tail, sinceMs, prefix });
        } catch (error) {
          if (!context.flag<boolean>('ignore-errors')) errors.push(error);
        }
      }
    }
    if (errors.length > 0) throw errors[0];
    if (context.flag<boolean>('follow') && context.interactive) await follow(context, pods, prefix);
    return 0;
  },
};

interface PrintOptions {
  tail: number;
  sinceMs: number;
  prefix: boolean;
}

function printLogs(context: CommandContext, pod: KubeObject, container: string, options: PrintOptions): void {
  checkContainerStarted(pod, container);
  const namespace = pod.metadata.namespace ?? context.namespace;
  let lines = context.runtime.logs.read(namespace, pod.metadata.name, container);
  if (options.sinceMs > 0) {
    const from = context.runtime.clock.now() - options.sinceMs;
    lines = lines.filter((line) => line.time >= from);
  }
  if (options.tail >= 0) lines = options.tail === 0 ? [] : lines.slice(-options.tail);
  for (const line of lines) context.stdout(formatLine(context, pod, container, line, options.prefix));
}

function formatLine(
  context: CommandContext,
  pod: KubeObject,
  container: string,
  line: { time: number; text: string },
  prefix: boolean,
): string {
  let out = prefix ? `[pod/${pod.metadata.name}/${container}] ` : '';
  if (context.flag<boolean>('timestamps'))
    out += `${new Date(line.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} `;
  return `${out}${line.text}\n`;
}

/** `-f` in the terminal: keep printing new lines until Ctrl-C. Headless, logs -f returns at once. */
async function follow(context: CommandContext, pods: KubeObject[], prefix: boolean): Promise<void> {
  const { runtime } = context;
  const container = (pod: KubeObject) =>
    (((pod['spec'] ?? {}) as { containers?: { name: string }[] }).containers ?? [])[0]?.name ?? '';
  const seen = new Map(
    pods.map((pod) => [
      pod.metadata.name,
      runtime.logs.read(pod.metadata.namespace ?? context.namespace, pod.metadata.name, container(pod))
        .length,
    ]),
  );
  while (context.signal && !context.signal.aborted) {
    await runtime.wait(1000, context.signal);
    // Let the terminal's own events (Ctrl-C) run between seconds.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const pod of pods) {
      const lines = runtime.logs.read(
        pod.metadata.namespace ?? context.namespace,
        pod.metadata.name,
        container(pod),
      );
      const from = seen.get(pod.metadata.name) ?? 0;
      for (const line of lines.slice(from))
        context.stdout(formatLine(context, pod, container(pod), line, prefix));
      seen.set(pod.metadata.name, lines.length);
    }
  }
}

/** kubectl checks `-c` itself for logs (the server does for exec). */
function logsContainer(context: CommandContext, pod: KubeObject): string {
  try {
    return containerOf(context, pod, context.flag<string>('container'));
  } catch (error) {
    if (error instanceof StatusError) throw new CommandError(error.message);
    throw error;
  }
}
