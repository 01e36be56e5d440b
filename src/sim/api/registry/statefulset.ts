/** StatefulSet registry: SetDefaults_StatefulSet (apps/v1), status kept by the controller. */
import type { Strategy } from '../strategy.ts';
import type { KubeObject } from '../types.ts';
import { defaultTemplate } from './pod-defaults.ts';
import { validateStatefulSet, validateStatefulSetUpdate } from '../validation/statefulset.ts';

// Defaulting walks the learner's untyped JSON, field by field, as the Go defaulters do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

function defaultStatefulSet(object: KubeObject): void {
  const spec = (object['spec'] ??= {}) as Json;
  spec['podManagementPolicy'] ||= 'OrderedReady';
  const strategy = (spec['updateStrategy'] ??= {}) as Json;
  if (!strategy['type']) {
    strategy['type'] = 'RollingUpdate';
    strategy['rollingUpdate'] ??= {};
  }
  if (strategy['type'] === 'RollingUpdate' && strategy['rollingUpdate'])
    (strategy['rollingUpdate'] as Json)['partition'] ??= 0;
  // StatefulSetAutoDeletePVC is on by default since 1.32.
  const retention = (spec['persistentVolumeClaimRetentionPolicy'] ??= {}) as Json;
  retention['whenDeleted'] ||= 'Retain';
  retention['whenScaled'] ||= 'Retain';
  spec['replicas'] ??= 1;
  spec['revisionHistoryLimit'] ??= 10;
  defaultTemplate(spec['template']);
}

export const statefulSetStrategy: Strategy = {
  prepareForCreate(object) {
    defaultStatefulSet(object);
    object['status'] = {};
  },
  prepareForUpdate(object, old) {
    defaultStatefulSet(object);
    object['status'] = old['status'];
  },
  validate: (object) => validateStatefulSet(object),
  validateUpdate: (object, old) => validateStatefulSetUpdate(object, old),
};
