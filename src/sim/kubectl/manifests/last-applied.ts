/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation (apply's memory of what was
 * applied), encoded exactly as kubectl's GetModifiedConfiguration does: the object without that
 * annotation, as compact JSON plus a newline. Objects read from files are unstructured maps (keys
 * sorted, an emptied `annotations: {}` kept); objects a generator built are Go structs (fields in
 * declaration order, an empty annotations map left out).
 */
import type { KubeObject } from '../../api/types.ts';
import { toCompactJson } from '../printers/json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The annotation's value for an object read from a manifest. */
export function lastAppliedJson(object: KubeObject): string {
  const copy = structuredClone(object);
  const annotations = { ...copy.metadata.annotations };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return `${toCompactJson(copy, { sortKeys: true })}\n`;
}

/** Add the annotation to an object read from a manifest (apply, create -f --save-config). */
export function setLastApplied(object: KubeObject): void {
  const value = lastAppliedJson(object);
  object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: value };
}

/** Add the annotation to an object a generator built (create deployment --save-config...). */
export function setLastAppliedFromTyped(object: KubeObject): void {
  const copy = structuredClone(object);
  const annotations = { ...copy.metadata.annotations };
  delete annotations[LAST_APPLIED];
  if (Object.keys(annotations).length > 0) copy.metadata.annotations = annotations;
  else delete copy.metadata.annotations;
  const value = `${toCompactJson(copy)}\n`;
  object.metadata.annotations = { ...object.metadata.annotations, [LAST_APPLIED]: value };
}

export function getLastApplied(object: KubeObject): string | undefined {
  return object.metadata.annotations?.[LAST_APPLIED];
}
