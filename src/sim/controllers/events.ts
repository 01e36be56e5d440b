/**
 * Records Events as client-go's event recorder does: one Event per involved object, reason and
 * message, whose count and lastTimestamp grow when the same thing happens again. An index from
 * (object, field, reason, message) to the stored Event keeps this cheap with thousands of pods.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { KubeObject } from '../api/types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

/** What a controller reads back from an Event it recorded (how often, last when). */
export interface RecordedEvent {
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
}

interface StoredEvent extends KubeObject {
  involvedObject?: { uid?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
}

export class EventRecorder {
  readonly #api: ApiServer;
  readonly #timestamp: () => string;
  readonly #suffix: () => string;
  /** dedupe key → `namespace/name` of the Event; built on first use, then kept by the watch. */
  #index: Map<string, string> | undefined;

  constructor(api: ApiServer, timestamp: () => string, suffix: () => string) {
    this.#api = api;
    this.#timestamp = timestamp;
    this.#suffix = suffix;
  }

  /**
   * Record that `reason` happened to `involved`. `fieldPath` names a container
   * (`spec.containers{nginx}`), as the kubelet's events do.
   */
  record(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const now = this.#timestamp();
    const store = this.#api.store;
    const existing = this.#lookup(involved.metadata.uid, fieldPath, reason, message);
    if (existing) {
      store.put('events', {
        ...structuredClone(existing),
        count: (existing.count ?? 1) + 1,
        lastTimestamp: now,
      });
      return;
    }
    store.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${involved.metadata.name}.${this.#suffix()}`,
        namespace,
        creationTimestamp: now,
      },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
  }

  /** The Event recorded for this object, reason and message, if any. */
  find(
    uid: string | undefined,
    reason: string,
    message: string,
    fieldPath?: string,
  ): RecordedEvent | undefined {
    const event = this.#lookup(uid, fieldPath, reason, message);
    if (!event) return undefined;
    return {
      count: event.count ?? 1,
      firstTimestamp: event.firstTimestamp ?? '',
      lastTimestamp: event.lastTimestamp ?? '',
    };
  }

  #lookup(
    uid: string | undefined,
    fieldPath: string | undefined,
    reason: string,
    message: string,
  ): StoredEvent | undefined {
    const name = this.#ensureIndex().get(dedupeKey(uid, fieldPath, reason, message));
    if (!name) return undefined;
    const slash = name.indexOf('/');
    return this.#api.store.get('events', name.slice(0, slash), name.slice(slash + 1)) as
      StoredEvent | undefined;
  }

  #ensureIndex(): Map<string, string> {
    if (this.#index) return this.#index;
    const index = new Map<string, string>();
    const add = (event: StoredEvent): void => {
      const key = dedupeKey(
        event.involvedObject?.uid,
        event.involvedObject?.fieldPath,
        event.reason ?? '',
        event.message ?? '',
      );
      index.set(key, `${event.metadata.namespace ?? ''}/${event.metadata.name}`);
    };
    for (const event of this.#api.store.peek('events')) add(event as StoredEvent);
    this.#api.store.watch((change) => {
      if (change.resource !== 'events') return;
      const event = change.object as StoredEvent;
      if (change.type === 'DELETED') {
        index.delete(
          dedupeKey(
            event.involvedObject?.uid,
            event.involvedObject?.fieldPath,
            event.reason ?? '',
            event.message ?? '',
          ),
        );
      } else add(event);
    });
    this.#index = index;
    return index;
  }
}

function dedupeKey(
  uid: string | undefined,
  fieldPath: string | undefined,
  reason: string,
  message: string,
): string {
  return `${uid ?? ''}\u0000${fieldPath ?? ''}\u0000${reason}\u0000${message}`;
}
