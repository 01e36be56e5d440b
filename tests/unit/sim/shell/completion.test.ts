import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/sim/index.ts';
import { needsMoreInput } from '../../../../src/sim/shell/input.ts';

describe('tab completion', () => {
  const cluster = createCluster({ seed: 1 });
  cluster.fs.write('svc.yaml', 'kind: Service\n');
  cluster.fs.write('manifests/web.yaml', 'kind: Deployment\n');

  it('completes command names in command position, aliases included', () => {
    expect(cluster.complete('kub', 3)).toEqual({ from: 0, items: ['kubectl'] });
    expect(cluster.complete('echo hi | gr', 12)).toEqual({ from: 10, items: ['grep'] });
    expect(cluster.complete('k', 1).items).toContain('k');
  });

  it('hands kubectl words to kubectl, through the k alias too', () => {
    expect(cluster.complete('kubectl get no', 14)).toEqual({ from: 12, items: ['nodes'] });
    expect(cluster.complete('k get nodes work', 16)).toEqual({ from: 12, items: ['worker-1', 'worker-2'] });
  });

  it('completes file paths for other words and after -f', () => {
    expect(cluster.complete('cat s', 5)).toEqual({ from: 4, items: ['svc.yaml'] });
    expect(cluster.complete('kubectl apply -f man', 20)).toEqual({ from: 17, items: ['manifests/'] });
    expect(cluster.complete('cat manifests/', 14)).toEqual({ from: 4, items: ['manifests/web.yaml'] });
    expect(cluster.complete('echo > s', 8)).toEqual({ from: 7, items: ['svc.yaml'] });
  });

  it('completes the word at the cursor, not the end of the line', () => {
    expect(cluster.complete('kub get pods', 3)).toEqual({ from: 0, items: ['kubectl'] });
  });
});

describe('input gathering', () => {
  it.each([
    ['echo "open', true],
    ['cat <<EOF\nkind: Service', true],
    ['cat <<EOF\nkind: Service\nEOF', false],
    ['kubectl get pods |', true],
    ['kubectl get \\', true],
    ['for i in 1 2; do', true],
    ['for i in 1 2; do echo $i; done', false],
    ['echo a | | b', false],
    ['echo done', false],
  ])('%j needs more input: %s', (text, expected) => {
    expect(needsMoreInput(text)).toBe(expected);
  });
});
