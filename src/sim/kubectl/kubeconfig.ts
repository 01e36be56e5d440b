/**
 * The workstation's kubeconfig, as kubeadm writes admin.conf: one cluster `kubernetes`, one user
 * `kubernetes-admin`, the context `kubernetes-admin@kubernetes`; `kubectl config` changes the
 * contexts and the current one, and commands take their namespace from it.
 */
export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeconfigState {
  clusterName: string;
  userName: string;
  currentContext: string;
  contexts: KubeconfigContext[];
  server: string;
}

export function defaultKubeconfig(server: string): KubeconfigState {
  return {
    clusterName: 'kubernetes',
    userName: 'kubernetes-admin',
    currentContext: 'kubernetes-admin@kubernetes',
    contexts: [{ name: 'kubernetes-admin@kubernetes', cluster: 'kubernetes', user: 'kubernetes-admin' }],
    server,
  };
}

/** The namespace commands use when `-n` is not given: the current context's, else `default`. */
export function currentNamespace(config: KubeconfigState): string {
  return config.contexts.find((c) => c.name === config.currentContext)?.namespace || 'default';
}

/**
 * The kubeconfig as `kubectl config view` prints it, fields in clientcmd's struct order (which
 * `-o json` shows; YAML sorts them): certificate data `DATA+OMITTED` unless `--raw`.
 */
export function kubeconfigDocument(
  config: KubeconfigState,
  options: { minify: boolean; raw: boolean },
): Record<string, unknown> {
  const omit = (data: string) => (options.raw ? data : 'DATA+OMITTED');
  const current = config.contexts.find((c) => c.name === config.currentContext);
  const contexts = options.minify ? (current ? [current] : []) : config.contexts;
  return {
    kind: 'Config',
    apiVersion: 'v1',
    clusters: [
      {
        name: config.clusterName,
        cluster: { server: config.server, 'certificate-authority-data': omit(CA_DATA) },
      },
    ],
    users: [
      {
        name: config.userName,
        user: { 'client-certificate-data': omit(CLIENT_CERT_DATA), 'client-key-data': omit(CLIENT_KEY_DATA) },
      },
    ],
    contexts: contexts.map((c) => ({
      name: c.name,
      context: { cluster: c.cluster, user: c.user, ...(c.namespace ? { namespace: c.namespace } : {}) },
    })),
    'current-context': config.currentContext,
  };
}

const CA_DATA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURCVENDQWUyZ0F3SUJBZ0lJS3ViZTEwMUNBZml4dHVyZUNBd0RRWUpLb1pJaHZjTkFRRUxCUUF3RlRFVE1CRUcKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=';
const CLIENT_CERT_DATA =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURLVENDQWhHZ0F3SUJBZ0lJS3ViZTEwMUFETUlOZml4dHVyZXdEUVlKS29aSWh2Y05BUUVMQlFBd0ZURVRNQkVHCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0K';
const CLIENT_KEY_DATA =
  'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFb3dJQkFBS0NBUUVBS3ViZTEwMWZpeHR1cmVrZXlOb3RBUmVhbEtleUp1c3RQbGFjZWhvbGRlclRleHQKLS0tLS1FTkQgUlNBIFBSSVZBVEUgS0VZLS0tLS0K';
