/**
 * The image catalog: which images the simulated registry has, what ports their apps listen on and
 * how they answer. An image not listed here fails to pull, as a typo does on a real cluster.
 */
export interface ImageSpec {
  /** Canonical references that resolve to this image (`nginx`, `nginx:1.27`, `docker.io/library/nginx`). */
  names: readonly string[];
  /** Ports the app listens on (TCP). */
  listens: readonly number[];
}

export const IMAGE_CATALOG: readonly ImageSpec[] = [
  { names: ['nginx'], listens: [80] },
];

/** Look an image reference up, ignoring registry prefix and tag the way the catalog is keyed. */
export function findImage(reference: string): ImageSpec | undefined {
  const withoutDigest = reference.split('@')[0] ?? reference;
  const lastColon = withoutDigest.lastIndexOf(':');
  const repository = lastColon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, lastColon) : withoutDigest;
  const short = repository.replace(/^docker\.io\/(library\/)?/, '');
  return IMAGE_CATALOG.find((image) => image.names.includes(short) || image.names.includes(repository));
}
