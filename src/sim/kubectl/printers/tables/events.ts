/** `kubectl get events`: LAST SEEN, TYPE, REASON, OBJECT (`pod/web-1`), MESSAGE; wide adds the rest. */
import type { Event } from 'kubernetes-types/core/v1';
import { age } from '../duration.ts';
import type { TableDefinition } from './table.ts';

export const eventTable: TableDefinition = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', wide: true },
    { name: 'Source', wide: true },
    { name: 'Message' },
    { name: 'First Seen', wide: true },
    { name: 'Count', wide: true },
    { name: 'Name', wide: true },
  ],
  cells(object, context) {
    const event = object as unknown as Event;
    let first = age(event.firstTimestamp, context.nowMs);
    if (!event.firstTimestamp) first = age(event.eventTime, context.nowMs);
    let last = event.lastTimestamp ? age(event.lastTimestamp, context.nowMs) : first;
    let count = event.count ?? 0;
    if (event.series) {
      last = age(event.series.lastObservedTime, context.nowMs);
      count = event.series.count ?? 0;
    } else if (count === 0) {
      count = 1;
    }
    const involved = event.involvedObject;
    const kind = (involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    const message = (event.message ?? '').trim();
    if (!context.wide) return [last, event.type ?? '', event.reason ?? '', target, message];
    return [
      last,
      event.type ?? '',
      event.reason ?? '',
      target,
      involved.fieldPath ?? '',
      eventSource(event),
      message,
      first,
      String(count),
      event.metadata?.name ?? '',
    ];
  },
};

/** `kubelet, worker-1`: the source component and host, else the reporting controller and instance. */
export function eventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}
