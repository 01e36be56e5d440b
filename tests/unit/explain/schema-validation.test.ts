/**
 * What the editor's JSON schema says about YAML a learner writes: the markers monaco-yaml would show.
 */
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import schema from '../../../src/schema/kubernetes.schema.json' with { type: 'json' };

const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

function check(yaml: string): boolean {
  return validate(parse(yaml));
}

const nodePortService = `
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 82
      targetPort: 300
      nodePort: 30033
`;

describe('kubernetes.schema.json', () => {
  it('accepts the course’s NodePort Service', () => {
    expect(check(nodePortService)).toBe(true);
  });

  it('accepts a Deployment and a named targetPort', () => {
    expect(
      check(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx
          ports: [{ containerPort: 80, name: http }]
`),
    ).toBe(true);
    expect(check(nodePortService.replace('targetPort: 300', 'targetPort: http'))).toBe(true);
  });

  it('rejects a Service type that is not one of the four', () => {
    expect(check(nodePortService.replace('type: NodePort', 'type: Nodeport'))).toBe(false);
  });

  it('rejects a document without kind, or with a kind at the wrong apiVersion', () => {
    expect(check(nodePortService.replace('kind: Service\n', ''))).toBe(false);
    expect(check(nodePortService.replace('apiVersion: v1', 'apiVersion: apps/v1'))).toBe(false);
  });

  it('rejects a misspelt field and a status written by hand', () => {
    expect(check(nodePortService.replace('selector:', 'selectr:'))).toBe(false);
    expect(check(`${nodePortService}status:\n  loadBalancer: {}\n`)).toBe(false);
  });

  it('rejects a port that is not an integer, as the API server does', () => {
    expect(check(nodePortService.replace('port: 82', 'port: 82.5'))).toBe(false);
  });

  it('takes quantities as numbers or strings, and fields newer than kubernetes-types', () => {
    const pod = (resources: string) => `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  resources: { limits: { cpu: ${resources} } }
  containers: [{ name: c, image: nginx, resources: { requests: { cpu: ${resources}, memory: 64Mi } } }]
`;
    expect(check(pod('1'))).toBe(true);
    expect(check(pod('500m'))).toBe(true);
  });

  it('documents fields for hover', () => {
    const spec = (
      schema.definitions as Record<string, { properties?: Record<string, { description?: string }> }>
    ).ServiceSpec;
    expect(spec?.properties?.['type']?.description).toMatch(/^type determines how the Service is exposed/);
  });
});
