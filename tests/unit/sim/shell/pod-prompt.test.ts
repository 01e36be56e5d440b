/**
 * A shell opened in a pod shows its own prompt, so that a learner sees they are no longer on the
 * workstation (where `kubectl` is, and busybox is not).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../../src/sim/index.ts';

let timer: ReturnType<typeof setInterval> | undefined;
afterEach(() => clearInterval(timer));

/** A live terminal's cluster: the page moves the clock with the wall clock, here faster. */
function liveCluster(): Cluster {
  const cluster = createCluster({ seed: 1 });
  timer = setInterval(() => cluster.advance(1000), 5);
  return cluster;
}

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
