/** Tab completion of kubectl words: commands, types, names, flags and flag values from the live cluster. */
import { describe, expect, it } from 'vitest';
import { completeKubectl } from '../../../../src/sim/kubectl/completion.ts';
import { seedRuntime, kubectl } from './seed-runtime.ts';
import { fixtureIndex } from '../../../fixtures/load.ts';

const runtime = seedRuntime(Date.parse(fixtureIndex().capturedAt));

describe('completeKubectl', () => {
  it('completes commands and subcommands', () => {
    expect(completeKubectl([], 'des', runtime)).toEqual(['describe']);
    expect(completeKubectl(['config'], 'use', runtime)).toEqual(['use-context']);
  });

  it('completes resource types as `kubectl api-resources -o name` names them', () => {
    expect(completeKubectl(['get'], 's', runtime)).toEqual(['services', 'statefulsets.apps']);
    expect(completeKubectl(['get'], 'st', runtime)).toEqual(['statefulsets.apps']);
    expect(completeKubectl(['get'], 'po', runtime)).toEqual(['pods']);
    expect(completeKubectl(['get'], 'de', runtime)).toEqual(['deployments.apps']);
  });

  it('completes object names of the type in the namespace, and TYPE/NAME forms', () => {
    expect(completeKubectl(['get', 'svc'], '', runtime)).toEqual(['kubernetes', 'web']);
    expect(completeKubectl(['describe', 'svc'], 'w', runtime)).toEqual(['web']);
    expect(completeKubectl(['get'], 'svc/', runtime)).toEqual(['svc/kubernetes', 'svc/web']);
    expect(completeKubectl(['get', 'svc', '-n', 'kube-system'], '', runtime)).toEqual(['kube-dns']);
    expect(completeKubectl(['get', 'pods', '--namespace=kube-system'], 'etcd', runtime)).toEqual([
      'etcd-control-plane',
    ]);
  });

  it('completes flag names and the values of -o, -n and --context', () => {
    expect(completeKubectl(['get', 'pods'], '--show-l', runtime)).toEqual(['--show-labels']);
    expect(completeKubectl(['get', 'pods', '-o'], 'j', runtime)).toEqual([
      'json',
      'jsonpath',
      'jsonpath-as-json',
      'jsonpath-file',
    ]);
    expect(completeKubectl(['get', 'pods', '-n'], 'kube-', runtime)).toEqual([
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(completeKubectl(['get', 'pods'], '--output=y', runtime)).toEqual(['--output=yaml']);
    expect(completeKubectl(['config', 'use-context'], '', runtime)).toEqual(['kubernetes-admin@kubernetes']);
  });

  it('follows the cluster as it changes', async () => {
    const fresh = seedRuntime(Date.parse(fixtureIndex().capturedAt));
    await kubectl(fresh, ['create', 'service', 'clusterip', 'api', '--tcp=80:8080']);
    expect(completeKubectl(['get', 'svc'], 'a', fresh)).toEqual(['api']);
  });
});
