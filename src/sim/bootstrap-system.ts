/**
 * The system workloads of the starting cluster, as `kubectl get pods -A` shows them on a fresh
 * kubeadm cluster with the kindnet CNI: the control plane's static pods (mirror pods owned by
 * their Node), kube-proxy and kindnet on every node (owned by DaemonSets, a kind this API does not
 * serve, so nothing reconciles them), CoreDNS as a Deployment of two with its ReplicaSet and the
 * kube-dns Service, and the API server's own endpoints for `kubernetes`. Everything is already
 * running: it was started when the cluster was.
 */
import type { ApiServer } from './api/apiserver.ts';
import type { Container, KubeObject, PodSpec } from './api/types.ts';
import { DEFAULT_NODES, type NodeDefinition } from './bootstrap-nodes.ts';
import { computeHash } from './controllers/pod-template-hash.ts';
import { hex64, imageId, imageSize, qualifiedImage } from './controllers/image-pull.ts';
import { KUBERNETES_VERSION } from './version.ts';

const IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.6.5-0',
  apiserver: `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  controllerManager: `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  scheduler: `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
  proxy: `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`,
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  kindnet: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
  pause: 'registry.k8s.io/pause:3.10.1',
};
const CONTROL_PLANE = DEFAULT_NODES.find((n) => n.controlPlane) as NodeDefinition;

type Stamp = (object: KubeObject) => KubeObject;

/** The `kubernetes` service's Endpoints and EndpointSlice, which the API server keeps itself. */
export function apiServerEndpoints(api: ApiServer, stamp: Stamp): void {
  const API_SERVER_IP = CONTROL_PLANE.ip;
  const port = { name: 'https', port: 6443, protocol: 'TCP' };
  api.store.put(
    'endpoints',
    stamp({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      },
      subsets: [{ addresses: [{ ip: API_SERVER_IP }], ports: [port] }],
    }),
  );
  api.store.put(
    'endpointslices',
    stamp({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': 'kubernetes' },
      },
      addressType: 'IPv4',
      endpoints: [{ addresses: [API_SERVER_IP], conditions: { ready: true } }],
      ports: [port],
    }),
  );
}

export function systemWorkloads(api: ApiServer, stamp: Stamp, createdAt: string): void {
  const store = api.store;
  const nodes = new Map(
    DEFAULT_NODES.map((n) => [n.name, store.get('nodes', undefined, n.name) as KubeObject]),
  );
  const put = (resource: string, object: KubeObject): KubeObject => store.put(resource, stamp(object));
  const random = api.context.random;

  for (const node of DEFAULT_NODES) recordNodeImages(api, node);

  const node = nodes.get(CONTROL_PLANE.name) as KubeObject;
  for (const pod of staticPods()) {
    put(
      'pods',
      runningPod(pod, CONTROL_PLANE, CONTROL_PLANE.ip, createdAt, [ownerRef(node, 'v1', 'Node', false)]),
    );
  }

  for (const daemonSet of [kubeProxy(), kindnet()]) {
    const uid = random.uuid();
    const owner = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: daemonSet.name,
      uid,
      controller: true,
      blockOwnerDeletion: true,
    };
    for (const node of DEFAULT_NODES) {
      const pod = {
        name: `${daemonSet.name}-${random.nameSuffix()}`,
        generateName: `${daemonSet.name}-`,
        labels: {
          ...daemonSet.labels,
          'controller-revision-hash': daemonSet.revisionHash,
          'pod-template-generation': '1',
        },
        spec: { ...daemonSet.spec, nodeName: node.name, affinity: nodeAffinity(node.name) },
      };
      put('pods', runningPod(pod, node, node.ip, createdAt, [owner]));
    }
  }

  coreDns(api, put, createdAt);
  for (const node of DEFAULT_NODES) nodeEvents(api, nodes.get(node.name) as KubeObject, createdAt);
}

/** What a node's kubelet, the node controller and kube-proxy reported as the node came up. */
function nodeEvents(api: ApiServer, node: KubeObject, at: string): void {
  const name = node.metadata.name;
  const status = (reason: string) => [reason, `Node ${name} status is now: ${reason}`, 'kubelet'];
  const events = [
    ['Starting', 'Starting kubelet.', 'kubelet'],
    status('NodeHasSufficientMemory'),
    status('NodeHasNoDiskPressure'),
    status('NodeHasSufficientPID'),
    ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods', 'kubelet'],
    ['RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`, 'node-controller'],
    ['Starting', '', 'kube-proxy'],
    status('NodeReady'),
  ];
  for (const [reason, message, component] of events) {
    api.store.put('events', {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${name}.${api.context.random.string(16, '0123456789abcdef')}`,
        namespace: 'default',
        creationTimestamp: at,
      },
      // The kubelet names its node by name, uid included.
      involvedObject: { kind: 'Node', name, uid: component === 'node-controller' ? node.metadata.uid : name },
      reason,
      message,
      source: { component, ...(component === 'node-controller' ? {} : { host: name }) },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: component,
      reportingInstance: component === 'node-controller' ? '' : name,
    } as KubeObject);
  }
}

function recordNodeImages(api: ApiServer, node: NodeDefinition): void {
  const images = [IMAGES.proxy, IMAGES.kindnet, IMAGES.pause];
  if (node.controlPlane)
    images.push(IMAGES.etcd, IMAGES.apiserver, IMAGES.controllerManager, IMAGES.scheduler, IMAGES.coredns);
  const stored = api.store.get('nodes', undefined, node.name) as KubeObject;
  const status = {
    ...(stored['status'] as object),
    images: images.map((i) => ({ names: [imageId(i), qualifiedImage(i)], sizeBytes: imageSize(i) })),
  };
  api.store.put('nodes', { ...stored, status });
}

interface PodDraft {
  name: string;
  generateName?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  spec: PodSpec;
}

/** A pod as it stands after its containers started at cluster creation. */
function runningPod(
  draft: PodDraft,
  node: NodeDefinition,
  podIP: string,
  createdAt: string,
  owners: object[],
): KubeObject {
  const condition = (type: string) => ({
    type,
    observedGeneration: 1,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: createdAt,
  });
  const spec: PodSpec = {
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 2000001000,
    priorityClassName: 'system-node-critical',
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    terminationGracePeriodSeconds: 30,
    ...draft.spec,
    nodeName: node.name,
    containers: draft.spec.containers.map((c) => ({
      imagePullPolicy: 'IfNotPresent',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ...c,
    })),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: draft.name,
      ...(draft.generateName ? { generateName: draft.generateName } : {}),
      namespace: 'kube-system',
      labels: draft.labels,
      ...(draft.annotations ? { annotations: draft.annotations } : {}),
      ownerReferences: owners as KubeObject['metadata']['ownerReferences'],
      generation: 1,
    },
    spec,
    status: {
      observedGeneration: 1,
      phase: 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
      hostIP: node.ip,
      hostIPs: [{ ip: node.ip }],
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: createdAt,
      containerStatuses: spec.containers.map((c) => ({
        name: c.name,
        state: { running: { startedAt: createdAt } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: qualifiedImage(c.image ?? ''),
        imageID: imageId(c.image ?? ''),
        containerID: `containerd://${hex64(`${draft.name}/${c.name}`)}`,
        started: true,
      })),
      qosClass: spec.containers.some((c) => c.resources?.requests) ? 'Burstable' : 'BestEffort',
    },
  };
}

function ownerRef(owner: KubeObject, apiVersion: string, kind: string, block: boolean): object {
  return {
    apiVersion,
    kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    ...(block ? { blockOwnerDeletion: true } : {}),
  };
}

/** DaemonSet pods are pinned to their node by a matchFields affinity. */
function nodeAffinity(node: string): PodSpec['affinity'] {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
}

const requests = (cpu: string, memory?: string): Container['resources'] => ({
  requests: { cpu, ...(memory ? { memory } : {}) },
});

/** kubeadm's static pod manifests (/etc/kubernetes/manifests), shortened to their main flags. */
function staticPods(): PodDraft[] {
  const API_SERVER_IP = CONTROL_PLANE.ip;
  const staticPod = (
    component: string,
    image: string,
    command: string[],
    cpu: string,
    memory?: string,
  ): PodDraft => ({
    name: `${component}-${CONTROL_PLANE.name}`,
    labels: { component, tier: 'control-plane' },
    annotations: {
      'kubernetes.io/config.hash': hex64(component).slice(0, 32),
      'kubernetes.io/config.mirror': hex64(component).slice(0, 32),
      'kubernetes.io/config.seen': '',
      'kubernetes.io/config.source': 'file',
      ...(component === 'kube-apiserver'
        ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${API_SERVER_IP}:6443` }
        : {}),
      ...(component === 'etcd'
        ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${API_SERVER_IP}:2379` }
        : {}),
    },
    spec: {
      hostNetwork: true,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [{ name: component, image, command, resources: requests(cpu, memory) }],
    },
  });
  return [
    staticPod(
      'etcd',
      IMAGES.etcd,
      [
        'etcd',
        `--advertise-client-urls=https://${API_SERVER_IP}:2379`,
        '--data-dir=/var/lib/etcd',
        `--listen-client-urls=https://127.0.0.1:2379,https://${API_SERVER_IP}:2379`,
        `--name=${CONTROL_PLANE.name}`,
      ],
      '100m',
      '100Mi',
    ),
    staticPod(
      'kube-apiserver',
      IMAGES.apiserver,
      [
        'kube-apiserver',
        `--advertise-address=${API_SERVER_IP}`,
        '--authorization-mode=Node,RBAC',
        '--enable-admission-plugins=NodeRestriction',
        '--etcd-servers=https://127.0.0.1:2379',
        '--secure-port=6443',
        '--service-cluster-ip-range=10.96.0.0/12',
      ],
      '250m',
    ),
    staticPod(
      'kube-controller-manager',
      IMAGES.controllerManager,
      [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--cluster-cidr=10.244.0.0/16',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--leader-elect=true',
        '--service-cluster-ip-range=10.96.0.0/12',
      ],
      '200m',
    ),
    staticPod(
      'kube-scheduler',
      IMAGES.scheduler,
      ['kube-scheduler', '--bind-address=127.0.0.1', '--leader-elect=true'],
      '100m',
    ),
  ];
}

function kubeProxy() {
  return {
    name: 'kube-proxy',
    revisionHash: '66b6c55d8b',
    labels: { 'k8s-app': 'kube-proxy' },
    spec: {
      hostNetwork: true,
      serviceAccountName: 'kube-proxy',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'kube-proxy',
          image: IMAGES.proxy,
          command: [
            '/usr/local/bin/kube-proxy',
            '--config=/var/lib/kube-proxy/config.conf',
            '--hostname-override=$(NODE_NAME)',
          ],
        },
      ],
    } as PodSpec,
  };
}

function kindnet() {
  return {
    name: 'kindnet',
    revisionHash: '6d8bd8f9b7',
    labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' },
    spec: {
      hostNetwork: true,
      serviceAccountName: 'kindnet',
      tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
      containers: [
        {
          name: 'kindnet-cni',
          image: IMAGES.kindnet,
          resources: { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } },
        },
      ],
    } as PodSpec,
  };
}

/** CoreDNS as kubeadm installs it: Deployment, ReplicaSet, two pods on the control plane, kube-dns. */
function coreDns(
  api: ApiServer,
  put: (resource: string, object: KubeObject) => KubeObject,
  createdAt: string,
): void {
  const labels = { 'k8s-app': 'kube-dns' };
  const template = {
    metadata: { labels },
    spec: {
      containers: [
        {
          name: 'coredns',
          image: IMAGES.coredns,
          imagePullPolicy: 'IfNotPresent',
          args: ['-conf', '/etc/coredns/Corefile'],
          ports: [
            { containerPort: 53, name: 'dns', protocol: 'UDP' },
            { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
            { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
          ],
          readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10 },
          resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'Default',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      priorityClassName: 'system-cluster-critical',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'coredns',
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
      ],
    },
  };
  const hash = computeHash(template);
  const deployment = put('deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'coredns',
      namespace: 'kube-system',
      labels,
      annotations: { 'deployment.kubernetes.io/revision': '1' },
      generation: 1,
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas: 2,
      revisionHistoryLimit: 10,
      selector: { matchLabels: labels },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 }, type: 'RollingUpdate' },
      template,
    },
    status: {
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      terminatingReplicas: 0,
      conditions: [
        deploymentCondition(
          'Available',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          createdAt,
        ),
        deploymentCondition(
          'Progressing',
          'NewReplicaSetAvailable',
          `ReplicaSet "coredns-${hash}" has successfully progressed.`,
          createdAt,
        ),
      ],
    },
  });
  const rsLabels = { ...labels, 'pod-template-hash': hash };
  const replicaSet = put('replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `coredns-${hash}`,
      namespace: 'kube-system',
      labels: rsLabels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': '2',
        'deployment.kubernetes.io/max-replicas': '3',
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        ownerRef(deployment, 'apps/v1', 'Deployment', true),
      ] as KubeObject['metadata']['ownerReferences'],
      generation: 1,
    },
    spec: {
      replicas: 2,
      selector: { matchLabels: rsLabels },
      template: { ...template, metadata: { labels: rsLabels } },
    },
    status: {
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      terminatingReplicas: 0,
      observedGeneration: 1,
    },
  });
  const random = api.context.random;
  for (const ip of ['10.244.0.2', '10.244.0.3']) {
    const draft: PodDraft = {
      name: `coredns-${hash}-${random.nameSuffix()}`,
      generateName: `coredns-${hash}-`,
      labels: rsLabels,
      spec: { ...(structuredClone(template.spec) as PodSpec) },
    };
    put(
      'pods',
      runningPod(draft, CONTROL_PLANE, ip, createdAt, [ownerRef(replicaSet, 'apps/v1', 'ReplicaSet', true)]),
    );
  }
  api.context.clusterIPs.allocate('10.96.0.10');
  put('services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      selector: labels,
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
}

function deploymentCondition(type: string, reason: string, message: string, at: string) {
  return { type, status: 'True', lastUpdateTime: at, lastTransitionTime: at, reason, message };
}
