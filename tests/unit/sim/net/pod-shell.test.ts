import { describe, expect, it } from 'vitest';
import { clusterWith, podNames, podRuntime } from './helpers.ts';
import { Terminal } from '../../../../src/sim/shell/terminal.ts';
import { VirtualFs } from '../../../../src/sim/shell/vfs.ts';
import type { Runtime } from '../../../../src/sim/runtime.ts';

describe('an interactive shell in a pod (kubectl exec -it POD -- sh)', () => {
  it('takes the next lines until exit, then hands back to the workstation', async () => {
    const cluster = await clusterWith([
      'kubectl create deployment web --image=kube101/hello --replicas=1 --port=300',
      'kubectl create service clusterip web --tcp=82:300',
      'kubectl create deployment client --image=busybox -- sleep 3600',
    ]);
    const [client] = podNames(cluster, 'client');
    const runtime: Runtime = {
      ...podRuntime(cluster),
      fs: new VirtualFs(),
      history: [],
      controllers: { run() {} },
    } as unknown as Runtime;
    const exits: number[] = [];
    const terminal = new Terminal(runtime);
    const attached = await terminal.execInPod({ namespace: 'default', pod: client as string }, ['sh'], {
      stdin: '',
      stdout: () => {},
      stderr: () => {},
      interactive: true,
      tty: true,
      onExit: (io, code) => {
        exits.push(code);
        io.stdout('pod "client" deleted\n');
      },
    });
    expect(attached).toBe('attached');
    expect(terminal.podPrompt).toBe('/ # ');
    expect(await terminal.run('hostname')).toEqual({ stdout: `${client}\n`, stderr: '', exitCode: 0 });
    expect((await terminal.run('wget -qO- web:82')).stdout).toMatch(/^Hello from web-.* on port 300\n$/);
    expect(await terminal.run('kubectl get pods')).toEqual({
      stdout: '',
      stderr: 'sh: kubectl: not found\n',
      exitCode: 127,
    });
    await terminal.run('cd /etc');
    expect(terminal.podPrompt).toBe('/etc # ');
    expect(await terminal.run('exit 3')).toEqual({
      stdout: 'pod "client" deleted\n',
      stderr: '',
      exitCode: 3,
    });
    expect(exits).toEqual([3]);
    expect(terminal.podPrompt).toBeUndefined();
    expect((await terminal.run('pwd')).stdout).toBe('/home/learner\n');
  });

  it('runs a script from stdin and returns when there is no terminal', async () => {
    const cluster = await clusterWith(['kubectl create deployment client --image=busybox -- sleep 3600']);
    const [client] = podNames(cluster, 'client');
    let stdout = '';
    const code = await new Terminal(podRuntime(cluster)).execInPod(
      { namespace: 'default', pod: client as string },
      ['sh'],
      {
        stdin: 'echo one\nexit 4\necho never\n',
        stdout: (t) => (stdout += t),
        stderr: () => {},
      },
    );
    expect({ code, stdout }).toEqual({ code: 4, stdout: 'one\n' });
  });
});
