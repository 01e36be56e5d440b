/**
 * What the commands that change the cluster share: `--dry-run`, `-o`, the success line
 * (`service/web created (dry run)`), the server's warnings and the source a manifest error names.
 */
import { StatusError } from '../../../api/status-error.ts';
import type { KubeObject } from '../../../api/types.ts';
import { CommandError, type CommandContext } from '../../command.ts';
import { toJson } from '../../printers/json.ts';
import { resourceName } from '../../printers/name.ts';
import { toYaml } from '../../printers/yaml.ts';

export type DryRun = 'none' | 'client' | 'server';

/** `--dry-run`: none, client, server; a bare `--dry-run` is the deprecated client dry run. */
export function dryRunStrategy(context: CommandContext): DryRun {
  const value = (context.flag<string>('dry-run') as string | undefined) ?? 'none';
  if (value === 'unchanged') {
    context.stderr(
      `${klogWarningPrefix(context)}helpers.go:719] --dry-run is deprecated and can be replaced with --dry-run=client.\n`,
    );
    return 'client';
  }
  if (value === '' || value === 'none') return 'none';
  if (value === 'client' || value === 'server') return value;
  throw new CommandError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`);
}

/** klog's `W1126 07:10:57.207934   30701 ` header, on the virtual clock. */
function klogWarningPrefix(context: CommandContext): string {
  const date = new Date(context.runtime.clock.now());
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds() * 1000, 6)}`;
  return `W${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())} ${time}   12345 `;
}

const OUTPUT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml';

/** Fail early, before any change, on an `-o` the write commands cannot print. */
export function checkOutputFormat(context: CommandContext): void {
  const output = context.flag<string>('output') ?? '';
  if (['', 'json', 'yaml', 'name'].includes(output)) return;
  throw new CommandError(
    `unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUT_FORMATS}`,
  );
}

export interface PrintOptions {
  /** The past tense kubectl prints: created, configured, deleted, labeled... */
  verb: string;
  dryRun: DryRun;
  /** The object came from the API server (keys printed sorted, as kubectl's unstructured maps are). */
  fromServer: boolean;
}

/** `-o yaml|json|name`, or `kind.group/name verb[ (dry run)]`. */
export function printObject(context: CommandContext, object: KubeObject, options: PrintOptions): void {
  const output = context.flag<string>('output') ?? '';
  if (output === 'yaml') context.stdout(toYaml(object));
  else if (output === 'json') context.stdout(toJson(object, { sortKeys: options.fromServer }));
  else if (output === 'name') context.stdout(`${resourceName(object)}\n`);
  else context.stdout(`${resourceName(object)} ${options.verb}${dryRunSuffix(options.dryRun)}\n`);
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
}

export function printWarnings(context: CommandContext, warnings: readonly string[]): void {
  for (const warning of warnings) context.stderr(`Warning: ${warning}\n`);
}

/** cmdutil.AddSourceToErr: `error when creating "svc.yaml": ...`, keeping a server error's reason. */
export function addSourceToError(verb: string, source: string, error: unknown): unknown {
  if (!source) return error;
  if (error instanceof StatusError) {
    const { status } = error;
    const wrapped = new StatusError({
      message: `error when ${verb} "${source}": ${status.message}`,
      reason: status.reason,
      code: status.code,
      ...(status.details ? { details: status.details } : {}),
    });
    return wrapped;
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CommandError(`error when ${verb} "${source}": ${message}`);
}
