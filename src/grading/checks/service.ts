/** `service`: a Service with this name exists (and has this type). */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import { findService } from './cluster-reads.ts';

export const serviceCheckSchema = z
  .object({
    type: z.literal('service').describe('A Service with this name exists, of this type if given.'),
    name: z.string().describe('The Service name.'),
    serviceType: z
      .enum(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'])
      .optional()
      .describe('Its spec.type.'),
    headless: z.boolean().optional().describe('clusterIP: None (true) or a ClusterIP (false).'),
  })
  .strict();

export function checkService(
  params: z.infer<typeof serviceCheckSchema>,
  { cluster, namespace }: CheckContext,
): CheckOutcome {
  const service = findService(cluster, namespace, params.name);
  if (!service) {
    const others = cluster.api
      .list('services', namespace)
      .map((s) => s.metadata.name)
      .filter((n) => n !== 'kubernetes');
    const hint = others.length > 0 ? ` (the namespace has: ${others.join(', ')})` : '';
    return fail(
      'missing',
      `There is no Service named \`${params.name}\` in namespace \`${namespace}\`${hint}.`,
      { name: params.name },
    );
  }
  const actualType = service.spec?.type ?? 'ClusterIP';
  if (params.serviceType && actualType !== params.serviceType) {
    return fail(
      'wrong-type',
      `The Service \`${params.name}\` is of type ${actualType}, not ${params.serviceType}. The type cannot be changed by creating it again: edit it, or delete it and create it anew.`,
      { name: params.name, actual: actualType, expected: params.serviceType },
    );
  }
  const headless = service.spec?.clusterIP === 'None';
  if (params.headless !== undefined && headless !== params.headless) {
    return fail(
      params.headless ? 'not-headless' : 'headless',
      params.headless
        ? `The Service \`${params.name}\` has ClusterIP ${service.spec?.clusterIP}; a headless Service has \`clusterIP: None\`, which can only be set when it is created.`
        : `The Service \`${params.name}\` is headless (\`clusterIP: None\`), so it has no virtual IP to send traffic to.`,
      { name: params.name },
    );
  }
  return pass(
    `The Service \`${params.name}\` exists${params.serviceType ? ` with type ${params.serviceType}` : ''}.`,
    { name: params.name },
  );
}
