/**
 * What the API server does with each kind, as Kubernetes' registry strategies: prepare (defaults,
 * drop status on create), validate, and hooks for the allocations a kind owns. One file per kind
 * under registry/ implements this.
 */
import type { FieldError } from './field-errors.ts';
import type { KubeObject } from './types.ts';
import type { ApiContext } from './context.ts';

export interface Strategy {
  /** Fill defaults and reset what a client may not set (status) on create. */
  prepareForCreate?(object: KubeObject, context: ApiContext): void;
  /** Carry over what an update may not change (status), before validation. */
  prepareForUpdate?(object: KubeObject, old: KubeObject, context: ApiContext): void;
  validate?(object: KubeObject, context: ApiContext): FieldError[];
  validateUpdate?(object: KubeObject, old: KubeObject, context: ApiContext): FieldError[];
  /**
   * Take what the object needs (a ClusterIP, node ports) before validation, as the service
   * registry's BeginCreate/BeginUpdate do; throw a StatusError if it cannot. Returns the function
   * that gives it all back should validation then fail (or a dry run end).
   */
  allocate?(object: KubeObject, old: KubeObject | undefined, context: ApiContext): () => void;
  /** After an update is stored: give back what the old object held and the new one no longer does. */
  releaseUnused?(object: KubeObject, old: KubeObject, context: ApiContext): void;
  /** Give back what the object held, after it is deleted. */
  release?(object: KubeObject, context: ApiContext): void;
  /** Warnings the server sends with a successful write (shown by kubectl as `Warning: ...`). */
  warnings?(object: KubeObject, old: KubeObject | undefined): string[];
}
