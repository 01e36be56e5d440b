/**
 * The command lines of the differential suite: every plain kubectl line of the lessons (after the
 * lines before it), every plain kubectl line of the exercises' solutions and known mistakes (after
 * the steps before it), and generated combinations of kinds, verbs, output formats, flags and errors.
 */
import { loadLessonsFromDisk } from '../../../../src/cli/lesson-files.ts';
import { loadExercisesFromDisk } from '../../../../src/cli/exercise-files.ts';
import { isPlainKubectlLine, type DifferentialCase, type SetupStep } from './run-both.ts';

const SEED = 11;

/**
 * `kubectl run -i` / `--rm` / `attach`: after attaching, the real kubectl waits for the pod to
 * complete and reads its exit code from the pod's status; the simulator's kubelet keeps a container
 * with stdin running (the page runs its program on attach and reads the exit code there), so the
 * real kubectl would wait forever. Such lines are left out, and counted in the report.
 */
export function waitsForAttachedPod(line: string): boolean {
  return /^kubectl\s+(run\s.*(\s-i\b|\s-it\b|\s-ti\b|\s--stdin\b|\s--rm\b|\s--attach\b)|attach\s)/.test(line);
}

function comparable(line: string): boolean {
  return isPlainKubectlLine(line) && !waitsForAttachedPod(line);
}

/** A small course cluster: a Deployment of the course image behind a NodePort Service, settled. */
const COURSE_SETUP: readonly SetupStep[] = [
  { run: 'kubectl create deployment web --image=kube101/hello --replicas=2 --port=300' },
  { run: 'kubectl expose deployment web --port=82 --target-port=300 --type=NodePort' },
  {
    write: 'settings.yaml',
    content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  greeting: hello\n',
  },
  { run: 'kubectl apply -f settings.yaml' },
  { settle: true },
  {
    write: 'svc.yaml',
    content: `apiVersion: v1
kind: Service
metadata:
  name: api
  labels:
    app: api
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 300
`,
  },
  {
    write: 'bad.yaml',
    content: `apiVersion: v1
kind: Service
metadata:
  name: bad
spec:
  selector:
    app: web
  prots:
    - port: 80
`,
  },
];

const KINDS = [
  'pods',
  'services',
  'deployments',
  'replicasets',
  'nodes',
  'namespaces',
  'endpoints',
  'endpointslices',
  'configmaps',
  'all',
  'pods,services',
];
const GET_FLAGS = [
  '',
  '-o wide',
  '-o name',
  '-A',
  '--show-labels',
  '-l app=web',
  '-o yaml',
  '-o json',
  '--no-headers',
  '-L app',
];

const NAMED_AND_OTHER_READS = [
  'kubectl get svc web -o yaml',
  'kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}',
  'kubectl get deploy web -o jsonpath={.status.readyReplicas}',
  'kubectl get svc,deploy web',
  'kubectl get svc/web deploy/web -o name',
  'kubectl get pods --field-selector status.phase=Running',
  'kubectl get pods -l app=web --sort-by=.metadata.name',
  'kubectl get pods -o custom-columns=NAME:.metadata.name,IP:.status.podIP',
  'kubectl get events --field-selector type=Warning',
  'kubectl get ns default -o yaml',
  'kubectl get nodes worker-1 -o wide',
  'kubectl get cm settings -o yaml',
  'kubectl describe svc web',
  'kubectl describe deploy web',
  'kubectl describe nodes worker-1',
  'kubectl describe pods -l app=web',
  'kubectl describe ns default',
  'kubectl describe endpoints web',
  'kubectl describe cm settings',
  'kubectl api-resources',
  'kubectl api-versions',
  'kubectl explain svc.spec.ports',
  'kubectl explain deployment.spec --recursive',
  'kubectl logs deploy/web',
  'kubectl logs -l app=web --tail=1',
  'kubectl exec deploy/web -- hostname',
  'kubectl exec deploy/web -- sh -c "exit 3"',
  'kubectl exec deploy/web -- nosuchprogram',
  'kubectl rollout status deploy/web',
  'kubectl rollout history deploy/web',
  'kubectl wait --for=condition=Available deploy/web',
];

const ERRORS = [
  'kubectl get pod nope',
  'kubectl get foo',
  'kubectl get svc -l "a in (b"',
  'kubectl get pods --field-selector spec.foo=bar',
  'kubectl delete svc nope',
  'kubectl describe svc nope',
  'kubectl get deploy nope -o yaml',
  'kubectl get pods -n nope',
  'kubectl scale deploy nope --replicas=1',
  'kubectl create namespace default',
  'kubectl create deployment web --image=nginx',
  'kubectl expose deployment nope --port 80',
  'kubectl create -f bad.yaml',
  'kubectl apply -f bad.yaml',
  'kubectl create service nodeport x --tcp=80:80 --node-port=80',
  'kubectl create service clusterip web --tcp=80:80',
  'kubectl logs deploy/web -c nope',
  'kubectl delete ns default',
  'kubectl patch svc web -p "{bad"',
  'kubectl patch svc web --type json -p "{}"',
  'kubectl patch svc web -p "{\\"spec\\":{\\"prots\\":1}}"',
];

const WRITES = [
  'kubectl create deployment api --image=nginx --replicas=2',
  'kubectl create service clusterip api --tcp=80:8080',
  'kubectl create service nodeport api --tcp=80:8080 --node-port=30080',
  'kubectl create namespace dev',
  'kubectl create configmap cfg --from-literal=a=b',
  'kubectl expose deployment web --name=web2 --port=80 --target-port=300',
  'kubectl scale deployment web --replicas=3',
  'kubectl label pods -l app=web tier=frontend',
  'kubectl label svc web app-',
  'kubectl annotate svc web note=hi',
  `kubectl patch svc web -p '{"spec":{"type":"ClusterIP"}}'`,
  `kubectl patch svc web -p '{"spec":{"ports":[{"port":82,"nodePort":30033}]}}'`,
  `kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`,
  `kubectl patch svc web --type merge -p '{"metadata":{"labels":{"x":"y"}}}'`,
  'kubectl patch svc web -p {"spec":{"type":"ClusterIP"}}',
  'kubectl delete svc web',
  'kubectl delete deploy web',
  'kubectl delete pod -l app=web',
  'kubectl delete pod -l app=web --wait=false',
  'kubectl delete svc web --dry-run=server',
  'kubectl set image deploy/web hello=nginx:1.27',
  'kubectl rollout restart deploy/web',
  'kubectl run tmp --image=nginx',
  'kubectl run tmp --image=nginx --dry-run=server -o yaml',
  'kubectl apply -f svc.yaml',
  'kubectl create -f svc.yaml',
  'kubectl apply -f svc.yaml --dry-run=server -o yaml',
  'kubectl create deployment x --image=nginx --dry-run=server -o yaml',
  'kubectl apply -f svc.yaml --server-side',
];

export function generatedCases(): DifferentialCase[] {
  const lines = [
    ...KINDS.flatMap((kind) => GET_FLAGS.map((flags) => `kubectl get ${kind} ${flags}`.trim())),
    ...NAMED_AND_OTHER_READS,
    ...ERRORS,
    ...WRITES,
  ];
  return unique(lines.map((command) => ({ source: 'generated', seed: SEED, setup: COURSE_SETUP, command })));
}

/** Each plain kubectl line of each lesson, after the lesson's setup and everything before it. */
export function lessonCases(): DifferentialCase[] {
  const cases: DifferentialCase[] = [];
  for (const lesson of loadLessonsFromDisk()) {
    const setup: SetupStep[] = lesson.data.setup.map((run) => ({ run }));
    setup.push({ settle: true });
    for (const part of lesson.parts) {
      if (part.kind === 'file') setup.push({ write: part.path, content: part.content });
      if (part.kind !== 'commands') continue;
      for (const command of part.commands) {
        if (comparable(command))
          cases.push({ source: `lesson ${lesson.slug}`, seed: lesson.data.seed, setup: [...setup], command });
        setup.push({ run: command }, { settle: true });
      }
    }
  }
  return unique(cases);
}

/** Each plain kubectl line of each exercise's solutions and known mistakes, after the steps before it. */
export function exerciseCases(): DifferentialCase[] {
  const cases: DifferentialCase[] = [];
  for (const exercise of loadExercisesFromDisk()) {
    const base: SetupStep[] = [
      ...exercise.setup.map((step) =>
        'run' in step ? { run: step.run } : { write: step.write, content: step.content },
      ),
      { settle: true },
      ...exercise.files.map((file) => ({ write: file.path, content: file.content })),
    ];
    for (const attempt of [...exercise.solutions, ...exercise.wrong]) {
      const setup = [...base];
      for (const step of attempt.steps) {
        if ('run' in step && comparable(step.run))
          cases.push({
            source: `exercise ${exercise.id}`,
            seed: exercise.seed,
            setup: [...setup],
            command: step.run,
          });
        setup.push('run' in step ? { run: step.run } : { write: step.write, content: step.content });
      }
    }
  }
  return unique(cases);
}

/** Every case once (the same line after the same steps is one case). */
export function corpus(): DifferentialCase[] {
  return unique([...generatedCases(), ...lessonCases(), ...exerciseCases()]);
}

function unique(cases: readonly DifferentialCase[]): DifferentialCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = JSON.stringify([c.seed, c.setup, c.command]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
