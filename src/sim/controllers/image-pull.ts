/**
 * What the kubelet and containerd say about images: the fully qualified reference containerd
 * reports (`docker.io/library/nginx:latest`), a stable digest and size per image, the pull
 * policy defaulting, how long a pull takes, and the errors a bad reference gets — worded as
 * kubelet's image manager and containerd 2 word them.
 */
import { findImage } from '../net/images.ts';

/** Deterministic numbers in [0, 1) from a text: the same pod always pulls for the same time. */
export function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // murmur3's finalizer: FNV alone leaves nearby inputs with nearby outputs.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 4294967296;
}

/** 64 hex digits derived from a text (container IDs, image digests). */
export function hex64(text: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++)
    out += Math.floor(unitHash(`${text}#${i}`) * 4294967296)
      .toString(16)
      .padStart(8, '0');
  return out.slice(0, 64);
}

interface ParsedReference {
  /** `docker.io/library/nginx` */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
}

function parseReference(reference: string): ParsedReference {
  const at = reference.indexOf('@');
  const digest = at >= 0 ? reference.slice(at + 1) : undefined;
  const named = at >= 0 ? reference.slice(0, at) : reference;
  const colon = named.lastIndexOf(':');
  const hasTag = colon > named.lastIndexOf('/');
  const name = hasTag ? named.slice(0, colon) : named;
  const tag = hasTag ? named.slice(colon + 1) : undefined;
  const first = name.split('/')[0] ?? '';
  const hasRegistry =
    name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? name : `docker.io/${name}`;
  if (!hasRegistry && !name.includes('/')) repository = `docker.io/library/${name}`;
  return { repository, tag, digest };
}

/** The image as containerd reports it in containerStatuses[].image. */
export function qualifiedImage(reference: string): string {
  const { repository, tag, digest } = parseReference(reference);
  if (digest) return `${repository}@${digest}`;
  return `${repository}:${tag ?? 'latest'}`;
}

/** containerStatuses[].imageID: the repository with the manifest digest. */
export function imageId(reference: string): string {
  const { repository, tag, digest } = parseReference(reference);
  return `${repository}@${digest ?? `sha256:${hex64(`${repository}:${tag ?? 'latest'}`)}`}`;
}

/** Compressed size containerd reports after a pull, stable per image. */
export function imageSize(reference: string): number {
  return 3_000_000 + Math.floor(unitHash(qualifiedImage(reference)) * 70_000_000);
}

/** The API server's default: Always for `:latest` or no tag, IfNotPresent otherwise. */
export function pullPolicy(reference: string, declared: string | undefined): string {
  if (declared) return declared;
  const { tag, digest } = parseReference(reference);
  return !digest && (tag === undefined || tag === 'latest') ? 'Always' : 'IfNotPresent';
}

export function imageKnown(reference: string): boolean {
  return findImage(reference) !== undefined;
}

/** A reference Docker's parser rejects (`NGINX`): the kubelet never tries to pull it. */
export function invalidImageMessage(reference: string): string | undefined {
  const { repository } = parseReference(reference);
  const path = repository.replace(/^docker\.io\//, '');
  if (path === path.toLowerCase() && reference.trim() !== '' && !/\s/.test(reference)) return undefined;
  const detail =
    path !== path.toLowerCase() ? `repository name (${path}) must be lowercase` : 'invalid reference format';
  const reason = path !== path.toLowerCase() ? `invalid reference format: ${detail}` : detail;
  return `Failed to apply default image tag "${reference}": couldn't parse image name "${reference}": ${reason}`;
}

/** containerd's error for a reference the registry does not have. */
export function pullError(reference: string): string {
  const qualified = qualifiedImage(reference);
  const reason = qualified.startsWith('docker.io/')
    ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed'
    : `${qualified}: not found`;
  return `failed to pull and unpack image "${qualified}": failed to resolve image: ${reason}`;
}

/** How long a pull takes (ms): a first pull of the layers, or a quick registry check when they are on the node. */
export function pullMillis(seed: string, cached: boolean): number {
  const unit = unitHash(seed);
  return cached ? 300 + Math.floor(unit * 600) : 1000 + Math.floor(unit * 2000);
}

/** Go's time.Duration String for whole milliseconds: `845ms`, `1.2s`, `2.345s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const seconds = (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${seconds}s`;
}
