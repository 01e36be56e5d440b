/**
 * The controllers' shared informer: a mirror of the store fed by its watch, with the indexes
 * the controllers look things up by (pods by node, by namespace, dependents by owner uid). Stored
 * objects are never mutated (every write stores a fresh copy), so the mirror keeps references
 * and costs no copies. Controllers subscribe to changes and keep their own work queues, so a
 * pass only touches what changed: scaling to 500 replicas does not rescan 10,000 pods.
 */
import type { ObjectStore, WatchEventType } from '../api/store.ts';
import { RESOURCE_TYPES } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { keyOf, type StoredPod } from './objects.ts';

export interface Change {
  type: WatchEventType;
  resource: string;
  object: KubeObject;
  /** The object before this change (undefined when ADDED). */
  old: KubeObject | undefined;
}

/** Where an object lives: enough to fetch or delete it. */
export interface ObjectRef {
  resource: string;
  namespace: string | undefined;
  name: string;
}

export class Informer {
  #store: ObjectStore | undefined;
  readonly #objects = new Map<string, Map<string, KubeObject>>();
  readonly #podsByNode = new Map<string, Set<string>>();
  readonly #podsByNamespace = new Map<string, Set<string>>();
  readonly #dependents = new Map<string, Set<string>>();
  readonly #byUid = new Map<string, ObjectRef>();
  readonly #subscribers: ((change: Change) => void)[] = [];

  /** Start mirroring the store (once); every object already stored is announced as ADDED. */
  attach(store: ObjectStore): void {
    if (this.#store) return;
    this.#store = store;
    for (const type of RESOURCE_TYPES) {
      if (type.resource === 'events') continue;
      for (const object of store.peek(type.resource))
        this.#apply('ADDED', type.resource, object as KubeObject);
    }
    store.watch((event) => {
      if (event.resource !== 'events') this.#apply(event.type, event.resource, event.object);
    });
  }

  subscribe(listener: (change: Change) => void): void {
    this.#subscribers.push(listener);
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.#bucket(resource).get(`${namespace ?? ''}/${name}`);
  }

  getByKey(resource: string, key: string): KubeObject | undefined {
    return this.#bucket(resource).get(key);
  }

  all(resource: string): IterableIterator<KubeObject> {
    return this.#bucket(resource).values();
  }

  count(resource: string): number {
    return this.#bucket(resource).size;
  }

  pod(key: string): StoredPod | undefined {
    return this.#bucket('pods').get(key) as StoredPod | undefined;
  }

  /** Keys of the pods bound to a node. */
  podsOnNode(node: string): ReadonlySet<string> {
    return this.#podsByNode.get(node) ?? EMPTY;
  }

  podsInNamespace(namespace: string): ReadonlySet<string> {
    return this.#podsByNamespace.get(namespace) ?? EMPTY;
  }

  /** `resource|key` of every object whose ownerReferences name this uid. */
  dependentsOf(uid: string): ReadonlySet<string> {
    return this.#dependents.get(uid) ?? EMPTY;
  }

  byUid(uid: string): ObjectRef | undefined {
    return this.#byUid.get(uid);
  }

  #bucket(resource: string): Map<string, KubeObject> {
    let bucket = this.#objects.get(resource);
    if (!bucket) {
      bucket = new Map();
      this.#objects.set(resource, bucket);
    }
    return bucket;
  }

  #apply(type: WatchEventType, resource: string, object: KubeObject): void {
    const bucket = this.#bucket(resource);
    const key = keyOf(object);
    const old = bucket.get(key);
    if (old) this.#unindex(resource, key, old);
    if (type === 'DELETED') bucket.delete(key);
    else {
      bucket.set(key, object);
      this.#index(resource, key, object);
    }
    const change: Change = { type, resource, object, old };
    for (const listener of this.#subscribers) listener(change);
  }

  #index(resource: string, key: string, object: KubeObject): void {
    const uid = object.metadata.uid;
    if (uid)
      this.#byUid.set(uid, { resource, namespace: object.metadata.namespace, name: object.metadata.name });
    for (const owner of object.metadata.ownerReferences ?? [])
      addTo(this.#dependents, owner.uid, `${resource}|${key}`);
    if (resource === 'pods') {
      const node = (object as StoredPod).spec?.nodeName;
      if (node) addTo(this.#podsByNode, node, key);
      addTo(this.#podsByNamespace, object.metadata.namespace ?? '', key);
    }
  }

  #unindex(resource: string, key: string, object: KubeObject): void {
    const uid = object.metadata.uid;
    if (uid) this.#byUid.delete(uid);
    for (const owner of object.metadata.ownerReferences ?? [])
      removeFrom(this.#dependents, owner.uid, `${resource}|${key}`);
    if (resource === 'pods') {
      const node = (object as StoredPod).spec?.nodeName;
      if (node) removeFrom(this.#podsByNode, node, key);
      removeFrom(this.#podsByNamespace, object.metadata.namespace ?? '', key);
    }
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  let set = index.get(key);
  if (!set) {
    set = new Set();
    index.set(key, set);
  }
  set.add(value);
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
