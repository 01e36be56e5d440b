/**
 * `kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N-` (set_env.go, env/env_parse.go): adds,
 * replaces or removes environment variables in the containers of a pod template, or `--list`s them
 * as `# Deployment web, container hello` followed by `KEY=value` lines.
 */
import type { KubeObject } from '../../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../../command.ts';
import { CommandError } from '../../command.ts';
import { formatErrors } from '../../manifests/aggregate.ts';
import { resolveResourceArgs } from '../../resource-args.ts';
import { flagsFromHelp } from '../write/help-flags.ts';
import { checkOutputFormat, dryRunStrategy } from '../write/output.ts';
import { sendUpdate } from './send-update.ts';
import { objectName, setTargets } from './local.ts';
import { notAPodTemplate, podSpecOf, unchanged, type Container, type EnvVar } from './pod-template.ts';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

export const setEnvCommand: KubectlCommand = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  flags: flagsFromHelp('set env', { env: { type: 'stringArray', default: [] } }),
  run(context) {
    if (context.flag<boolean>('all') && (context.flag<string>('selector') ?? '') !== '')
      throw new CommandError('cannot set --all and --selector at the same time');
    const split = splitEnvironmentFromResources(context.positionals);
    if (!split)
      throw new CommandError(
        `all resources must be specified before environment changes: ${context.positionals.join(' ')}`,
      );
    const dryRun = dryRunStrategy(context);
    checkOutputFormat(context);
    const list = context.flag<boolean>('list');
    if ((context.flag<string[]>('filename') ?? []).length === 0 && split.resources.length === 0)
      throw new CommandError(
        'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      );
    if (list && (context.flag<string>('output') ?? '') !== '')
      throw new CommandError('--list and --output may not be specified together');
    const keys = context.flag<string[]>('keys') ?? [];
    const from = context.flag<string>('from') ?? '';
    if (keys.length > 0 && from === '')
      throw new CommandError('when specifying --keys, a configmap or secret must be provided with --from');

    const { env, remove } = parseEnv(
      [...(context.flag<string[]>('env') ?? []), ...split.envArgs],
      context.stdin,
    );
    if (from !== '') env.push(...envFrom(context, from, keys));
    const prefix = context.flag<string>('prefix') ?? '';
    for (const variable of env) variable.name = `${prefix}${variable.name}`;

    const { local, ...resolved } = setTargets(context, split.resources, dryRun);
    if (resolved.errors.length > 0) {
      const { text, exitCode } = formatErrors(resolved.errors, context.path);
      context.stderr(text);
      return exitCode;
    }
    const selector = context.flag<string>('containers') ?? '*';
    const overwrite = context.flag<boolean>('overwrite');
    const errors: unknown[] = [];
    for (const target of resolved.targets) {
      const after = structuredClone(target.object);
      const spec = podSpecOf(after);
      if (!spec) {
        errors.push(new CommandError(`error: ${notAPodTemplate(objectName(target, local), target)}\n`));
        continue;
      }
      const containers = [...matching(spec.containers, selector), ...matching(spec.initContainers, selector)];
      if (containers.length === 0) {
        context.stderr(
          `Warning: ${after.kind}/${after.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`,
        );
        continue;
      }
      try {
        for (const container of containers) {
          if (!overwrite) refuseOverwrites(container.env ?? [], env);
          const updated = updateEnv(container.env ?? [], env, remove);
          if (updated.length > 0) container.env = updated;
          else delete container.env;
          if (list) printList(context, after, container, context.flag<boolean>('resolve'));
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(new CommandError(`error: ${objectName(target, local)} ${message}\n`));
        continue;
      }
      if (list || unchanged(target.object, after)) continue;
      sendUpdate(context, target, after, {
        field: 'env',
        local,
        dryRun,
        errors,
        afterUpdate() {
          if (env.length === 0 && split.envArgs.length === 0)
            throw new CommandError('at least one environment variable must be provided');
        },
      });
    }
    const { text, exitCode } = formatErrors(errors, context.path);
    context.stderr(text);
    return exitCode;
  },
};

/** envutil.SplitEnvironmentFromResources: resources come first; undefined when one follows a variable. */
function splitEnvironmentFromResources(
  args: readonly string[],
): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const arg of args) {
    const isEnv = /^.+=/s.test(arg) || arg.endsWith('-');
    if (isEnv) envArgs.push(arg);
    else if (envArgs.length > 0) return undefined;
    else resources.push(arg);
  }
  return { resources, envArgs };
}

/** envutil.ParseEnv: `KEY=VALUE`, `KEY-`, and `-` for KEY=VALUE lines on stdin. */
function parseEnv(specs: readonly string[], stdin: string): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec === '-') env.push(...readEnv(stdin));
    else if (spec.includes('=')) {
      const eq = spec.indexOf('=');
      const name = spec.slice(0, eq);
      const problems = envNameErrors(name);
      if (problems.length > 0)
        throw new CommandError(`${JSON.stringify(name)} is not a valid key name: ${problems.join(';')}`);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new CommandError(`unknown environment variable: ${spec}`);
  }
  if (remove.some((name) => env.some((variable) => variable.name === name)))
    throw new CommandError(
      'can not both modify and remove the same environment variable in the same command',
    );
  return { env, remove };
}

/** validation.IsEnvVarName. */
function envNameErrors(name: string): string[] {
  const errors: string[] = [];
  if (!ENV_NAME.test(name))
    errors.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  if (name === '.') errors.push("must not be '.'");
  else if (name === '..') errors.push("must not be '..'");
  else if (name.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/** readEnv: `KEY=VALUE` lines, `#` starting a comment. */
function readEnv(text: string): EnvVar[] {
  const env: EnvVar[] = [];
  for (const line of text.split('\n')) {
    const hash = line.indexOf('#');
    const spec = hash === -1 ? line : line.slice(0, hash);
    const eq = spec.indexOf('=');
    if (eq !== -1) env.push({ name: spec.slice(0, eq), value: spec.slice(eq + 1) });
  }
  return env;
}

/** `--from=configmap/NAME` or `secret/NAME`: one variable per key (`--keys` picks), named as the key in capitals. */
function envFrom(context: CommandContext, from: string, keys: readonly string[]): EnvVar[] {
  const resolved = resolveResourceArgs(context.runtime, [from], { namespace: context.namespace });
  if (resolved.errors.length > 0) throw resolved.errors[0];
  const env: EnvVar[] = [];
  for (const info of resolved.infos) {
    const kind = info.object.kind;
    if (kind !== 'ConfigMap' && kind !== 'Secret')
      throw new CommandError('unsupported resource specified in --from');
    const data = (info.object['data'] ?? {}) as Record<string, string>;
    // kubectl walks the keys in Go's map order, which changes from run to run; sorted here.
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue;
      const ref = { name: info.name, key };
      const name = key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase();
      if (name !== key) context.stderr(`Warning: key ${key} transferred to ${name}\n`);
      env.push({
        name,
        valueFrom: kind === 'Secret' ? { secretKeyRef: ref } : { configMapKeyRef: ref },
      });
    }
  }
  return env;
}

/** selectContainers: `-c` is a glob (path.Match) over container names. */
function matching(containers: Container[] | undefined, pattern: string): Container[] {
  const glob = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll('?', '.')}$`,
  );
  return (containers ?? []).filter((container) => glob.test(container.name));
}

function refuseOverwrites(existing: readonly EnvVar[], env: readonly EnvVar[]): void {
  for (const variable of env) {
    const current = existing.find((e) => e.name === variable.name);
    if (current && current.value !== variable.value)
      throw new Error(
        `'${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`,
      );
  }
}

/** updateEnv: existing variables keep their place (replaced or removed), new ones go last. */
function updateEnv(existing: readonly EnvVar[], env: readonly EnvVar[], remove: readonly string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const variable of existing) {
    if (covered.has(variable.name)) continue;
    const newer = env.find((e) => e.name === variable.name);
    if (newer) {
      covered.add(variable.name);
      out.push(newer);
    } else out.push(variable);
  }
  for (const variable of env) {
    if (covered.has(variable.name)) continue;
    covered.add(variable.name);
    out.push(variable);
  }
  return out;
}

/** `--list`: values as set, references as envutil.GetEnvVarRefString names them or, with `--resolve`, their values. */
function printList(
  context: CommandContext,
  object: KubeObject,
  container: Container,
  resolve: boolean,
): void {
  context.stdout(`# ${object.kind} ${object.metadata.name}, container ${container.name}\n`);
  for (const variable of container.env ?? []) {
    if (!variable.valueFrom) {
      context.stdout(`${variable.name}=${variable.value ?? ''}\n`);
      continue;
    }
    const value = resolve ? resolvedValue(context, object, variable.valueFrom) : undefined;
    if (value !== undefined) context.stdout(`${variable.name}=${value}\n`);
    else context.stdout(`# ${variable.name} from ${referenceOf(variable.valueFrom)}\n`);
  }
}

/** envutil.GetEnvVarRefValue for the references a learner meets: ConfigMap and Secret keys. */
function resolvedValue(
  context: CommandContext,
  object: KubeObject,
  from: NonNullable<EnvVar['valueFrom']>,
): string | undefined {
  const namespace = object.metadata.namespace ?? context.namespace;
  const ref = from.configMapKeyRef ?? from.secretKeyRef;
  if (!ref?.name) return undefined;
  const source = context.runtime.api.tryGet(
    from.configMapKeyRef ? 'configmaps' : 'secrets',
    namespace,
    ref.name,
  );
  const data = (source?.['data'] ?? {}) as Record<string, string>;
  const value = data[ref.key];
  if (value === undefined) return undefined;
  return from.secretKeyRef ? atob(value) : value;
}

function referenceOf(from: NonNullable<EnvVar['valueFrom']>): string {
  if (from.configMapKeyRef)
    return `configmap ${from.configMapKeyRef.name ?? ''}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name ?? ''}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const prefix = from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : '';
    return `resource field ${prefix}${from.resourceFieldRef.resource}`;
  }
  return 'invalid valueFrom';
}
