import { describe, expect, it } from 'vitest';
import { readShareFragment, shareFragment } from '../../../src/components/lab/share-link.ts';

describe('share links', () => {
  it('name the exercise the work started from, so the replay starts there', () => {
    const hash = shareFragment('eJzLSM3JyQcABiwCFQ', 'nodeport-30033');
    expect(hash).toBe('#exercise=nodeport-30033&replay=eJzLSM3JyQcABiwCFQ');
    expect(readShareFragment(hash)).toEqual({ data: 'eJzLSM3JyQcABiwCFQ', exercise: 'nodeport-30033' });
  });

  it('replay from the lesson when no exercise was running, as older links do', () => {
    expect(shareFragment('abc_-', undefined)).toBe('#replay=abc_-');
    expect(readShareFragment('#replay=abc_-')).toEqual({ data: 'abc_-' });
  });

  it('ignore a fragment that is not a share, and an exercise name that could not be one', () => {
    expect(readShareFragment('#restore=7K2M')).toBeUndefined();
    expect(readShareFragment('#exercise=../../x&replay=abc')).toEqual({ data: 'abc' });
  });
});
