/**
 * The deployment controller (pkg/controller/deployment): finds or creates the ReplicaSet for the
 * current template (`<deployment>-<pod-template-hash>`), scales old and new sets within the
 * rolling-update budget (or all old ones to zero first for Recreate), scales proportionally when
 * only `replicas` changed, prunes history beyond revisionHistoryLimit, and reports status and
 * the Available/Progressing conditions with the controller's own reasons and messages. As in
 * Kubernetes, the parts live apart: deployment-sync.ts (ReplicaSets, revisions, scaling),
 * deployment-rolling.ts, deployment-recreate.ts and deployment-progress.ts (status, conditions).
 */
import type { ControllerContext, KeyedController } from './controller.ts';
import type { Informer } from './informer.ts';
import { WorkQueue } from './work-queue.ts';
import { controllerOf, isTerminating, keyOf, objectKey } from './objects.ts';
import { progressDeadline, type StoredDeployment } from './deployment-util.ts';
import { isScalingEvent, scale, syncRevision, type DeploymentContext } from './deployment-sync.ts';
import { updateDeploymentStatus } from './deployment-progress.ts';
import { rolloutRecreate } from './deployment-recreate.ts';
import { rolloutRolling } from './deployment-rolling.ts';

export class DeploymentController implements KeyedController {
  readonly name = 'deployment-controller';
  readonly #informer: Informer;
  /** Until settled: scaling a ReplicaSet wakes its deployment again, which then writes status. */
  readonly queue = new WorkQueue({ rounds: Infinity });

  constructor(informer: Informer) {
    this.#informer = informer;
    informer.subscribe((change) => {
      if (change.resource === 'deployments') this.queue.add(keyOf(change.object));
      if (change.resource === 'replicasets' || change.resource === 'pods') {
        for (const object of [change.object, change.old]) {
          const owner = object && controllerOf(object);
          if (!owner) continue;
          if (owner.kind === 'Deployment') this.queue.add(objectKey(object.metadata.namespace, owner.name));
          // Recreate waits for old pods to be gone: pods wake their ReplicaSet's deployment.
          if (owner.kind === 'ReplicaSet' && change.type === 'DELETED') {
            const rs = informer.get('replicasets', object.metadata.namespace, owner.name);
            const deployment = rs && controllerOf(rs);
            if (deployment?.kind === 'Deployment')
              this.queue.add(objectKey(object.metadata.namespace, deployment.name));
          }
        }
      }
    });
  }

  sync(controllerContext: ControllerContext, key: string): void {
    const d = this.#informer.getByKey('deployments', key) as StoredDeployment | undefined;
    if (!d || isTerminating(d)) return;
    const context: DeploymentContext = { ...controllerContext, informer: this.#informer };
    if (d.spec?.paused || isScalingEvent(context, d)) {
      const { newRS, oldRSs } = syncRevision(context, d, false);
      scale(context, d, newRS, oldRSs);
      updateDeploymentStatus(context, key, false);
    } else if (d.spec?.strategy?.type === 'Recreate') {
      rolloutRecreate(context, d);
    } else {
      rolloutRolling(context, d);
    }
    const latest = this.#informer.getByKey('deployments', key) as StoredDeployment | undefined;
    this.queue.setDeadline(key, latest && progressDeadline(latest));
  }
}
