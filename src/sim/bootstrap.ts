/**
 * The cluster a learner starts with: a small kubeadm cluster of one control-plane node and two
 * workers, its namespaces, the `kubernetes` service and the system pods, as they stand a few
 * minutes after `kubeadm init` and two `kubeadm join`s.
 */
import type { ApiServer } from './api/apiserver.ts';
import type { KubeObject } from './api/types.ts';
import { systemWorkloads, apiServerEndpoints } from './bootstrap-system.ts';
import { DEFAULT_NODES, type NodeDefinition } from './bootstrap-nodes.ts';
import { KUBERNETES_VERSION } from './version.ts';

/** Objects are written straight to the store: they predate the learner and passed no kubectl. */
export function bootstrapCluster(api: ApiServer, createdAt: string): void {
  const store = api.store;
  const stamp = (object: KubeObject): KubeObject => {
    object.metadata.uid = api.context.random.uuid();
    object.metadata.creationTimestamp = createdAt;
    return object;
  };
  for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    store.put(
      'namespaces',
      stamp({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
        spec: { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      }),
    );
  }
  for (const node of DEFAULT_NODES) store.put('nodes', stamp(nodeObject(node, createdAt)));

  api.context.clusterIPs.allocate('10.96.0.1');
  store.put(
    'services',
    stamp({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    }),
  );
  apiServerEndpoints(api, stamp);
  systemWorkloads(api, stamp, createdAt);
}

function nodeObject(node: NodeDefinition, createdAt: string): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': node.name,
    'kubernetes.io/os': 'linux',
  };
  if (node.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: createdAt,
    lastTransitionTime: createdAt,
    reason,
    message,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: node.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: node.podCIDR,
      podCIDRs: [node.podCIDR],
      ...(node.controlPlane
        ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] }
        : {}),
    },
    status: {
      addresses: [
        { address: node.ip, type: 'InternalIP' },
        { address: node.name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '2',
        'ephemeral-storage': '61202244Ki',
        'hugepages-2Mi': '0',
        memory: '3912796Ki',
        pods: '110',
      },
      capacity: {
        cpu: '2',
        'ephemeral-storage': '61202244Ki',
        'hugepages-2Mi': '0',
        memory: '4015196Ki',
        pods: '110',
      },
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-79-generic',
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.3 LTS',
        systemUUID: '',
      },
    },
  };
}
