import { describe, expect, it } from 'vitest';
import { decodeTranscript, encodeTranscript } from '../../../src/components/lab/transcript.ts';
import { isTranscript, TRANSCRIPT_LIMITS } from '../../../src/grading/transcript.ts';

describe('share transcript', () => {
  it('survives the round trip through a URL fragment, unicode and newlines included', async () => {
    const transcript = [
      { type: 'exec' as const, line: 'kubectl create deployment web --image=nginx' },
      { type: 'write' as const, path: 'svc.yaml', content: 'kind: Service\nmetadata:\n  name: wéb ✓\n' },
      { type: 'exec' as const, line: 'kubectl apply -f svc.yaml' },
    ];
    const encoded = await encodeTranscript(transcript);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeTranscript(encoded)).toEqual(transcript);
  });

  it('rejects text that is not a transcript', async () => {
    const notTranscript = await encodeTranscript([{ type: 'exec', line: 'ls' }]).then(() =>
      encodeTranscript([{ type: 'oops' } as never]),
    );
    await expect(decodeTranscript(notTranscript)).rejects.toThrow('not a Kube101 transcript');
    expect(isTranscript([{ type: 'write', path: 'a' }])).toBe(false);
  });

  it('holds to the limits the server replays, so a link never carries what a submission could not', async () => {
    const tooLong = Array.from({ length: TRANSCRIPT_LIMITS.entries + 1 }, () => ({
      type: 'exec' as const,
      line: 'kubectl get pods',
    }));
    await expect(decodeTranscript(await encodeTranscript(tooLong))).rejects.toThrow(
      'not a Kube101 transcript',
    );
    expect(isTranscript(tooLong.slice(1))).toBe(true);
    expect(isTranscript([{ type: 'write', path: '', content: '' }])).toBe(false);
  });
});
