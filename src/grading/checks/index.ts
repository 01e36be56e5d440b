/**
 * The check library: one schema and one function per kind of check, so that an exercise says
 * each check in a line of YAML (`check: { type: service, name: web, serviceType: NodePort }`).
 */
import { z } from 'zod';
import type { CheckContext, CheckOutcome } from './types.ts';
import { checkService, serviceCheckSchema } from './service.ts';
import { checkServicePort, servicePortCheckSchema } from './service-port.ts';
import { checkEndpoints, endpointsCheckSchema } from './endpoints.ts';
import { checkDeployment, deploymentCheckSchema } from './deployment.ts';
import { checkHttp, httpCheckSchema } from './http.ts';
import { checkKubectl, kubectlCheckSchema } from './history.ts';
import { absentCheckSchema, checkAbsent, checkObject, objectCheckSchema } from './object.ts';

export const checkSchema = z.discriminatedUnion('type', [
  serviceCheckSchema,
  servicePortCheckSchema,
  endpointsCheckSchema,
  deploymentCheckSchema,
  httpCheckSchema,
  kubectlCheckSchema,
  objectCheckSchema,
  absentCheckSchema,
]);

export type Check = z.infer<typeof checkSchema>;

export function runCheck(check: Check, context: CheckContext): CheckOutcome {
  switch (check.type) {
    case 'service':
      return checkService(check, context);
    case 'service-port':
      return checkServicePort(check, context);
    case 'endpoints':
      return checkEndpoints(check, context);
    case 'deployment':
      return checkDeployment(check, context);
    case 'http':
      return checkHttp(check, context);
    case 'kubectl':
      return checkKubectl(check, context);
    case 'object':
      return checkObject(check, context);
    case 'absent':
      return checkAbsent(check, context);
  }
}

export type { CheckContext, CheckOutcome };
