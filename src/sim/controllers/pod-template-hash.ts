/**
 * The pod-template-hash label (pkg/controller/controller_utils.go ComputeHash): FNV-32a over the
 * template, then the collision count as 8 little-endian bytes, and the decimal sum spelled with
 * apimachinery's SafeEncodeString. Kubernetes feeds the hash with go-spew's dump of the Go struct;
 * here the template's canonical JSON (sorted keys) stands in for it, so the names have the real
 * shape (`7c5ddbdf54`) and change exactly when the template does.
 */
import { SAFE_ALPHABET } from '../random.ts';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export function computeHash(template: unknown, collisionCount?: number): string {
  let hash = 0x811c9dc5;
  const feed = (byte: number): void => {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  for (const byte of new TextEncoder().encode(canonicalJson(template))) feed(byte);
  if (collisionCount !== undefined) {
    for (let i = 0; i < 4; i++) feed((collisionCount >>> (8 * i)) & 0xff);
    for (let i = 0; i < 4; i++) feed(0);
  }
  return safeEncodeString(String(hash >>> 0));
}

/** rand.SafeEncodeString: each character mapped into the alphabet without vowels. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += SAFE_ALPHABET[(char.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted at every level, so equal templates hash and compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort())
      sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** deploymentutil.EqualIgnoreHash: two pod templates equal but for the pod-template-hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return templateKey(a) === templateKey(b);
}

/** Stored objects never change, so a template's comparison key is worked out once. */
const keys = new WeakMap<object, string>();

function templateKey(template: unknown): string {
  if (template === null || typeof template !== 'object') return canonicalJson(withoutHash(template));
  let key = keys.get(template);
  if (key === undefined) {
    key = canonicalJson(withoutHash(template));
    keys.set(template, key);
  }
  return key;
}

function withoutHash(template: unknown): unknown {
  const copy = structuredClone((template ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(copy.metadata.labels).length === 0) delete copy.metadata.labels;
  }
  return copy;
}
