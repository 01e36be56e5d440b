/**
 * `kubectl`: the learner ran a kubectl command on some resource (listed the services, described
 * a Service). Read from the simulator's kubectl audit log, so `k get svc`, `kubectl get services
 * -A | grep web` and `kubectl get all` all count.
 */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import { findResourceType, RESOURCE_TYPES } from '../../sim/api/resources.ts';

export const kubectlCheckSchema = z
  .object({
    type: z.literal('kubectl').describe('The learner ran this kubectl command successfully.'),
    command: z.string().describe('The command path: get, describe, logs, scale...'),
    resource: z.string().optional().describe('A resource type it was about (services, svc, pods...).'),
    name: z.string().optional().describe('An object it named.'),
    description: z.string().describe('What the learner was asked to do, in words ("list the services").'),
  })
  .strict();

export function checkKubectl(
  params: z.infer<typeof kubectlCheckSchema>,
  { cluster }: CheckContext,
): CheckOutcome {
  const wanted = params.resource ? findResourceType(params.resource)?.resource : undefined;
  const inAll =
    wanted !== undefined && RESOURCE_TYPES.some((t) => t.resource === wanted && t.categories.includes('all'));
  const done = cluster.kubectlLog.some(
    (entry) =>
      entry.exitCode === 0 &&
      entry.command === params.command &&
      (wanted === undefined ||
        entry.resources.includes(wanted) ||
        (inAll && entry.resources.includes('all'))) &&
      (params.name === undefined || entry.names.includes(params.name)),
  );
  return done
    ? pass(`You did it: ${params.description}.`)
    : fail('not-run', `Not done yet: ${params.description}.`);
}
