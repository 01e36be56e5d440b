/**
 * `endpoints`: a Service has ready endpoints, and (optionally) exactly the ready pods of a
 * workload. Failures explain the usual causes in the learner's own labels and ports.
 */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import {
  findService,
  formatLabels,
  isReady,
  podsIn,
  podsOfDeployment,
  readyEndpoints,
  selectedPods,
  type PodObject,
} from './cluster-reads.ts';
import { formatSelectorMap } from '../../sim/api/labels/selector.ts';

export const endpointsCheckSchema = z
  .object({
    type: z.literal('endpoints').describe('The Service sends traffic to ready pods.'),
    service: z.string().describe('The Service name.'),
    minReady: z.number().int().min(1).default(1).describe('At least this many ready endpoints.'),
    podsOf: z.string().optional().describe('A Deployment whose ready pods must be exactly the endpoints.'),
  })
  .strict();

export function checkEndpoints(
  params: z.infer<typeof endpointsCheckSchema>,
  context: CheckContext,
): CheckOutcome {
  const { cluster, namespace } = context;
  const service = findService(cluster, namespace, params.service);
  const values = { service: params.service };
  if (!service)
    return fail('missing-service', `There is no Service named \`${params.service}\` yet.`, values);
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return fail(
      'no-selector',
      `The Service \`${params.service}\` has no selector, so Kubernetes does not know which pods it is for.`,
      values,
    );
  }
  const selectorText = formatSelectorMap(selector);
  const selected = selectedPods(cluster, service);
  if (selected.length === 0) {
    const labels = [
      ...new Set(
        podsIn(cluster, namespace)
          .filter((p) => !p.metadata.deletionTimestamp)
          .map((p) => formatLabels(p.metadata.labels)),
      ),
    ];
    const seen =
      labels.length > 0
        ? `but the pods are labelled ${labels.map((l) => `\`${l}\``).join(', ')}`
        : 'but there are no pods in the namespace';
    return fail(
      'selector-mismatch',
      `The Service \`${params.service}\` selects \`${selectorText}\` ${seen}, so it has no endpoints.`,
      {
        ...values,
        selector: selectorText,
      },
    );
  }
  const ready = selected.filter(isReady);
  if (ready.length === 0) {
    return fail(
      'pods-not-ready',
      `The Service \`${params.service}\` selects ${describePods(selected)}, but none of them is ready yet: ${podStates(selected)}.`,
      values,
    );
  }
  const endpoints = readyEndpoints(cluster, service);
  if (endpoints.length < params.minReady) {
    return fail(
      'too-few-endpoints',
      `The Service \`${params.service}\` has ${endpoints.length} ready endpoint(s); ${params.minReady} are needed.`,
      values,
    );
  }
  if (params.podsOf) {
    const ownedNames = new Set(
      podsOfDeployment(cluster, namespace, params.podsOf).map((p) => p.metadata.name),
    );
    const owned = ready.filter((pod) => ownedNames.has(pod.metadata.name));
    const strangers = ready.filter((pod) => !owned.includes(pod));
    if (owned.length === 0) {
      return fail(
        'wrong-pods',
        `The Service \`${params.service}\` selects pods, but none of them belongs to the Deployment \`${params.podsOf}\`.`,
        values,
      );
    }
    if (strangers.length > 0) {
      return fail(
        'extra-pods',
        `The Service \`${params.service}\` also selects ${describePods(strangers)}, which do not belong to \`${params.podsOf}\`: make the selector more specific.`,
        values,
      );
    }
  }
  return pass(
    `The Service \`${params.service}\` has ${endpoints.length} ready endpoint(s): ${endpoints.join(', ')}.`,
    values,
  );
}

function describePods(pods: PodObject[]): string {
  const names = pods.slice(0, 3).map((p) => `\`${p.metadata.name}\``);
  return `${pods.length} pod(s) (${names.join(', ')}${pods.length > 3 ? ', ...' : ''})`;
}

function podStates(pods: PodObject[]): string {
  return pods
    .slice(0, 3)
    .map((pod) => {
      const waiting = pod.status?.containerStatuses?.find((c) => c.state?.waiting)?.state?.waiting?.reason;
      return `${pod.metadata.name} is ${waiting ?? pod.status?.phase ?? 'Pending'}`;
    })
    .join('; ');
}
