/**
 * The images of a kubeadm cluster's own pods (control plane, kube-proxy, CoreDNS, the CNI), so the
 * system pods the bootstrap creates pull and run like everything else.
 */
import type { ImageSpec } from '../images.ts';

const system = (names: string[], listens: number[] = []): ImageSpec => ({ names, listens, executables: [] });

export const SYSTEM_IMAGES: readonly ImageSpec[] = [
  system(['registry.k8s.io/kube-apiserver'], [6443]),
  system(['registry.k8s.io/kube-controller-manager'], [10257]),
  system(['registry.k8s.io/kube-scheduler'], [10259]),
  system(['registry.k8s.io/kube-proxy'], [10249, 10256]),
  system(['registry.k8s.io/etcd'], [2379, 2380]),
  system(['registry.k8s.io/coredns/coredns'], [53, 8080, 8181, 9153]),
  system(['registry.k8s.io/pause']),
  system(['docker.io/kindest/kindnetd', 'kindest/kindnetd']),
  system(['docker.io/flannel/flannel', 'flannel/flannel', 'ghcr.io/flannel-io/flannel']),
  system(['docker.io/flannel/flannel-cni-plugin', 'flannel/flannel-cni-plugin']),
  system(['docker.io/kindest/local-path-provisioner', 'kindest/local-path-provisioner']),
  system(['gcr.io/k8s-minikube/storage-provisioner']),
  system(['quay.io/metallb/controller'], [7472]),
  system(['quay.io/metallb/speaker'], [7472]),
  system(['registry.k8s.io/metrics-server/metrics-server'], [10250]),
];
