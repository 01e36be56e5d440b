/**
 * `kubectl run --rm -it` with the images tutorials copy attaches a shell in which their tools run
 * (gcr.io/google-containers/busybox used to be unknown, so the command waited for a pod that never started).
 */
import { describe, expect, it } from 'vitest';
import { liveCluster } from './live-cluster.ts';

describe('kubectl run --rm -it with a tutorial image', () => {
  for (const [image, shell, prompt, answer] of [
    [
      'gcr.io/google-containers/busybox',
      'sh',
      '/ # ',
      'Name:      kubernetes.default\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n',
    ],
    [
      'registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3',
      'bash',
      undefined,
      'Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n',
    ],
    [
      'nicolaka/netshoot',
      'sh',
      '/ # ',
      'Name:\tkubernetes.default.svc.cluster.local\nAddress: 10.96.0.1\n\n',
    ],
  ] as const) {
    it(`${image}: attaches ${shell}, where nslookup kubernetes.default answers`, async () => {
      const cluster = liveCluster();
      await cluster.exec(`kubectl run tmp --rm -it --image=${image} --restart=Never -- ${shell}`, {
        interactive: true,
      });
      if (prompt) expect(cluster.podPrompt).toBe(prompt);
      else expect(cluster.podPrompt).toBeDefined();
      const lookup = await cluster.exec('nslookup kubernetes.default', { interactive: true });
      expect(lookup.stdout.endsWith(answer)).toBe(true);
      expect(lookup.exitCode).toBe(0);
      await cluster.exec('exit', { interactive: true });
      expect(cluster.podPrompt).toBeUndefined();
    }, 20_000);
  }
});
