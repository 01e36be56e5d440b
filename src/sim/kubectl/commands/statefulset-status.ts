/** StatefulSetStatusViewer.Status (kubectl polymorphichelpers/rollout_status.go). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api/types.ts';
import { CommandError } from '../command.ts';

export function statefulSetStatus(object: KubeObject): { message: string; done: boolean } {
  const set = object as unknown as StatefulSet;
  const spec = set.spec;
  const status = set.status ?? { replicas: 0 };
  if (spec?.updateStrategy?.type !== 'RollingUpdate')
    throw new CommandError('rollout status is only available for RollingUpdate strategy type');
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || (object.metadata.generation ?? 0) > observed)
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = spec.replicas;
  const ready = status.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = status.updatedReplicas ?? 0;
  const rolling = spec.updateStrategy.rollingUpdate;
  if (rolling) {
    if (replicas !== undefined && rolling.partition !== undefined && updated < replicas - rolling.partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - rolling.partition} new pods have been updated...\n`,
        done: false,
      };
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    };
  }
  if (status.updateRevision !== status.currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision ?? ''}...\n`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`,
    done: true,
  };
}
