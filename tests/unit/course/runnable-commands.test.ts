/** Which code blocks of a lesson get a Run in terminal button. */
import { describe, expect, it } from 'vitest';
import { runnableCommands } from '../../../src/course/runnable-commands.ts';

describe('runnable commands', () => {
  it('runs commands, and lines that read a value into a variable for the next ones', () => {
    const block = [
      "NODE_PORT=$(kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}')",
      'curl http://192.168.49.3:$NODE_PORT',
    ].join('\n');
    expect(runnableCommands(block)).toEqual(block.split('\n'));
  });

  it('runs nothing of a block with a placeholder or a line the terminal does not know', () => {
    expect(runnableCommands('curl http://<node-ip>:30033')).toEqual([]);
    expect(runnableCommands('kubectl get pods\nminikube ip')).toEqual([]);
    expect(runnableCommands('= not a variable')).toEqual([]);
  });
});
