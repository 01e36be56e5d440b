/**
 * Field selectors as the API server reads them (`--field-selector status.phase=Running`): the
 * fields each registry lets a list select by, parsed and matched as fields.ParseSelector does.
 */
import type { ResourceType } from './resources.ts';
import type { KubeObject } from './types.ts';
import { SelectorParseError } from './labels/selector.ts';

export interface FieldTerm {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

/** The fields each resource can be selected by (the registries' field label conversions). */
const SELECTABLE_FIELDS: Record<string, readonly string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  services: ['spec.clusterIP', 'spec.type'],
  nodes: ['spec.unschedulable'],
  namespaces: ['status.phase'],
  replicasets: ['status.replicas'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
};

/**
 * fields.ParseSelector, then the registry's check that each field is selectable for the resource.
 * Throws a SelectorParseError with the API server's message (a 400 on a list).
 */
export function parseFieldSelector(type: ResourceType, fieldSelector: string): FieldTerm[] {
  const terms: FieldTerm[] = [];
  const parts = splitTerms(fieldSelector).sort();
  for (const part of parts) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term)
      throw new SelectorParseError(`invalid selector: '${fieldSelector}'; can't understand '${part}'`);
    const allowed = [
      'metadata.name',
      ...(type.namespaced ? ['metadata.namespace'] : []),
      ...(SELECTABLE_FIELDS[type.resource] ?? []),
    ];
    if (!allowed.includes(term.field))
      throw new SelectorParseError(`field label not supported: ${term.field}`);
    terms.push(term);
  }
  return terms;
}

/** Split on commas that are not escaped with a backslash. */
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let current = '';
  let escaped = false;
  for (const c of selector) {
    if (escaped) {
      current += c;
      escaped = false;
    } else if (c === '\\') {
      current += c;
      escaped = true;
    } else if (c === ',') {
      terms.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  terms.push(current);
  return terms;
}

function splitTerm(term: string): FieldTerm | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const operator of ['!=', '==', '='] as const) {
      if (term.startsWith(operator, i)) {
        return {
          field: term.slice(0, i),
          operator,
          value: term.slice(i + operator.length).replace(/\\(.)/g, '$1'),
        };
      }
    }
  }
  return undefined;
}

export function matchesFields(
  type: ResourceType,
  object: Readonly<KubeObject>,
  terms: readonly FieldTerm[],
): boolean {
  for (const term of terms) {
    const actual = fieldValue(type, object, term.field);
    const equal = actual === term.value;
    if (term.operator === '!=' ? equal : !equal) return false;
  }
  return true;
}

/** A selectable field's value as the registry's GetAttrs renders it (strings; booleans as "true"/"false"). */
function fieldValue(type: ResourceType, object: Readonly<KubeObject>, field: string): string {
  if (field === 'metadata.name') return object.metadata.name;
  if (field === 'metadata.namespace') return object.metadata.namespace ?? '';
  if (type.resource === 'pods' && field === 'spec.hostNetwork')
    return String(dig(object, 'spec.hostNetwork') === true);
  if (type.resource === 'pods' && field === 'status.podIPs') {
    const ips = dig(object, 'status.podIPs');
    return Array.isArray(ips) ? ips.map((ip: { ip?: string }) => ip.ip ?? '').join(',') : '';
  }
  if (type.resource === 'nodes' && field === 'spec.unschedulable')
    return String(dig(object, 'spec.unschedulable') === true);
  if (type.resource === 'replicasets' && field === 'status.replicas')
    return String(dig(object, 'status.replicas') ?? 0);
  if (type.resource === 'events' && field === 'source') return String(dig(object, 'source.component') ?? '');
  const value = dig(object, field);
  return value === undefined || value === null ? '' : String(value);
}

function dig(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
