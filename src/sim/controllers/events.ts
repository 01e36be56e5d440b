/**
 * Records Events as client-go's event recorder does: one Event per involved object, reason and
 * message, whose count and lastTimestamp grow when the same thing happens again.
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { KubeObject } from '../api/types.ts';

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  readonly #api: ApiServer;
  readonly #timestamp: () => string;
  readonly #suffix: () => string;

  constructor(api: ApiServer, timestamp: () => string, suffix: () => string) {
    this.#api = api;
    this.#timestamp = timestamp;
    this.#suffix = suffix;
  }

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource): void {
    const namespace = involved.metadata.namespace ?? 'default';
    const now = this.#timestamp();
    const store = this.#api.store;
    for (const existing of store.peek('events', namespace)) {
      const event = existing as KubeObject & Record<string, any>;
      if (event.involvedObject?.uid === involved.metadata.uid && event.reason === reason && event.message === message) {
        store.put('events', { ...structuredClone(event), count: (event.count ?? 1) + 1, lastTimestamp: now });
        return;
      }
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
}
