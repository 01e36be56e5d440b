/**
 * A shell opened in a pod shows its own prompt, so that a learner sees they are no longer on the
 * workstation (where `kubectl` is, and busybox is not).
 */
import { describe, expect, it } from 'vitest';
import { liveCluster } from './live-cluster.ts';

describe('the prompt of a shell in a pod', () => {
  it("is busybox's `/ # ` while attached, and the workstation's again after exit", async () => {
    const cluster = liveCluster();
    expect(cluster.podPrompt).toBeUndefined();
    await cluster.exec('kubectl run tmp --rm -it --image=busybox --restart=Never -- sh', {
      interactive: true,
    });
    expect(cluster.podPrompt).toBe('/ # ');
    expect((await cluster.exec('hostname', { interactive: true })).stdout).toBe('tmp\n');
    await cluster.exec('cd /etc', { interactive: true });
    expect(cluster.podPrompt).toBe('/etc # ');
    await cluster.exec('exit', { interactive: true });
    expect(cluster.podPrompt).toBeUndefined();
  }, 20_000);
});
