/** The controllers that run in the simulated cluster, in the order a pass runs them. */
import { worker, type Controller } from './controller.ts';
import { Informer } from './informer.ts';
import { NamespaceController } from './namespace.ts';
import { GarbageCollector } from './garbage-collector.ts';
import { DeploymentController } from './deployment.ts';
import { ReplicaSetController } from './replicaset.ts';
import { StatefulSetController } from './statefulset.ts';
import { Scheduler } from './scheduler.ts';
import { Kubelet } from './kubelet.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslices.ts';
import { EndpointSliceMirroringController } from './endpointslice-mirroring.ts';
import { LoadBalancerController } from './load-balancer.ts';

export function createControllers(): Controller[] {
  // One informer feeds them all, as the controller manager's shared informer factory does.
  const informer = new Informer();
  // It starts before the first controller runs, once the store holds the bootstrapped or restored
  // cluster, and announces every object in it: the shared informer factory's Start.
  const startInformer: Controller = {
    name: 'shared-informer',
    reconcile: (context) => informer.attach(context.api.store),
  };
  return [
    startInformer,
    worker(new NamespaceController(informer)),
    worker(new GarbageCollector(informer)),
    worker(new DeploymentController(informer)),
    worker(new ReplicaSetController(informer)),
    worker(new StatefulSetController(informer)),
    new Scheduler(informer),
    worker(new Kubelet(informer)),
    worker(new EndpointsController(informer)),
    worker(new EndpointSliceController(informer)),
    worker(new EndpointSliceMirroringController(informer)),
    worker(new LoadBalancerController(informer)),
  ];
}
