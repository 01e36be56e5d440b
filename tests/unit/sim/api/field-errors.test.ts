import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { fieldErrors, formatFieldError } from '../../../../src/sim/api/field-errors.ts';

/**
 * Bad values as apimachinery 1.34+ prints them (field/errors.go ErrorBody after "Nicer value rendering
 * in API errors"): numbers and booleans bare, strings with Go's %q, everything else as json.Marshal.
 */
describe('field error values', () => {
  it('prints scalars as Go does', () => {
    expect(
      formatFieldError(fieldErrors.invalid('spec.replicas', -1, 'must be greater than or equal to 0')),
    ).toBe('spec.replicas: Invalid value: -1: must be greater than or equal to 0');
    expect(formatFieldError(fieldErrors.invalid('spec.x', true, 'bad'))).toBe(
      'spec.x: Invalid value: true: bad',
    );
    expect(
      formatFieldError(fieldErrors.notSupported('spec.type', 'Nodeport', ['ClusterIP', 'NodePort'])),
    ).toBe('spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "NodePort"');
    expect(formatFieldError(fieldErrors.invalid('metadata.name', 'a\tb"c\\', 'bad'))).toBe(
      'metadata.name: Invalid value: "a\\tb\\"c\\\\": bad',
    );
  });

  it('prints slices, maps and nil as JSON, map keys sorted and HTML characters escaped', () => {
    expect(formatFieldError(fieldErrors.invalid('spec.clusterIPs', ['10.96.0.5', 'None'], 'x'))).toBe(
      'spec.clusterIPs: Invalid value: ["10.96.0.5","None"]: x',
    );
    expect(formatFieldError(fieldErrors.invalid('spec.l', { tier: 'a<b', app: 'web' }, 'x'))).toBe(
      'spec.l: Invalid value: {"app":"web","tier":"a\\u003cb"}: x',
    );
    expect(formatFieldError(fieldErrors.invalid('spec.p', [80, 443], 'x'))).toBe(
      'spec.p: Invalid value: [80,443]: x',
    );
    expect(formatFieldError(fieldErrors.invalid('spec.s', null, 'x'))).toBe('spec.s: Invalid value: null: x');
    expect(formatFieldError(fieldErrors.required('spec.selector'))).toBe('spec.selector: Required value');
  });

  it('shows a learner the JSON of a duplicated service port and of an empty selector', async () => {
    const cluster = createCluster({ seed: 1 });
    cluster.fs.write(
      'svc.yaml',
      [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector:',
        '    app: web',
        '  ports:',
        '  - name: a',
        '    port: 80',
        '  - name: b',
        '    port: 80',
        '',
      ].join('\n'),
    );
    const service = await cluster.exec('kubectl create -f svc.yaml');
    expect(service.stderr).toBe(
      'The Service "web" is invalid: spec.ports[1]: Duplicate value: ' +
        '{"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}\n',
    );
    cluster.fs.write(
      'deploy.yaml',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: web',
        'spec:',
        '  selector: {}',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: web',
        '    spec:',
        '      containers:',
        '      - name: web',
        '        image: nginx',
        '',
      ].join('\n'),
    );
    const deployment = await cluster.exec('kubectl create -f deploy.yaml');
    expect(deployment.stderr).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for deployment\n',
    );
  });
});
