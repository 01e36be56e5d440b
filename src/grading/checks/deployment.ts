/** `deployment`: a Deployment exists with this many ready replicas (and image). */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import type { Deployment, KubeObject } from '../../sim/api/types.ts';
import { canonicalImage } from './cluster-reads.ts';

export const deploymentCheckSchema = z
  .object({
    type: z.literal('deployment').describe('A Deployment exists, with this many ready replicas if given.'),
    name: z.string(),
    replicas: z.number().int().min(0).optional().describe('spec.replicas and ready replicas.'),
    image: z.string().optional().describe('The image of its first container.'),
  })
  .strict();

export function checkDeployment(
  params: z.infer<typeof deploymentCheckSchema>,
  { cluster, namespace }: CheckContext,
): CheckOutcome {
  const deployment = cluster.api.tryGet('deployments', namespace, params.name) as
    (Deployment & KubeObject) | undefined;
  const values = { name: params.name };
  if (!deployment)
    return fail(
      'missing',
      `There is no Deployment named \`${params.name}\` in namespace \`${namespace}\`.`,
      values,
    );
  const image = deployment.spec?.template?.spec?.containers?.[0]?.image;
  if (params.image && canonicalImage(image ?? '') !== canonicalImage(params.image)) {
    return fail(
      'wrong-image',
      `The Deployment \`${params.name}\` runs the image \`${image}\`, not \`${params.image}\`.`,
      values,
    );
  }
  if (params.replicas !== undefined) {
    const wanted = deployment.spec?.replicas ?? 1;
    if (wanted !== params.replicas) {
      return fail(
        'wrong-replicas',
        `The Deployment \`${params.name}\` asks for ${wanted} replica(s), not ${params.replicas}.`,
        values,
      );
    }
    const ready = deployment.status?.readyReplicas ?? 0;
    if (ready < params.replicas) {
      return fail(
        'not-ready',
        `The Deployment \`${params.name}\` has ${ready} of ${params.replicas} replicas ready.`,
        values,
      );
    }
  }
  return pass(
    `The Deployment \`${params.name}\` is there${params.replicas !== undefined ? ` with ${params.replicas} ready replica(s)` : ''}.`,
    values,
  );
}
