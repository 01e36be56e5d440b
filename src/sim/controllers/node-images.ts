/**
 * The images a node holds (`status.images`), as the kubelet's image manager reports them: what
 * decides between "Pulling image" and "already present on machine", and grows after a pull.
 */
import type { Node, Typed } from '../api/types.ts';
import type { ControllerContext } from './controller.ts';
import type { Informer } from './informer.ts';
import { imageId, imageSize, qualifiedImage } from './image-pull.ts';

export type StoredNode = Typed<Node>;

export function nodeHasImage(node: StoredNode, image: string): boolean {
  const qualified = qualifiedImage(image);
  return node.status?.images?.some((i) => i.names?.includes(qualified)) ?? false;
}

/** The node now holds the image, as the kubelet reports after a pull (read fresh: an earlier pull of this sync may have added it). */
export function recordNodeImage(
  context: ControllerContext,
  informer: Informer,
  nodeName: string,
  image: string,
): void {
  const node = informer.get('nodes', undefined, nodeName) as StoredNode | undefined;
  if (!node || nodeHasImage(node, image)) return;
  const images = [
    ...(node.status?.images ?? []),
    { names: [imageId(image), qualifiedImage(image)], sizeBytes: imageSize(image) },
  ];
  context.api.updateStatus('nodes', undefined, nodeName, { ...node.status, images });
}
