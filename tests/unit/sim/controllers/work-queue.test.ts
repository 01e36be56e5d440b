import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../../../src/sim/controllers/work-queue.ts';

/** Run `process` once and return the keys synced, in order. */
function drain(queue: WorkQueue, now: number, onSync: (key: string) => void = () => {}): string[] {
  const synced: string[] = [];
  queue.process(now, (key) => {
    synced.push(key);
    onSync(key);
  });
  return synced;
}

describe('WorkQueue', () => {
  it('syncs each dirty key once, in key order, whatever order and how often it was added', () => {
    const queue = new WorkQueue({ rounds: 1 });
    for (const key of ['default/web', 'default/api', 'default/web', 'apps/db']) queue.add(key);
    expect(drain(queue, 0)).toEqual(['apps/db', 'default/api', 'default/web']);
    expect(drain(queue, 0)).toEqual([]);
  });

  it('syncs a key when its deadline comes, not before, and forgets a cleared deadline', () => {
    const queue = new WorkQueue({ rounds: 1 });
    queue.setDeadline('default/a', 5000);
    queue.setDeadline('default/b', 3000);
    queue.setDeadline('default/c', 4000);
    queue.setDeadline('default/c', undefined);
    expect(queue.nextDeadline()).toBe(3000);
    expect(drain(queue, 2999)).toEqual([]);
    expect(drain(queue, 3000)).toEqual(['default/b']);
    expect(queue.nextDeadline()).toBe(5000);
    expect(drain(queue, 10_000)).toEqual(['default/a']);
    expect(queue.nextDeadline()).toBeUndefined();
  });

  it('keeps one deadline a key: the one set last, earlier or later', () => {
    const queue = new WorkQueue({ rounds: 1 });
    queue.setDeadline('default/a', 1000);
    queue.setDeadline('default/a', 8000);
    expect(queue.nextDeadline()).toBe(8000);
    expect(drain(queue, 1000)).toEqual([]);
    queue.setDeadline('default/a', 2000);
    expect(drain(queue, 2000)).toEqual(['default/a']);
  });

  it('drains keys that syncs dirty again up to its round limit, and leaves the rest for the next call', () => {
    const queue = new WorkQueue({ rounds: 3 });
    queue.add('k');
    // Every sync of k dirties it again, as a controller whose own write wakes it would.
    const requeue = () => queue.add('k');
    expect(drain(queue, 0, requeue)).toEqual(['k', 'k', 'k']);
    expect(drain(queue, 0)).toEqual(['k']);
    expect(drain(queue, 0)).toEqual([]);
  });

  it('with no round limit, runs until a round dirties nothing', () => {
    const queue = new WorkQueue({ rounds: Infinity });
    queue.add('k');
    let left = 50;
    expect(drain(queue, 0, () => left-- > 0 && queue.add('k'))).toHaveLength(51);
  });
});
