/**
 * The page moves the cluster's clock by fractional wall-clock steps (performance.now deltas); the
 * cluster must keep working on them, and lose no time to rounding.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/sim/index.ts';

describe('a cluster whose clock follows the wall clock', () => {
  it('records events after fractional steps, and keeps the fractions', async () => {
    const cluster = createCluster({ seed: 1 });
    const start = cluster.now();
    for (let i = 0; i < 40; i++) cluster.advance(250.3);
    expect(cluster.now()).toBe(start + 10_012);
    const created = await cluster.exec('kubectl create deployment web --image=nginx');
    expect(created.stderr).toBe('');
    for (let i = 0; i < 40; i++) cluster.advance(100.7);
    const events = await cluster.exec('kubectl get events --field-selector reason=Scheduled -o name');
    expect(events.exitCode).toBe(0);
    expect(events.stdout).toMatch(/^event\/web-[a-z0-9]+-[a-z0-9]+\.[0-9a-f]+\n$/);
  });
});
