/** Deployment and ReplicaSet registries: SetDefaults_Deployment / _ReplicaSet, status kept by controllers. */
import type { Strategy } from '../strategy.ts';
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './pod-defaults.ts';
import { validateWorkload, validateWorkloadUpdate } from '../validation/workloads.ts';

// Defaulting walks the learner's untyped JSON, field by field, as the Go defaulters do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function defaultDeployment(object: KubeObject): void {
  const spec = (object['spec'] ??= {}) as Json;
  spec['replicas'] ??= 1;
  spec['revisionHistoryLimit'] ??= 10;
  spec['progressDeadlineSeconds'] ??= 600;
  const strategy = (spec['strategy'] ??= {}) as Json;
  strategy['type'] ??= 'RollingUpdate';
  if (strategy['type'] === 'RollingUpdate') {
    const rolling = (strategy['rollingUpdate'] ??= {}) as Json;
    rolling['maxUnavailable'] ??= '25%';
    rolling['maxSurge'] ??= '25%';
  }
  defaultTemplate(spec['template']);
}

function defaultReplicaSet(object: KubeObject): void {
  const spec = (object['spec'] ??= {}) as Json;
  spec['replicas'] ??= 1;
  defaultTemplate(spec['template']);
}

function workloadStrategy(
  kind: 'Deployment' | 'ReplicaSet',
  defaults: (object: KubeObject) => void,
): Strategy {
  return {
    prepareForCreate(object) {
      defaults(object);
      object['status'] = {};
    },
    prepareForUpdate(object, old) {
      defaults(object);
      object['status'] = old['status'];
    },
    validate: (object) => validateWorkload(object, kind),
    validateUpdate: (object, old) => validateWorkloadUpdate(object, old, kind),
  };
}

export const deploymentStrategy = workloadStrategy('Deployment', defaultDeployment);
export const replicaSetStrategy = workloadStrategy('ReplicaSet', defaultReplicaSet);
