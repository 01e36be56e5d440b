/**
 * Pod defaulting: SetDefaults_PodSpec and SetDefaults_Container (what a Deployment's template
 * gets too), and for Pods themselves SetDefaults_Pod plus the admission plugins a kubeadm cluster
 * runs (ServiceAccount with its projected token volume, DefaultTolerationSeconds, Priority).
 */
import type { ApiContext } from '../context.ts';
import type { KubeObject } from '../types.ts';

// Defaulting walks the learner's untyped JSON, field by field, as the Go defaulters do.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

export function defaultPodSpec(spec: Json): void {
  spec['dnsPolicy'] ??= 'ClusterFirst';
  spec['restartPolicy'] ??= 'Always';
  spec['schedulerName'] ??= 'default-scheduler';
  spec['securityContext'] ??= {};
  spec['terminationGracePeriodSeconds'] ??= 30;
  for (const container of [...(spec['containers'] ?? []), ...(spec['initContainers'] ?? [])] as Json[])
    defaultContainer(container);
}

function defaultContainer(container: Json): void {
  container['imagePullPolicy'] ??= pullPolicyFor(String(container['image'] ?? ''));
  container['resources'] ??= {};
  container['terminationMessagePath'] ??= '/dev/termination-log';
  container['terminationMessagePolicy'] ??= 'File';
  for (const port of (container['ports'] ?? []) as Json[]) port['protocol'] ??= 'TCP';
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = container[kind] as Json | undefined;
    if (probe) defaultProbe(probe);
  }
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe: Json): void {
  probe['timeoutSeconds'] ??= 1;
  probe['periodSeconds'] ??= 10;
  probe['successThreshold'] ??= 1;
  probe['failureThreshold'] ??= 3;
  const httpGet = probe['httpGet'] as Json | undefined;
  if (httpGet) {
    httpGet['path'] ??= '/';
    httpGet['scheme'] ??= 'HTTP';
  }
}

/** `:latest` or no tag pulls Always; any other tag or a digest pulls IfNotPresent. */
export function pullPolicyFor(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

export function defaultTemplate(template: Json | undefined): void {
  if (!template) return;
  template['metadata'] ??= {};
  template['spec'] ??= {};
  defaultPodSpec(template['spec']);
}

/** What the API server and its admission chain add to a new Pod. */
export function admitPod(pod: KubeObject, context: ApiContext): void {
  const spec = (pod['spec'] ??= {}) as Json;
  defaultPodSpec(spec);
  spec['enableServiceLinks'] ??= true;
  spec['preemptionPolicy'] ??= 'PreemptLowerPriority';
  spec['priority'] ??= 0;
  spec['serviceAccountName'] ??= 'default';
  spec['serviceAccount'] ??= spec['serviceAccountName'];
  const tolerations = (spec['tolerations'] ??= []) as Json[];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tolerations.some((t) => t['key'] === key)) {
      tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
    }
  }
  if (spec['automountServiceAccountToken'] !== false) mountServiceAccountToken(spec, context);
}

function mountServiceAccountToken(spec: Json, context: ApiContext): void {
  const volumes = (spec['volumes'] ??= []) as Json[];
  if (volumes.some((v) => String(v['name']).startsWith('kube-api-access-'))) return;
  const name = `kube-api-access-${context.random.nameSuffix()}`;
  volumes.push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    },
  });
  for (const container of (spec['containers'] ?? []) as Json[]) {
    const mounts = (container['volumeMounts'] ??= []) as Json[];
    mounts.push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name, readOnly: true });
  }
}
