/** The workstation's kubeconfig: one cluster, one user, the current context and its namespace. */
export interface KubeconfigState {
  clusterName: string;
  userName: string;
  currentContext: string;
  contexts: { name: string; cluster: string; user: string; namespace?: string }[];
  server: string;
}

export function defaultKubeconfig(server: string): KubeconfigState {
  return {
    clusterName: 'kube101',
    userName: 'kube101-admin',
    currentContext: 'kube101-admin@kube101',
    contexts: [{ name: 'kube101-admin@kube101', cluster: 'kube101', user: 'kube101-admin' }],
    server,
  };
}

/** The namespace commands use when `-n` is not given: the current context's, else `default`. */
export function currentNamespace(config: KubeconfigState): string {
  return config.contexts.find((c) => c.name === config.currentContext)?.namespace ?? 'default';
}
