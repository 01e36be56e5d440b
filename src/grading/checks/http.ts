/**
 * `http`: traffic probes, as a learner would send them with curl: from the workstation to every
 * node on a node port, to a load balancer's address, or from inside a pod to a Service's DNS name.
 */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import { findService, nodeAddresses, podsOfDeployment, type PodObject } from './cluster-reads.ts';
import type { HttpRequestOptions, HttpResult } from '../../sim/index.ts';

const PROBE_TIMEOUT_MS = 3000;

export const httpCheckSchema = z
  .object({
    type: z.literal('http').describe('An HTTP request gets an answer.'),
    from: z
      .union([
        z.literal('workstation'),
        z.object({ podOf: z.string().describe('A running pod of this Deployment sends it.') }).strict(),
        z.object({ pod: z.string().describe('This pod sends it.') }).strict(),
      ])
      .default('workstation')
      .describe("Where the request starts: the learner's workstation (outside the cluster) or a pod."),
    to: z
      .union([
        z.object({ everyNode: z.number().int().describe("This port on every node's InternalIP.") }).strict(),
        z
          .object({
            nodePortOf: z
              .object({
                service: z.string(),
                port: z.number().int().describe('The Service port whose node port to use.'),
              })
              .strict()
              .describe('The node port Kubernetes gave this Service port, on every node.'),
          })
          .strict(),
        z
          .object({ loadBalancer: z.string().describe("This Service's external IP, on its first port.") })
          .strict(),
        z.object({ url: z.string().describe('A URL, e.g. http://web:82/ from a pod.') }).strict(),
      ])
      .describe('Where the request goes.'),
    path: z.string().default('/').describe('The request path for everyNode and loadBalancer.'),
    expect: z.string().optional().describe('Text the answer must contain.'),
  })
  .strict();

type HttpCheck = z.infer<typeof httpCheckSchema>;

export function checkHttp(params: HttpCheck, context: CheckContext): CheckOutcome {
  const origin = originOf(params, context);
  if ('outcome' in origin) return origin.outcome;
  const targets = targetsOf(params, context);
  if ('outcome' in targets) return targets.outcome;
  const answered: string[] = [];
  for (const url of targets.urls) {
    const result = context.cluster.probe({ from: origin.from, url, timeoutMs: PROBE_TIMEOUT_MS });
    const problem = describeFailure(result, url, params.expect);
    if (problem) return problem;
    answered.push(url);
  }
  return pass(`Every request was answered: ${answered.join(', ')}.`);
}

type Resolved<T> = T | { outcome: CheckOutcome };

function originOf(
  params: HttpCheck,
  { cluster, namespace }: CheckContext,
): Resolved<{ from: HttpRequestOptions['from'] }> {
  if (params.from === 'workstation') return { from: { kind: 'workstation' } };
  const running = (pod: PodObject) => pod.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
  if ('pod' in params.from) {
    const pod = cluster.api.tryGet('pods', namespace, params.from.pod) as PodObject | undefined;
    if (!pod || !running(pod))
      return {
        outcome: fail(
          'no-client-pod',
          `The pod \`${params.from.pod}\` is not running, so it cannot send the request.`,
        ),
      };
    return { from: { kind: 'pod', namespace, name: pod.metadata.name } };
  }
  const owner = params.from.podOf;
  const pod = podsOfDeployment(cluster, namespace, owner).find(running);
  if (!pod)
    return { outcome: fail('no-client-pod', `No running pod of \`${owner}\` to send the request from.`) };
  return { from: { kind: 'pod', namespace, name: pod.metadata.name } };
}

function targetsOf(params: HttpCheck, { cluster, namespace }: CheckContext): Resolved<{ urls: string[] }> {
  const to = params.to;
  if ('url' in to) return { urls: [to.url] };
  if ('everyNode' in to) return { urls: everyNode(cluster, to.everyNode, params.path) };
  if ('nodePortOf' in to) {
    const { service: name, port } = to.nodePortOf;
    const service = findService(cluster, namespace, name);
    if (!service) return { outcome: fail('missing-service', `There is no Service named \`${name}\` yet.`) };
    const nodePort = service.spec?.ports?.find((p) => p.port === port)?.nodePort;
    if (!nodePort) {
      return {
        outcome: fail(
          'no-node-port',
          `Port ${port} of the Service \`${name}\` has no node port: only NodePort and LoadBalancer Services open one.`,
        ),
      };
    }
    return { urls: everyNode(cluster, nodePort, params.path) };
  }
  const service = findService(cluster, namespace, to.loadBalancer);
  if (!service)
    return { outcome: fail('missing-service', `There is no Service named \`${to.loadBalancer}\` yet.`) };
  const ingress = (service['status'] as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)
    ?.loadBalancer?.ingress?.[0]?.ip;
  if (service.spec?.type !== 'LoadBalancer') {
    return {
      outcome: fail(
        'not-load-balancer',
        `The Service \`${to.loadBalancer}\` is of type ${service.spec?.type}: only a LoadBalancer Service gets an external IP.`,
      ),
    };
  }
  if (!ingress)
    return {
      outcome: fail(
        'pending',
        `The Service \`${to.loadBalancer}\` has no external IP yet (EXTERNAL-IP is <pending>).`,
      ),
    };
  return { urls: [`http://${ingress}:${service.spec?.ports?.[0]?.port ?? 80}${params.path}`] };
}

function everyNode(cluster: CheckContext['cluster'], port: number, path: string): string[] {
  return nodeAddresses(cluster).map((node) => `http://${node.ip}:${port}${path}`);
}

function describeFailure(
  result: HttpResult,
  url: string,
  expect: string | undefined,
): CheckOutcome | undefined {
  if (result.kind === 'error') {
    const why: Record<string, string> = {
      refused:
        'the connection was refused: nothing listens there, or the Service has no ready endpoints, or its targetPort is not the port the app listens on',
      timeout:
        'it timed out: that address is not reachable from there (a ClusterIP or pod IP from outside the cluster never answers)',
      dns: 'the name did not resolve: Service names resolve only inside the cluster',
      unreachable: 'the address is unreachable',
    };
    return fail(result.code, `\`curl ${url}\` failed: ${why[result.code] ?? result.message}.`, {
      url,
      error: result.message,
    });
  }
  if (expect !== undefined && !result.body.includes(expect)) {
    return fail(
      'wrong-answer',
      `\`curl ${url}\` answered, but not with "${expect}": got "${result.body.trim().slice(0, 80)}".`,
      { url },
    );
  }
  return undefined;
}
