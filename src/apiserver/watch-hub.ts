/**
 * The watch cache: every change the store makes, numbered by the resourceVersion it produced, kept
 * for a while so that a watch starting from a list's resourceVersion misses nothing in between.
 */
import type { ObjectStore, WatchEventType } from '../sim/api/store.ts';
import type { KubeObject } from '../sim/api/types.ts';

export interface RecordedEvent {
  type: WatchEventType;
  resource: string;
  resourceVersion: number;
  object: Readonly<KubeObject>;
}

/** Changes remembered; older resourceVersions get 410 Expired, as from etcd's compaction. */
const HISTORY = 10_000;

export class WatchHub {
  readonly #history: RecordedEvent[] = [];
  readonly #listeners = new Set<(event: RecordedEvent) => void>();
  readonly #store: ObjectStore;
  readonly #oldest: number;
  readonly #unwatch: () => void;

  constructor(store: ObjectStore) {
    this.#store = store;
    this.#oldest = store.resourceVersion;
    this.#unwatch = store.watch((event) => {
      const resourceVersion = store.resourceVersion;
      // A deleted object carries the resourceVersion of its deletion, as the API server sends it.
      const object =
        event.type === 'DELETED'
          ? {
              ...event.object,
              metadata: { ...event.object.metadata, resourceVersion: String(resourceVersion) },
            }
          : event.object;
      const recorded = { type: event.type, resource: event.resource, resourceVersion, object };
      this.#history.push(recorded);
      if (this.#history.length > HISTORY) this.#history.splice(0, this.#history.length - HISTORY);
      for (const listener of this.#listeners) listener(recorded);
    });
  }

  get resourceVersion(): number {
    return this.#store.resourceVersion;
  }

  /** The oldest resourceVersion a watch may start from. */
  get oldest(): number {
    return this.#history[0]
      ? this.#history[0].resourceVersion - 1
      : Math.max(this.#oldest, this.resourceVersion);
  }

  /** Events after `resourceVersion`, oldest first. */
  since(resourceVersion: number): RecordedEvent[] {
    return this.#history.filter((event) => event.resourceVersion > resourceVersion);
  }

  listen(listener: (event: RecordedEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  close(): void {
    this.#unwatch();
    this.#listeners.clear();
  }
}
