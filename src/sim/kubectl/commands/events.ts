/**
 * `kubectl events [-A] [--for TYPE/NAME] [--types=Normal,Warning] [-o FORMAT] [--no-headers]`
 * (kubectl/pkg/cmd/events/events.go and event_printer.go): the namespace's Events oldest first,
 * as LAST SEEN / TYPE / REASON / OBJECT / MESSAGE, or the EventList kubectl builds in a format.
 */
import type { KubeObject } from '../../api/types.ts';
import type { CommandContext, KubectlCommand } from '../command.ts';
import { CommandError } from '../command.ts';
import { humanDuration } from '../printers/duration.ts';
import { formatColumns } from '../printers/tabwriter.ts';
import { executeGoTemplate, executeJsonPath, parseOutputFormat } from '../printers/output.ts';
import { toJson } from '../printers/json.ts';
import { toYaml } from '../printers/yaml.ts';
import { toKyaml } from '../printers/kyaml.ts';
import { mappingFor } from '../resource-args.ts';
import { flagsFromHelp } from './write/help-flags.ts';

interface EventObject extends KubeObject {
  involvedObject?: Record<string, unknown> & { kind?: string; name?: string };
  reason?: string;
  message?: string;
  source?: Record<string, unknown>;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: string;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  action?: string;
  related?: Record<string, unknown> | null;
  reportingComponent?: string;
  reportingInstance?: string;
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  flags: flagsFromHelp('events'),
  run(context) {
    const allNamespaces = context.flag<boolean>('all-namespaces');
    const forObject = forFilter(context.flag<string>('for'));
    // ToOptions dedupes and sorts the types (sets.NewString(...).List()); Validate then checks them.
    const types = [...new Set(context.flag<string[]>('types'))].sort();
    for (const type of types) {
      if (type.toLowerCase() !== 'normal' && type.toLowerCase() !== 'warning')
        throw new CommandError('valid --types are Normal or Warning');
    }
    const output = context.flag<string>('output');
    const format = output
      ? parseOutputFormat(output, {
          tables: false,
          fs: context.runtime.fs,
          template: context.flag('template'),
        })
      : undefined;

    const listed = context.runtime.api.list(
      'events',
      allNamespaces ? undefined : context.namespace,
    ) as EventObject[];
    const events = listed
      .filter(
        (e) =>
          !forObject ||
          (e.involvedObject?.kind === forObject.kind && e.involvedObject.name === forObject.name),
      )
      .filter(
        (e) => types.length === 0 || types.some((t) => t.toLowerCase() === (e.type ?? '').toLowerCase()),
      )
      // SortableEvents by eventTime(); Array.prototype.sort is stable, as Go's sort is for short lists.
      .sort((a, b) => sortTime(a) - sortTime(b));

    if (events.length === 0) {
      context.stderr(
        allNamespaces ? 'No events found.\n' : `No events found in ${context.namespace} namespace.\n`,
      );
      return 0;
    }
    if (!format) {
      context.stdout(eventTable(events, context, allNamespaces));
      return 0;
    }
    const list = { kind: 'EventList', apiVersion: 'v1', metadata: {}, items: events.map(typedEvent) };
    switch (format.kind) {
      case 'json':
        context.stdout(toJson(list));
        break;
      case 'yaml':
        context.stdout(toYaml(list));
        break;
      case 'kyaml':
        context.stdout(toKyaml(list, { sortKeys: true }));
        break;
      case 'name':
        context.stdout(events.map((e) => `event/${e.metadata.name}\n`).join(''));
        break;
      case 'jsonpath':
        context.stdout(executeJsonPath(format, list));
        break;
      case 'go-template':
        context.stdout(executeGoTemplate(format, list, (text) => context.stdout(text)));
        break;
      default:
        break;
    }
    return 0;
  },
};

/** decodeResourceTypeName: `pod/web` → the kind and name the field selector matches. */
function forFilter(value: string): { kind: string; name: string } | undefined {
  if (value === '') return undefined;
  if (!value.includes('/')) throw new CommandError('--for must be in resource/name form');
  const parts = value.split('/');
  if (parts.length !== 2)
    throw new CommandError('arguments in resource/name form may not have more than one slash');
  return { kind: mappingFor(parts[0] as string).kind, name: parts[1] as string };
}

function sortTime(event: EventObject): number {
  if (event.series?.lastObservedTime) return Date.parse(event.series.lastObservedTime);
  if (event.lastTimestamp) return Date.parse(event.lastTimestamp);
  return event.eventTime ? Date.parse(event.eventTime) : Number.NEGATIVE_INFINITY;
}

function eventTable(events: readonly EventObject[], context: CommandContext, allNamespaces: boolean): string {
  const now = context.runtime.clock.now();
  const since = (timestamp: string | null | undefined) =>
    timestamp ? humanDuration(now - Date.parse(timestamp)) : '<unknown>';
  const rows: string[][] = [];
  if (!context.flag<boolean>('no-headers'))
    rows.push([...(allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
  for (const e of events) {
    // getInterval
    const first = e.eventTime ? since(e.eventTime) : since(e.firstTimestamp);
    let interval = first;
    if (e.series) interval = `${since(e.series.lastObservedTime)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp)} (x${e.count} over ${first})`;
    rows.push([
      ...(allNamespaces ? [e.metadata.namespace ?? ''] : []),
      interval,
      escapeCell(e.type ?? ''),
      escapeCell(e.reason ?? ''),
      `${escapeCell(e.involvedObject?.kind ?? '')}/${escapeCell(e.involvedObject?.name ?? '')}`,
      escapeCell((e.message ?? '').trim()),
    ]);
  }
  return formatColumns(rows);
}

/** A cell stops at the first form feed, newline or carriage return (escapeCell). */
function escapeCell(text: string): string {
  const cut = text.search(/[\f\n\r]/);
  return cut < 0 ? text : `${text.slice(0, cut)}...`;
}

const META_ORDER = ['name', 'generateName', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp'];
const REFERENCE_ORDER = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

/**
 * A corev1.Event as the typed client decodes it and json.Marshal writes it: struct field order,
 * empty strings and counts omitted (omitempty), unset timestamps as null, reporting fields always.
 */
function typedEvent(event: EventObject): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'Event', apiVersion: 'v1' };
  out['metadata'] = ordered(event.metadata as unknown as Record<string, unknown>, META_ORDER);
  out['involvedObject'] = ordered(event.involvedObject ?? {}, REFERENCE_ORDER);
  if (event.reason) out['reason'] = event.reason;
  if (event.message) out['message'] = event.message;
  out['source'] = event.source ?? {};
  out['firstTimestamp'] = event.firstTimestamp ?? null;
  out['lastTimestamp'] = event.lastTimestamp ?? null;
  if (event.count) out['count'] = event.count;
  if (event.type) out['type'] = event.type;
  out['eventTime'] = event.eventTime ?? null;
  if (event.series) out['series'] = event.series;
  if (event.action) out['action'] = event.action;
  if (event.related) out['related'] = event.related;
  out['reportingComponent'] = event.reportingComponent ?? '';
  out['reportingInstance'] = event.reportingInstance ?? '';
  return out;
}

function ordered(record: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of order) if (record[key] !== undefined && record[key] !== '') out[key] = record[key];
  for (const [key, value] of Object.entries(record))
    if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}
