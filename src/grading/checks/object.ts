/** `object` and `absent`: any field of any object, and objects that must be gone. */
import { z } from 'zod';
import { fail, pass, type CheckContext, type CheckOutcome } from './types.ts';
import { findResourceType } from '../../sim/api/resources.ts';

export const objectCheckSchema = z
  .object({
    type: z.literal('object').describe('An object exists, with a field equal to a value if given.'),
    resource: z.string().describe('Its type: service, deployment, pod, namespace...'),
    name: z.string(),
    field: z
      .string()
      .optional()
      .describe('A dotted path: spec.sessionAffinity, metadata.labels.app, spec.ports.0.name.'),
    equals: z
      .union([z.string(), z.number(), z.boolean()])
      .optional()
      .describe('The value the field must have.'),
    present: z
      .boolean()
      .optional()
      .describe('The field must be set (true) or unset (false), whatever its value.'),
  })
  .strict();

export const absentCheckSchema = z
  .object({
    type: z.literal('absent').describe('No object of this type and name exists (it was deleted).'),
    resource: z.string(),
    name: z.string(),
  })
  .strict();

export function checkObject(
  params: z.infer<typeof objectCheckSchema>,
  { cluster, namespace }: CheckContext,
): CheckOutcome {
  const type = findResourceType(params.resource);
  if (!type) throw new Error(`unknown resource type "${params.resource}" in an exercise`);
  const object = cluster.api.tryGet(type.resource, namespace, params.name);
  const label = `${type.kind} \`${params.name}\``;
  if (!object) return fail('missing', `There is no ${label}.`, { name: params.name });
  if (params.field === undefined) return pass(`The ${label} exists.`);
  const actual = params.field
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
  const shown = JSON.stringify(actual) ?? 'nothing';
  if (params.present !== undefined && (actual !== undefined) !== params.present) {
    return fail(
      params.present ? 'unset' : 'set',
      `The ${label} ${params.present ? 'has no' : 'still has'} ${params.field}${params.present ? '' : ` (${shown})`}.`,
      {
        name: params.name,
        actual: shown,
      },
    );
  }
  if (params.equals !== undefined && actual !== params.equals) {
    return fail(
      'wrong-value',
      `The ${label} has ${params.field} = ${shown}, expected ${JSON.stringify(params.equals)}.`,
      {
        name: params.name,
        actual: shown,
      },
    );
  }
  return pass(`The ${label} has ${params.field} = ${shown}.`);
}

export function checkAbsent(
  params: z.infer<typeof absentCheckSchema>,
  { cluster, namespace }: CheckContext,
): CheckOutcome {
  const type = findResourceType(params.resource);
  if (!type) throw new Error(`unknown resource type "${params.resource}" in an exercise`);
  const object = cluster.api.tryGet(type.resource, namespace, params.name);
  if (object && !object.metadata.deletionTimestamp)
    return fail('present', `The ${type.kind} \`${params.name}\` still exists.`);
  return pass(`The ${type.kind} \`${params.name}\` is gone.`);
}
