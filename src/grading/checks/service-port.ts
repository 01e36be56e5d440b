/** `service-port`: a Service has a port with this port, targetPort, nodePort and protocol. */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import { findService } from './cluster-reads.ts';

export const servicePortCheckSchema = z
  .object({
    type: z.literal('service-port').describe('One of the Service ports has these values.'),
    service: z.string().describe('The Service name.'),
    port: z.number().int().describe('spec.ports[].port: the port on the ClusterIP.'),
    targetPort: z
      .union([z.number().int(), z.string()])
      .optional()
      .describe('spec.ports[].targetPort: the port on the pods (number or name).'),
    nodePort: z.number().int().optional().describe('spec.ports[].nodePort: the port opened on every node.'),
    protocol: z.enum(['TCP', 'UDP', 'SCTP']).optional(),
  })
  .strict();

export function checkServicePort(
  params: z.infer<typeof servicePortCheckSchema>,
  { cluster, namespace }: CheckContext,
): CheckOutcome {
  const service = findService(cluster, namespace, params.service);
  const values = { service: params.service, port: params.port };
  if (!service)
    return fail('missing-service', `There is no Service named \`${params.service}\` yet.`, values);
  const ports = service.spec?.ports ?? [];
  const port = ports.find((p) => p.port === params.port);
  if (!port) {
    const have = ports.map((p) => p.port).join(', ') || 'none';
    return fail(
      'no-such-port',
      `The Service \`${params.service}\` has no port ${params.port} (its ports: ${have}). \`port\` is the port clients use on the Service's ClusterIP.`,
      values,
    );
  }
  if (params.targetPort !== undefined && port.targetPort !== params.targetPort) {
    return fail(
      'wrong-target-port',
      `Port ${params.port} of \`${params.service}\` forwards to targetPort ${String(port.targetPort)}, but the app in the pods listens on ${String(params.targetPort)}. \`targetPort\` is the port on the pod.`,
      { ...values, actual: String(port.targetPort), expected: String(params.targetPort) },
    );
  }
  if (params.nodePort !== undefined && port.nodePort !== params.nodePort) {
    return fail(
      port.nodePort ? 'wrong-node-port' : 'no-node-port',
      port.nodePort
        ? `Port ${params.port} of \`${params.service}\` is open on the nodes at ${port.nodePort}, not ${params.nodePort}. Kubernetes picks a random node port unless you set \`nodePort\`.`
        : `Port ${params.port} of \`${params.service}\` has no node port: only NodePort and LoadBalancer Services open one on every node.`,
      { ...values, actual: port.nodePort ?? 0, expected: params.nodePort },
    );
  }
  if (params.protocol && port.protocol !== params.protocol) {
    return fail(
      'wrong-protocol',
      `Port ${params.port} of \`${params.service}\` uses ${port.protocol ?? 'TCP'}, not ${params.protocol}.`,
      values,
    );
  }
  return pass(
    `\`${params.service}\` forwards port ${params.port}${port.nodePort ? ` (node port ${port.nodePort})` : ''} to ${String(port.targetPort)} on the pods.`,
    values,
  );
}
