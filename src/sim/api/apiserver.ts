/**
 * The simulated kube-apiserver: the only writer of the store. Every write goes through the kind's
 * strategy (defaults, validation, allocation) with the server's own error texts, exactly once, so
 * kubectl, controllers and the grader all see the same rules.
 */
import { StatusError } from './status-error.ts';
import { RESOURCE_TYPES, type ResourceType } from './resources.ts';
import type { ApiContext } from './context.ts';
import type { KubeObject } from './types.ts';
import type { Strategy } from './strategy.ts';
import { validateObjectMeta } from './validation/object-meta.ts';

export interface WriteOptions {
  dryRun?: boolean;
  /** Who writes: `kubectl-client-side-apply`, `kube-controller-manager`... (managedFields manager). */
  fieldManager?: string;
}

export interface DeleteOptions extends WriteOptions {
  /** `kubectl delete --grace-period=N` (`--force --grace-period=0` deletes a pod at once). */
  gracePeriodSeconds?: number;
}

export interface WriteResult {
  object: KubeObject;
  warnings: string[];
}

export class ApiServer {
  readonly context: ApiContext;
  readonly #strategies: Map<string, Strategy>;

  constructor(context: ApiContext, strategies: Record<string, Strategy>) {
    this.context = context;
    this.#strategies = new Map(Object.entries(strategies));
  }

  get store() {
    return this.context.store;
  }

  typeOf(resource: string): ResourceType {
    const type = RESOURCE_TYPES.find((t) => t.resource === resource);
    if (!type) throw new Error(`unknown resource ${resource}`);
    return type;
  }

  /**
   * Warnings the API server sends with every request on a resource (a `Warning` header), as
   * kubectl prints them on stderr: v1 Endpoints are deprecated since 1.33.
   */
  requestWarnings(resource: string): string[] {
    return resource === 'endpoints'
      ? ['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice']
      : [];
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject {
    const type = this.typeOf(resource);
    const found = this.store.get(resource, type.namespaced ? namespace : undefined, name);
    if (!found) throw StatusError.notFound(qualified(type), name);
    return found;
  }

  tryGet(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = this.typeOf(resource);
    return this.store.get(resource, type.namespaced ? namespace : undefined, name);
  }

  list(resource: string, namespace?: string): KubeObject[] {
    const type = this.typeOf(resource);
    return this.store.list(resource, type.namespaced ? namespace : undefined);
  }

  create(resource: string, input: KubeObject, options: WriteOptions = {}): WriteResult {
    const type = this.typeOf(resource);
    const object = structuredClone(input);
    const { clock, random } = this.context;
    object.apiVersion = input.apiVersion;
    object.kind = type.kind;
    const meta = object.metadata;
    if (!meta.name && meta.generateName) meta.name = meta.generateName + random.nameSuffix();
    if (type.namespaced) {
      meta.namespace ??= 'default';
      this.#requireNamespace(meta.namespace, meta.name);
    } else {
      delete meta.namespace;
    }
    const metaErrors = validateObjectMeta(meta, type.namespaced);
    if (metaErrors.length > 0) throw StatusError.invalid(type.kind, meta.name ?? '', metaErrors, type.group);
    if (this.store.get(resource, meta.namespace, meta.name))
      throw StatusError.alreadyExists(qualified(type), meta.name);

    meta.uid = random.uuid();
    meta.creationTimestamp = clock.timestamp();
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    if (hasSpec(type)) meta.generation = 1;

    const strategy = this.#strategies.get(resource) ?? {};
    strategy.prepareForCreate?.(object, this.context);
    const revert = strategy.allocate?.(object, undefined, this.context);
    const errors = strategy.validate?.(object, this.context) ?? [];
    if (errors.length > 0 || options.dryRun) revert?.();
    if (errors.length > 0) throw StatusError.invalid(type.kind, meta.name, errors, type.group);
    const warnings = [...this.requestWarnings(resource), ...(strategy.warnings?.(object, undefined) ?? [])];
    if (options.dryRun) return { object, warnings };
    return { object: this.store.put(resource, object), warnings };
  }

  /** Replace an object (PUT). `object.metadata.resourceVersion`, when set, must match. */
  update(resource: string, input: KubeObject, options: WriteOptions = {}): WriteResult {
    const type = this.typeOf(resource);
    const namespace = type.namespaced ? (input.metadata.namespace ?? 'default') : undefined;
    const old = this.get(resource, namespace, input.metadata.name);
    const object = structuredClone(input);
    const meta = object.metadata;
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) {
      throw StatusError.conflict(
        qualified(type),
        meta.name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    meta.namespace = namespace;
    if (!type.namespaced) delete meta.namespace;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
    const strategy = this.#strategies.get(resource) ?? {};
    strategy.prepareForUpdate?.(object, old, this.context);
    if (hasSpec(type)) {
      const specChanged = JSON.stringify(object['spec']) !== JSON.stringify(old['spec']);
      meta.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    }
    const revert = strategy.allocate?.(object, old, this.context);
    const metaErrors = validateObjectMeta(meta, type.namespaced);
    const errors = [...metaErrors, ...(strategy.validateUpdate?.(object, old, this.context) ?? [])];
    if (errors.length > 0 || options.dryRun) revert?.();
    if (errors.length > 0) throw StatusError.invalid(type.kind, meta.name, errors, type.group);
    const warnings = [...this.requestWarnings(resource), ...(strategy.warnings?.(object, old) ?? [])];
    if (options.dryRun) return { object, warnings };
    if (JSON.stringify(stripVersion(object)) === JSON.stringify(stripVersion(old)))
      return { object: old, warnings };
    const stored = this.store.put(resource, object);
    strategy.releaseUnused?.(stored, old, this.context);
    return { object: stored, warnings };
  }

  /** Controllers write status through here: no validation of spec, spec left as stored. */
  updateStatus(
    resource: string,
    namespace: string | undefined,
    name: string,
    status: unknown,
  ): KubeObject | undefined {
    const type = this.typeOf(resource);
    const old = this.store.get(resource, type.namespaced ? namespace : undefined, name);
    if (!old) return undefined;
    if (JSON.stringify(old['status']) === JSON.stringify(status)) return old;
    return this.store.put(resource, { ...old, status });
  }

  /**
   * Delete an object. A Pod running on a node is only marked (deletionTimestamp, grace period) and
   * stays Terminating until its kubelet removes it, as on a real cluster; everything else goes now.
   */
  delete(
    resource: string,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): KubeObject {
    const type = this.typeOf(resource);
    const existing = this.get(resource, namespace, name);
    if (options.dryRun) return existing;
    if (resource === 'pods') {
      const spec = (existing['spec'] ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
      const grace = options.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
      if (spec.nodeName && grace > 0) {
        if (existing.metadata.deletionTimestamp) return existing;
        existing.metadata.deletionTimestamp = this.context.clock.timestamp(
          this.context.clock.now() + grace * 1000,
        );
        existing.metadata.deletionGracePeriodSeconds = grace;
        return this.store.put(resource, existing);
      }
    }
    if (resource === 'namespaces') return this.#deleteNamespace(existing);
    return this.remove(resource, type.namespaced ? namespace : undefined, name) ?? existing;
  }

  /** The namespace lifecycle admission and the namespace controller's first step: Terminating. */
  #deleteNamespace(namespace: KubeObject): KubeObject {
    const name = namespace.metadata.name;
    if (['default', 'kube-system', 'kube-public'].includes(name)) {
      throw new StatusError({
        message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
        reason: 'Forbidden',
        details: { name, kind: 'namespaces' },
        code: 403,
      });
    }
    if (namespace.metadata.deletionTimestamp) return namespace;
    namespace.metadata.deletionTimestamp = this.context.clock.timestamp();
    namespace['status'] = { phase: 'Terminating' };
    return this.store.put('namespaces', namespace);
  }

  /** Remove an object for good and release what it held (a kubelet finishing a pod's termination). */
  remove(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const type = this.typeOf(resource);
    const removed = this.store.remove(resource, type.namespaced ? namespace : undefined, name);
    if (removed) this.#strategies.get(resource)?.release?.(removed, this.context);
    return removed;
  }

  /** The pods/binding subresource: the scheduler's only way to set spec.nodeName. */
  bind(namespace: string, name: string, nodeName: string): KubeObject {
    const pod = this.get('pods', namespace, name);
    const spec = (pod['spec'] ??= {}) as { nodeName?: string };
    if (spec.nodeName) {
      throw StatusError.conflict('pods', name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
    }
    spec.nodeName = nodeName;
    return this.store.put('pods', pod);
  }

  #requireNamespace(namespace: string, _name: string): void {
    const ns = this.store.get('namespaces', undefined, namespace);
    if (!ns) throw StatusError.notFound('namespaces', namespace);
    if (ns.metadata.deletionTimestamp) {
      throw new StatusError({
        message: `unable to create new content in namespace ${namespace} because it is being terminated`,
        reason: 'Forbidden',
        details: { name: namespace, kind: 'namespaces' },
        code: 403,
      });
    }
  }
}

export function qualified(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}

/** Kinds whose strategies keep metadata.generation (bumped when the spec changes). */
function hasSpec(type: ResourceType): boolean {
  return ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet'].includes(type.kind);
}

function stripVersion(object: KubeObject): KubeObject {
  const copy = structuredClone(object);
  delete copy.metadata.resourceVersion;
  return copy;
}
