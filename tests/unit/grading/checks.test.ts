import { describe, expect, it } from 'vitest';
import { evaluate, exerciseSchema, startExercise, type ExerciseInput } from '../../../src/grading/index.ts';
import { canonicalImage } from '../../../src/grading/checks/cluster-reads.ts';

function exercise(tasks: ExerciseInput['tasks']): ReturnType<typeof exerciseSchema.parse> {
  return exerciseSchema.parse({
    id: 'check-library',
    title: 'Check library',
    lesson: 'nodeport',
    seed: 11,
    setup: [{ run: 'kubectl create deployment web --image=kube101/hello --replicas=2 --port=300' }],
    tasks,
    solutions: [{ name: 'none', steps: [{ run: 'true' }] }],
  });
}

async function grade(tasks: ExerciseInput['tasks'], lines: string[]) {
  const ex = exercise(tasks);
  const cluster = await startExercise(ex);
  for (const line of lines) await cluster.exec(line);
  cluster.settle();
  return evaluate(ex, cluster).checks;
}

describe('check library', () => {
  it('probes the node port Kubernetes chose, on every node', async () => {
    const [result] = await grade(
      [
        {
          id: 'traffic',
          title: 'traffic',
          check: {
            type: 'http',
            to: { nodePortOf: { service: 'web', port: 82 } },
            expect: 'Hello from web-',
          },
        },
      ],
      ['kubectl expose deployment web --type=NodePort --port=82 --target-port=300'],
    );
    expect(result).toMatchObject({ passed: true });
    expect(result?.message).toMatch(/^Every request was answered: http:\/\/192\.168\.49\.2:3\d{4}\//);
  });

  it('says a ClusterIP Service has no node port', async () => {
    const [result] = await grade(
      [
        {
          id: 'traffic',
          title: 'traffic',
          check: { type: 'http', to: { nodePortOf: { service: 'web', port: 82 } } },
        },
      ],
      ['kubectl expose deployment web --port=82 --target-port=300'],
    );
    expect(result).toMatchObject({
      passed: false,
      code: 'no-node-port',
      message:
        'Port 82 of the Service `web` has no node port: only NodePort and LoadBalancer Services open one.',
    });
  });

  it('passes anyOf when one check passes, and speaks with the first failure otherwise', async () => {
    const tasks: ExerciseInput['tasks'] = [
      {
        id: 'looked',
        title: 'look at the endpoints',
        check: {
          anyOf: [
            { type: 'kubectl', command: 'get', resource: 'endpoints', description: 'list the endpoints' },
            {
              type: 'kubectl',
              command: 'describe',
              resource: 'services',
              name: 'web',
              description: 'describe the Service',
            },
          ],
        },
      },
    ];
    expect(
      (
        await grade(tasks, [
          'kubectl expose deployment web --port=82 --target-port=300',
          'kubectl describe svc web',
        ])
      )[0],
    ).toMatchObject({ passed: true });
    expect((await grade(tasks, ['kubectl get pods']))[0]).toMatchObject({
      passed: false,
      message: 'Not done yet: list the endpoints.',
    });
  });

  it('checks that a field is set, whatever its value', async () => {
    const tasks: ExerciseInput['tasks'] = [
      {
        id: 'probe',
        title: 'add a readiness probe',
        check: {
          type: 'object',
          resource: 'deployment',
          name: 'web',
          field: 'spec.template.spec.containers.0.readinessProbe',
          present: true,
        },
      },
    ];
    const [missing] = await grade(tasks, []);
    expect(missing).toMatchObject({
      passed: false,
      code: 'unset',
      message: 'The Deployment `web` has no spec.template.spec.containers.0.readinessProbe.',
    });
    const [set] = await grade(tasks, [
      `kubectl patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"hello","readinessProbe":{"tcpSocket":{"port":300}}}]}}}}'`,
    ]);
    expect(set).toMatchObject({ passed: true });
  });

  it('sends a request from a pod of a Deployment, found by ownership', async () => {
    const [result] = await grade(
      [
        {
          id: 'dns',
          title: 'dns',
          check: {
            type: 'http',
            from: { podOf: 'web' },
            to: { url: 'http://web.default.svc.cluster.local:82/' },
            expect: 'Hello',
          },
        },
      ],
      ['kubectl expose deployment web --port=82 --target-port=300'],
    );
    expect(result).toMatchObject({ passed: true });
  });

  it('compares images the way the registry names them', () => {
    expect(canonicalImage('nginx')).toBe('docker.io/library/nginx:latest');
    expect(canonicalImage('kube101/hello')).toBe('docker.io/kube101/hello:latest');
    expect(canonicalImage('registry.k8s.io/echoserver:1.10')).toBe('registry.k8s.io/echoserver:1.10');
    expect(canonicalImage('nginx:1.27')).toBe('docker.io/library/nginx:1.27');
  });
});
