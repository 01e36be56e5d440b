/**
 * RFC 6902 JSON patches (`kubectl patch --type json`) as the API server applies them. A patch that
 * does not fit the object is refused with a 422 whose only words, as kubectl shows them, are "the
 * server rejected our request due to an error in our request".
 */
import { StatusError } from '../../api/status-error.ts';
import { deepEqual, type Json, type JsonMap } from './strategic-merge.ts';

interface Operation {
  op?: string;
  path?: string;
  from?: string;
  value?: Json;
}

function rejected(): StatusError {
  return new StatusError({
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    code: 422,
    details: {
      causes: [
        {
          reason: 'UnexpectedServerResponse',
          message: 'the server rejected our request due to an error in our request',
          field: '',
        },
      ],
    },
  });
}

export function applyJsonPatch(document: Json, operations: readonly Json[]): Json {
  let doc = structuredClone(document);
  for (const raw of operations) {
    const op = raw as Operation;
    if (typeof op.path !== 'string') throw rejected();
    switch (op.op) {
      case 'add':
        doc = set(doc, op.path, op.value ?? null, 'add');
        break;
      case 'replace':
        get(doc, op.path);
        doc = set(doc, op.path, op.value ?? null, 'replace');
        break;
      case 'remove':
        doc = remove(doc, op.path);
        break;
      case 'test':
        if (!deepEqual(get(doc, op.path), op.value ?? null)) throw rejected();
        break;
      case 'move':
      case 'copy': {
        if (typeof op.from !== 'string') throw rejected();
        const value = structuredClone(get(doc, op.from));
        if (op.op === 'move') doc = remove(doc, op.from);
        doc = set(doc, op.path, value, 'add');
        break;
      }
      default:
        throw StatusError.badRequest(`Unexpected kind: ${String(op.op)}`);
    }
  }
  return doc;
}

function tokens(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw rejected();
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function get(doc: Json, path: string): Json {
  let current: Json = doc;
  for (const token of tokens(path)) {
    if (Array.isArray(current)) {
      const index = Number(token);
      if (!/^\d+$/.test(token) || index >= current.length) throw rejected();
      current = current[index] as Json;
    } else if (current !== null && typeof current === 'object' && token in current)
      current = (current as JsonMap)[token] as Json;
    else throw rejected();
  }
  return current;
}

function parentOf(doc: Json, path: string): { parent: Json; last: string } {
  const parts = tokens(path);
  const last = parts.pop();
  if (last === undefined) throw rejected();
  const parentPath = parts.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
  return { parent: get(doc, parentPath), last };
}

function set(doc: Json, path: string, value: Json, mode: 'add' | 'replace'): Json {
  if (path === '') return value;
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (
      !(last === '-' || /^\d+$/.test(last)) ||
      index > parent.length ||
      (mode === 'replace' && index >= parent.length)
    )
      throw rejected();
    if (mode === 'add') parent.splice(index, 0, value);
    else parent[index] = value;
  } else if (parent !== null && typeof parent === 'object') (parent as JsonMap)[last] = value;
  else throw rejected();
  return doc;
}

function remove(doc: Json, path: string): Json {
  const { parent, last } = parentOf(doc, path);
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!/^\d+$/.test(last) || index >= parent.length) throw rejected();
    parent.splice(index, 1);
  } else if (parent !== null && typeof parent === 'object' && last in parent)
    delete (parent as JsonMap)[last];
  else throw rejected();
  return doc;
}
