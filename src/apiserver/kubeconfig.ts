/** The kubeconfig that points a kubectl at a served cluster: context `kube101`, namespace `default`. */
import { stringify } from 'yaml';

export function kubeconfigFor(url: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    // Plain HTTP on loopback; the flag lets clients that insist on TLS settings (client-node) connect.
    clusters: [{ name: 'kube101', cluster: { server: url, 'insecure-skip-tls-verify': true } }],
    users: [{ name: 'learner', user: {} }],
    contexts: [{ name: 'kube101', context: { cluster: 'kube101', user: 'learner', namespace: 'default' } }],
    'current-context': 'kube101',
    preferences: {},
  });
}
