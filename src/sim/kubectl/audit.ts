/**
 * What kubectl was asked to do, one entry per invocation, whichever way the learner typed it
 * (`k get svc`, `kubectl get services -A | grep web`, inside a loop): the grader reads this
 * rather than the command text, so any correct way of listing services counts.
 */
import { findResourceType } from '../api/resources.ts';

export interface KubectlInvocation {
  /** The command path: `get`, `create service nodeport`, `rollout status`. */
  command: string;
  /** Resource types named in the arguments, as plural resource names (`services`). */
  resources: string[];
  /** Object names named in the arguments (`web` in `get svc web` or `svc/web`). */
  names: string[];
  namespace: string;
  exitCode: number;
  /** Virtual time, in ms. */
  time: number;
}

/** Resource types and names from kubectl's positional arguments (`svc web`, `svc/web`, `pods,svc`). */
export function resourcesInArguments(positionals: readonly string[]): {
  resources: string[];
  names: string[];
} {
  const resources: string[] = [];
  const names: string[] = [];
  const [first, ...rest] = positionals;
  if (first === undefined) return { resources, names };
  const slashForms = positionals.filter((p) => p.includes('/'));
  if (slashForms.length > 0) {
    for (const form of slashForms) {
      const [type = '', name = ''] = form.split('/');
      const found = findResourceType(type);
      if (found) resources.push(found.resource);
      if (name) names.push(name);
    }
    return { resources, names };
  }
  for (const part of first.split(',')) {
    if (part === 'all') resources.push('all');
    const found = findResourceType(part);
    if (found) resources.push(found.resource);
  }
  names.push(...rest);
  return { resources, names };
}
