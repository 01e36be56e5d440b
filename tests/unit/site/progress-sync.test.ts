/**
 * The outline's progress: the server's is the truth when it answers, this browser's copy when it does
 * not, and a submission made offline is sent when the server is back.
 */
import { describe, expect, it } from 'vitest';
import {
  keepPendingSubmission,
  readProgress,
  recordExerciseResult,
  syncProgressWith,
} from '../../../src/components/course/progress-store.ts';
import { memoryStorage } from '../helpers/memory-storage.ts';

type Handler = (path: string, init?: RequestInit) => Response;
function fakeServer(handler: Handler) {
  const calls: string[] = [];
  const fetcher = async (path: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${path}${init?.body ? ` ${String(init.body)}` : ''}`);
    return handler(path, init);
  };
  return { calls, fetcher };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('syncing progress with the server', () => {
  it("takes the server's progress, so a deletion or restore elsewhere shows here", async () => {
    const storage = memoryStorage();
    await recordExerciseResult('why-services-stable-name', true, storage);
    const { fetcher } = fakeServer(() =>
      json({
        progress: [
          { exerciseId: 'nodeport-30033', passed: true, score: 100, bestAt: '2026-11-26T09:00:00.000Z' },
        ],
      }),
    );
    const progress = await syncProgressWith(storage, fetcher);
    expect(progress.exercises).toEqual({
      'nodeport-30033': { passed: true, at: Date.parse('2026-11-26T09:00:00.000Z') },
    });
    expect((await readProgress(storage)).exercises).toEqual(progress.exercises);
  });

  it("keeps this browser's copy when the server cannot be reached", async () => {
    const storage = memoryStorage();
    await recordExerciseResult('why-services-stable-name', true, storage);
    const progress = await syncProgressWith(storage, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(progress.exercises['why-services-stable-name']?.passed).toBe(true);
  });

  it('sends a submission kept offline once, then reads the progress it earned', async () => {
    const storage = memoryStorage();
    keepPendingSubmission(
      { exerciseId: 'nodeport-30033', transcript: [{ type: 'exec', line: 'kubectl get svc' }] },
      storage,
    );
    let graded = false;
    const { calls, fetcher } = fakeServer((path) => {
      if (path === '/api/submissions') {
        graded = true;
        return json({ exerciseId: 'nodeport-30033', passed: true, score: 100, checks: [] }, 201);
      }
      return json({
        progress: graded
          ? [{ exerciseId: 'nodeport-30033', passed: true, bestAt: '2026-11-26T09:00:00.000Z' }]
          : [],
      });
    });
    const progress = await syncProgressWith(storage, fetcher);
    expect(calls).toEqual([
      'POST /api/submissions {"exerciseId":"nodeport-30033","transcript":[{"type":"exec","line":"kubectl get svc"}]}',
      'GET /api/progress',
    ]);
    expect(progress.exercises['nodeport-30033']?.passed).toBe(true);
    await syncProgressWith(storage, fetcher);
    expect(calls.filter((call) => call.startsWith('POST'))).toHaveLength(1);
  });

  it('keeps a kept submission while the server is down or busy', async () => {
    const storage = memoryStorage();
    keepPendingSubmission({ exerciseId: 'nodeport-30033', transcript: [] }, storage);
    const down = fakeServer(() => json({ error: { code: 'rate_limited', message: 'later' } }, 429));
    await syncProgressWith(storage, down.fetcher);
    const back = fakeServer((path) => (path === '/api/submissions' ? json({}, 201) : json({ progress: [] })));
    await syncProgressWith(storage, back.fetcher);
    expect(back.calls[0]).toMatch(/^POST \/api\/submissions/);
  });
});

describe('restore links', () => {
  it('carry the code in the fragment and read it back', async () => {
    const { readRestoreFragment, restoreLink } =
      await import('../../../src/components/course/restore-link.ts');
    const link = restoreLink('https://kube101.example', '7K2M-9QXD-4B8T-JN3R');
    expect(link).toBe('https://kube101.example/progress/#restore=7K2M-9QXD-4B8T-JN3R');
    expect(readRestoreFragment(new URL(link).hash)).toBe('7K2M-9QXD-4B8T-JN3R');
    expect(readRestoreFragment('#restore=<script>')).toBeUndefined();
  });
});
