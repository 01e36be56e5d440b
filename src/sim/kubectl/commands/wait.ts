/**
 * `kubectl wait --for=condition=Ready|delete|jsonpath='{...}'=VALUE (TYPE NAME | TYPE -l SEL)`
 * (wait.go): lets the virtual clock run until each object meets the condition, printing
 * `pod/web-x condition met`, or fails with `timed out waiting for the condition on pods/web-x`.
 */
import type { KubeObject } from '../../api/types.ts';
import type { KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { parseGoDuration } from '../flags.ts';
import { resourceName } from '../printers/name.ts';
import { flagsFromHelp } from './write/help-flags.ts';
import { resolveTargets, type Target } from './write/targets.ts';
import { waitOnClock } from './write/wait-clock.ts';

type Condition =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; name: string; value: string }
  | { kind: 'jsonpath'; path: string[]; value: string | undefined };

export const waitCommand: KubectlCommand = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  flags: flagsFromHelp('wait'),
  async run(context) {
    const condition = parseFor(context.flag<string>('for'));
    const timeout = parseGoDuration(context.flag<string>('timeout')) ?? 30_000;
    const { targets, errors } = resolveTargets(context);
    if (condition.kind === 'delete' && errors.length > 0 && targets.length === 0) return 0;
    if (errors.length > 0) throw errors[0];
    if (targets.length === 0) throw new CommandError('no matching resources found');
    const { api } = context.runtime;
    const current = (target: Target) => api.tryGet(target.type.resource, target.namespace, target.name);
    for (const target of targets) {
      const met = () => {
        const object = current(target);
        if (condition.kind === 'delete') return !object || object.metadata.uid !== target.object.metadata.uid;
        if (!object) return false;
        return meets(object, condition);
      };
      if (!(await waitOnClock(context, met, timeout))) {
        if (context.signal?.aborted) return 130;
        throw new CommandError(
          `timed out waiting for the condition on ${target.type.resource}/${target.name}`,
        );
      }
      context.stdout(`${resourceName(target.object)} condition met\n`);
    }
    return 0;
  },
};

function parseFor(value: string): Condition {
  const lower = value.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = value.slice('condition='.length);
    const eq = rest.indexOf('=');
    return eq < 0
      ? { kind: 'condition', name: rest, value: 'true' }
      : { kind: 'condition', name: rest.slice(0, eq), value: rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = value.slice('jsonpath='.length);
    const match = /^\{?\.?([^}=]*)\}?(?:=(.*))?$/.exec(rest.replace(/^'|'$/g, ''));
    if (!match || match[1] === '')
      throw new CommandError(
        "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
      );
    return { kind: 'jsonpath', path: (match[1] as string).split('.').filter(Boolean), value: match[2] };
  }
  throw new CommandError(`unrecognized condition: ${JSON.stringify(value)}`);
}

function meets(object: KubeObject, condition: Condition): boolean {
  if (condition.kind === 'create') return true;
  if (condition.kind === 'condition') {
    const conditions =
      ((object['status'] ?? {}) as { conditions?: { type: string; status: string }[] }).conditions ?? [];
    const found = conditions.find((c) => c.type.toLowerCase() === condition.name.toLowerCase());
    return found !== undefined && found.status.toLowerCase() === condition.value.toLowerCase();
  }
  if (condition.kind === 'jsonpath') {
    let value: unknown = object;
    for (const part of condition.path) {
      if (value === null || typeof value !== 'object') return false;
      value = (value as Record<string, unknown>)[part];
    }
    if (value === undefined) return false;
    return condition.value === undefined ? true : String(value) === condition.value;
  }
  return false;
}
