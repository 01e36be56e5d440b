/**
 * `kubectl delete` (delete.go, 1.35 wording): by `TYPE NAME`, `TYPE/NAME`, `-f`, `-l`, `--all`;
 * prints `service "web" deleted from default namespace` for each, then (with the default `--wait`)
 * waits until they are gone — a pod takes its grace period, so the virtual clock moves on.
 */
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { StatusError } from '../../api/status-error.ts';
import { parseGoDuration } from '../flags.ts';
import { formatErrors } from '../manifests/aggregate.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { dryRunStrategy, type DryRun } from './write/output.ts';
import { resolveTargets, type Target } from './write/targets.ts';
import { waitOnClock } from './write/wait-clock.ts';
import { rejectKustomize } from './write/kustomize.ts';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

/** How long `--wait` waits when `--timeout` is 0 (kubectl: a week; the clock jumps anyway). */
const DEFAULT_WAIT_MS = 7 * 24 * 3600 * 1000;

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: flagsFromHelp('delete'),
  async run(context) {
    rejectKustomize(context);
    const output = context.flag<string>('output');
    if (output !== '' && output !== 'name')
      throw new CommandError(`unexpected -o output mode: ${output}. We only support '-o name'`);
    const selectAll = context.flag<boolean>('all');
    let gracePeriod = context.flag<number>('grace-period');
    const force = context.flag<boolean>('force');
    if (context.flag<boolean>('now')) {
      if (gracePeriod !== -1) throw new CommandError('--now and --grace-period cannot be specified together');
      gracePeriod = 1;
    }
    if (gracePeriod === 0 && !force) gracePeriod = 1;
    if (force && gracePeriod < 0) gracePeriod = 0;
    const cascade = context.flag<string>('cascade');
    if (!['background', 'foreground', 'orphan', 'true', 'false'].includes(cascade)) {
      throw new CommandError(
        `invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`,
      );
    }
    const dryRun = dryRunStrategy(context);
    const { targets, errors, byName } = resolveTargets(context, { missingVerb: 'deleting' });
    if (force) context.stderr(FORCE_WARNING);
    const ignoreNotFound = context.flag<boolean>('ignore-not-found') || selectAll;
    const failures = errors.filter(
      (e) => !(ignoreNotFound && e instanceof StatusError && e.reason === 'NotFound'),
    );
    const deleted: Target[] = [];
    for (const target of targets) {
      try {
        if (dryRun !== 'client') {
          context.runtime.api.delete(target.type.resource, target.namespace, target.name, {
            dryRun: dryRun === 'server',
            ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
          });
        }
        printDeleted(context, target, dryRun, gracePeriod === 0, output);
        deleted.push(target);
      } catch (error) {
        if (ignoreNotFound && error instanceof StatusError && error.reason === 'NotFound') continue;
        failures.push(error);
      }
    }
    if (targets.length === 0 && errors.length === 0 && !byName) context.stdout('No resources found\n');
    if (context.flag<boolean>('wait') && dryRun === 'none' && gracePeriod !== 0 && deleted.length > 0) {
      const timeout = parseGoDuration(context.flag<string>('timeout')) ?? 0;
      failures.push(...(await waitUntilGone(context, deleted, timeout > 0 ? timeout : DEFAULT_WAIT_MS)));
    }
    const { text, exitCode } = formatErrors(failures, context.path);
    context.stderr(text);
    return exitCode;
  },
};

function printDeleted(
  context: CommandContext,
  target: Target,
  dryRun: DryRun,
  forced: boolean,
  output: string,
): void {
  const kind = target.object.kind.toLowerCase();
  const kindString = target.type.group ? `${kind}.${target.type.group}` : kind;
  if (output === 'name') {
    context.stdout(`${kindString}/${target.name}\n`);
    return;
  }
  const operation = forced ? 'force deleted' : 'deleted';
  const where = target.namespace !== undefined ? ` from ${target.namespace} namespace` : '';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  context.stdout(`${kindString} "${target.name}" ${operation}${where}${suffix}\n`);
}

/** `--wait`: let the virtual clock run until every deleted object has left the store. */
async function waitUntilGone(
  context: CommandContext,
  targets: Target[],
  timeoutMs: number,
): Promise<Error[]> {
  const { api } = context.runtime;
  const remaining = () =>
    targets.filter(
      (t) => api.tryGet(t.type.resource, t.namespace, t.name)?.metadata.uid === t.object.metadata.uid,
    );
  if (await waitOnClock(context, () => remaining().length === 0, timeoutMs)) return [];
  if (context.signal?.aborted) return [];
  return remaining().map(
    (t) =>
      new CommandError(
        `timed out waiting for the condition on ${t.type.group ? `${t.type.resource}.${t.type.group}` : t.type.resource}/${t.name}`,
      ),
  );
}
