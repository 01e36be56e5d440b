/** The controllers that run in the simulated cluster, in the order a pass runs them. */
import type { Controller } from './controller.ts';
import { Informer } from './informer.ts';
import { NamespaceController } from './namespace.ts';
import { GarbageCollector } from './garbage-collector.ts';
import { DeploymentController } from './deployment.ts';
import { ReplicaSetController } from './replicaset.ts';
import { Scheduler } from './scheduler.ts';
import { Kubelet } from './kubelet.ts';
import { EndpointsController } from './endpoints.ts';
import { EndpointSliceController } from './endpointslices.ts';
import { LoadBalancerController } from './load-balancer.ts';

export function createControllers(): Controller[] {
  // One informer feeds them all, as the controller manager's shared informer factory does.
  const informer = new Informer();
  return [
    new NamespaceController(informer),
    new GarbageCollector(informer),
    new DeploymentController(informer),
    new ReplicaSetController(informer),
    new Scheduler(informer),
    new Kubelet(informer),
    new EndpointsController(informer),
    new EndpointSliceController(informer),
    new LoadBalancerController(informer),
  ];
}
