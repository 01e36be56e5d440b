/**
 * What `kubectl label` and `kubectl annotate` share (label.go, annotate.go): `TYPE NAME KEY=VAL... KEY-`,
 * `--overwrite`, `--list`, `--all`, `-l`, `--dry-run`, `-o`. The two differ only in the map they
 * change, how values are checked and the words they print.
 */
import type { KubeObject } from '../../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { formatErrors } from '../../manifests/aggregate.ts';
import { resolveTargets } from './targets.ts';
import { flagsFromHelp } from './help-flags.ts';
import { checkOutputFormat, dryRunStrategy, dryRunSuffix, printObject } from './output.ts';
import { resourceName } from '../../printers/name.ts';
import { splitResourcesAndPairs } from '../resources-and-pairs.ts';

interface MapCommandKind {
  /** `label` or `annotation`: the words in messages. */
  noun: string;
  field: 'labels' | 'annotations';
  parse(spec: readonly string[]): { set: Record<string, string>; remove: string[] };
  /** The line printed after a change: labeled / unlabeled / not labeled; annotated. */
  verb(before: KubeObject, after: KubeObject, overwrite: boolean): string;
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const LABELS: MapCommandKind = {
  noun: 'label',
  field: 'labels',
  parse(specs) {
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const spec of specs) {
      if (spec.includes('=')) {
        const parts = spec.split('=');
        if (parts.length !== 2) throw new CommandError(`invalid label spec: ${spec}`);
        const value = parts[1] as string;
        const errors: string[] = [];
        if (value.length > 63) errors.push('must be no more than 63 characters');
        if (!LABEL_VALUE.test(value)) {
          errors.push(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
          );
        }
        if (errors.length > 0)
          throw new CommandError(`invalid label value: ${JSON.stringify(spec)}: ${errors.join(';')}`);
        set[parts[0] as string] = value;
      } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
      else throw new CommandError(`unknown label spec: ${spec}`);
    }
    for (const key of remove)
      if (key in set) throw new CommandError('can not both modify and remove a label in the same command');
    return { set, remove };
  },
  verb(before, after, overwrite) {
    const oldJson = JSON.stringify(before);
    const newJson = JSON.stringify(after);
    if (oldJson === newJson) return 'not labeled';
    return !overwrite && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
  },
};

export const ANNOTATIONS: MapCommandKind = {
  noun: 'annotation',
  field: 'annotations',
  parse(specs) {
    const set: Record<string, string> = {};
    const remove: string[] = [];
    for (const spec of specs) {
      const eq = spec.indexOf('=');
      if (eq > 0) set[spec.slice(0, eq)] = spec.slice(eq + 1);
      else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
      else throw new CommandError(`invalid annotation format: ${spec}`);
    }
    for (const key of remove)
      if (key in set)
        throw new CommandError('can not both modify and remove an annotation in the same command');
    return { set, remove };
  },
  verb: () => 'annotated',
};

export function mapCommand(name: string, kind: MapCommandKind, short: string): KubectlCommand {
  return {
    name,
    short,
    flags: flagsFromHelp(name),
    run: (context) => runMapCommand(context, kind),
  };
}

function runMapCommand(context: CommandContext, kind: MapCommandKind): number {
  const { resources, pairs } = splitResourcesAndPairs(context.positionals, kind.noun);
  const list = context.flag<boolean>('list');
  if (pairs.length === 0 && !list) throw new CommandError(`at least one ${kind.noun} update is required`);
  const { set, remove } = kind.parse(pairs);
  checkOutputFormat(context);
  const dryRun = dryRunStrategy(context);
  const overwrite = context.flag<boolean>('overwrite');
  const resolved = resolveTargets(context, { args: resources });
  const errors: unknown[] = [];
  for (const info of resolved.targets) {
    const before = structuredClone(info.object) as KubeObject;
    if (list) {
      for (const [key, value] of Object.entries(before.metadata[kind.field] ?? {}))
        context.stdout(`${key}=${value}\n`);
      continue;
    }
    try {
      if (!overwrite) {
        const current = before.metadata[kind.field] ?? {};
        const conflicts = Object.entries(set)
          .filter(([key, value]) => key in current && current[key] !== value)
          .map(([key]) => `'${key}' already has a value (${current[key]}), and --overwrite is false`);
        if (conflicts.length > 0) throw new CommandError(conflicts.join('\n'));
      }
      const after = structuredClone(before);
      const map: Record<string, string> = { ...after.metadata[kind.field], ...set };
      for (const key of remove) {
        if (!(key in map) && kind.field === 'labels')
          context.stdout(`label ${JSON.stringify(key)} not found.\n`);
        delete map[key];
      }
      after.metadata[kind.field] = map;
      if (Object.keys(map).length === 0) delete after.metadata[kind.field];
      let written = after;
      const verb = kind.verb(before, after, overwrite);
      if (dryRun !== 'client' && verb !== 'not labeled') {
        written = context.runtime.api.update(info.type.resource, after, {
          dryRun: dryRun === 'server',
          fieldManager: `kubectl-${context.path}`,
        }).object;
      }
      if ((context.flag<string>('output') ?? '') !== '')
        printObject(context, written, { verb, dryRun, fromServer: true });
      else context.stdout(`${resourceName(written)} ${verb}${dryRunSuffix(dryRun)}\n`);
    } catch (error) {
      errors.push(error);
    }
  }
  errors.push(...resolved.errors);
  const { text, exitCode } = formatErrors(errors, context.path);
  context.stderr(text);
  return exitCode;
}
