/**
 * The `kubectl explain` invocations captured from the real kubectl into tests/fixtures/explain/ and
 * replayed against the simulator's explain. Each case's fixture is `<name>.txt`: what kubectl printed on
 * stdout when it succeeded, on stderr when it failed.
 */
export interface ExplainCase {
  name: string;
  /** The arguments after `kubectl explain`. */
  args: string[];
}

export const EXPLAIN_CASES: readonly ExplainCase[] = [
  { name: 'service', args: ['service'] },
  { name: 'svc.spec', args: ['svc.spec'] },
  { name: 'svc.spec.ports', args: ['svc.spec.ports'] },
  { name: 'svc.spec.type', args: ['svc.spec.type'] },
  { name: 'svc.spec.ports.targetPort', args: ['svc.spec.ports.targetPort'] },
  { name: 'svc.metadata.labels', args: ['svc.metadata.labels'] },
  { name: 'pods.spec.containers.ports', args: ['pods.spec.containers.ports'] },
  { name: 'deployment.spec', args: ['deployment.spec'] },
  { name: 'deployments.apps.spec.template', args: ['deployments.apps.spec.template'] },
  { name: 'deployments.spec.template', args: ['deployments.spec.template'] },
  { name: 'service--recursive', args: ['service', '--recursive'] },
  { name: 'pod--recursive', args: ['pod', '--recursive'] },
  { name: 'endpointslices', args: ['endpointslices'] },
  { name: 'ep.subsets', args: ['ep.subsets'] },
  { name: 'cm', args: ['cm'] },
  { name: 'ns.status.phase', args: ['ns.status.phase'] },
  { name: 'node.status.capacity', args: ['node.status.capacity'] },
  { name: 'rs.spec.selector--recursive', args: ['rs.spec.selector', '--recursive'] },
  { name: 'events.involvedObject', args: ['events.involvedObject'] },
  { name: 'deploy--api-version=apps-v1', args: ['deploy', '--api-version=apps/v1'] },
  { name: 'pod.spec.restartPolicy', args: ['pod.spec.restartPolicy'] },
  { name: 'deploy.spec.strategy', args: ['deploy.spec.strategy'] },
  { name: 'services.spec.selector', args: ['services.spec.selector'] },
  { name: 'svc.spec.', args: ['svc.spec.'] },
  { name: 'Service.spec.ports', args: ['Service.spec.ports'] },
  { name: 'svc-o-v2', args: ['svc', '--output=plaintext-openapiv2'] },
  { name: 'svc.spec-o-v2', args: ['svc.spec', '--output=plaintext-openapiv2'] },
  { name: 'svc.spec.ports-o-v2', args: ['svc.spec.ports', '--output=plaintext-openapiv2'] },
  { name: 'svc.spec.type-o-v2', args: ['svc.spec.type', '--output=plaintext-openapiv2'] },
  { name: 'svc.metadata.labels-o-v2', args: ['svc.metadata.labels', '--output=plaintext-openapiv2'] },
  {
    name: 'svc.metadata.managedFields.fieldsV1-o-v2',
    args: ['svc.metadata.managedFields.fieldsV1', '--output=plaintext-openapiv2'],
  },
  { name: 'svc.spec.type.foo-o-v2', args: ['svc.spec.type.foo', '--output=plaintext-openapiv2'] },
  { name: 'deploy.spec-o-v2', args: ['deploy.spec', '--output=plaintext-openapiv2'] },
  { name: 'service--recursive-o-v2', args: ['service', '--recursive', '--output=plaintext-openapiv2'] },
  { name: 'pod--recursive-o-v2', args: ['pod', '--recursive', '--output=plaintext-openapiv2'] },
  { name: 'pod.spec.containers-o-v2', args: ['pod.spec.containers', '--output=plaintext-openapiv2'] },
  { name: 'svc.spec.foo-o-v2', args: ['svc.spec.foo', '--output=plaintext-openapiv2'] },
  {
    name: 'deploy--api-version=apps-v2-o-v2',
    args: ['deploy', '--api-version=apps/v2', '--output=plaintext-openapiv2'],
  },
  { name: 'svc.spec.foo', args: ['svc.spec.foo'] },
  { name: 'svc.spec.ports.port.foo', args: ['svc.spec.ports.port.foo'] },
  { name: 'foo', args: ['foo'] },
  { name: 'Foo', args: ['Foo'] },
  { name: 'SVC', args: ['SVC'] },
  { name: 'Services.metadata.name', args: ['Services.metadata.name'] },
  { name: 'endpointslices.discovery.k8s.io.endpoints', args: ['endpointslices.discovery.k8s.io.endpoints'] },
  { name: 'svc--api-version=batch-v1', args: ['svc', '--api-version=batch/v1'] },
  { name: 'svc.spec.ports[0]', args: ['svc.spec.ports[0]'] },
  { name: 'svc..spec', args: ['svc..spec'] },
  { name: 'deploy--api-version=apps-v1-x', args: ['deploy', '--api-version=apps/v1/x'] },
  { name: 'deployments.apps.foo', args: ['deployments.apps.foo'] },
  { name: 'deploy--api-version=v1', args: ['deploy', '--api-version=v1'] },
  { name: 'deploy--api-version=apps-v2', args: ['deploy', '--api-version=apps/v2'] },
];
