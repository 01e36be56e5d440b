/** The terminal's session against a shell that answers later, as the lab's worker does. */
import { describe, expect, it } from 'vitest';
import { TerminalSession, type SessionShell } from '../../../src/components/terminal/terminal-session.ts';
import { Screen } from './terminal-screen.ts';

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

function setup() {
  const screen = new Screen(60, 16);
  let written = '';
  const ran: string[] = [];
  const pending: Deferred<{ exitCode: number }>[] = [];
  const completions: Deferred<{ from: number; items: string[] }>[] = [];
  const shell: SessionShell = {
    exec(line, { onStdout }) {
      ran.push(line);
      onStdout(`ran ${line}\n`);
      const answer = deferred<{ exitCode: number }>();
      pending.push(answer);
      return answer.promise;
    },
    complete() {
      const answer = deferred<{ from: number; items: string[] }>();
      completions.push(answer);
      return answer.promise;
    },
  };
  const session = new TerminalSession({
    write: (data) => (written += data),
    shell,
    columns: 60,
    history: [],
  });
  const flush = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await screen.write(written);
    written = '';
  };
  session.start();
  return { session, screen, ran, pending, completions, flush };
}

describe('terminal session', () => {
  it('shows the prompt at once and keeps keys typed while a command runs for the next prompt', async () => {
    const { session, screen, ran, pending, flush } = setup();
    await flush();
    expect(screen.lines()).toEqual(['workstation:~$']);
    session.input('kubectl get pods\r');
    session.input('echo next\r');
    await flush();
    expect(ran).toEqual(['kubectl get pods']);
    pending[0]!.resolve({ exitCode: 0 });
    await flush();
    expect(ran).toEqual(['kubectl get pods', 'echo next']);
    pending[1]!.resolve({ exitCode: 0 });
    await flush();
    expect(screen.lines()).toEqual([
      'workstation:~$ kubectl get pods',
      'ran kubectl get pods',
      'workstation:~$ echo next',
      'ran echo next',
      'workstation:~$',
    ]);
  });

  it('waits for completion candidates before the keys typed after Tab', async () => {
    const { session, screen, completions, flush } = setup();
    session.input('kubectl get dep\t');
    session.input('s -o wide');
    await flush();
    expect(screen.lines()).toEqual(['workstation:~$ kubectl get dep']);
    completions[0]!.resolve({ from: 12, items: ['deployments'] });
    await flush();
    expect(screen.lines()).toEqual(['workstation:~$ kubectl get deployments s -o wide']);
  });

  it('clears the line on a Ctrl-C typed while the candidates are on their way', async () => {
    const { session, screen, completions, flush } = setup();
    session.input('kubectl get po\t');
    session.input('\x03');
    completions[0]!.resolve({ from: 12, items: [] });
    await flush();
    expect(screen.lines()).toEqual(['workstation:~$ kubectl get po^C', 'workstation:~$']);
  });
});
