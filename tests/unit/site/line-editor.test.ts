import { describe, expect, it } from 'vitest';
import {
  LineEditor,
  type Completion,
  type LineEditorOptions,
} from '../../../src/components/terminal/line-editor.ts';
import { Screen } from './terminal-screen.ts';

const left = '\x1b[D';
const right = '\x1b[C';
const up = '\x1b[A';
const down = '\x1b[B';

type Completer = (line: string, cursor: number) => Completion;

async function setup(options: Partial<LineEditorOptions> & { complete?: Completer } = {}, columns = 40) {
  const { complete = () => ({ from: 0, items: [] }), ...editorOptions } = options;
  const editor = new LineEditor({ prompt: '$ ', columns, ...editorOptions });
  const screen = new Screen(columns);
  await screen.write(editor.prompt());
  const submitted: string[] = [];
  const type = async (data: string) => {
    let rest = data;
    while (rest) {
      const result = editor.feed(rest);
      await screen.write(result.output);
      rest = result.rest;
      if (result.completing)
        await screen.write(editor.completeWith(complete(result.completing.line, result.completing.cursor)));
      if (result.submitted !== undefined) {
        submitted.push(result.submitted);
        await screen.write(editor.prompt());
      }
    }
  };
  return { editor, screen, submitted, type };
}

describe('line editor', () => {
  it('shows typed text after the prompt and submits it on Enter', async () => {
    const { screen, submitted, type } = await setup();
    await type('kubectl get nodes');
    expect(screen.lines()).toEqual(['$ kubectl get nodes']);
    await type('\r');
    expect(submitted).toEqual(['kubectl get nodes']);
    expect(screen.lines()).toEqual(['$ kubectl get nodes', '$']);
  });

  it('inserts and deletes in the middle of the line', async () => {
    const { editor, screen, type } = await setup();
    await type('kubectl get pod');
    await type(left.repeat(4) + 'x');
    expect(screen.lines()).toEqual(['$ kubectl getx pod']);
    await type('\x7f' + right + '\x1b[3~');
    expect(editor.line).toBe('kubectl get od');
    expect(screen.lines()).toEqual(['$ kubectl get od']);
    expect(screen.cursor().column).toBe(2 + 'kubectl get '.length);
  });

  it('moves with Home/End and Ctrl-A/E and kills with Ctrl-U/K/W, yanking back with Ctrl-Y', async () => {
    const { editor, screen, type } = await setup();
    await type('kubectl get pods -o wide');
    await type('\x01');
    expect(editor.cursor).toBe(0);
    expect(screen.cursor().column).toBe(2);
    await type('\x05');
    expect(editor.cursor).toBe(editor.line.length);
    await type('\x17');
    expect(editor.line).toBe('kubectl get pods -o ');
    await type('\x1b[H\x0b');
    expect(editor.line).toBe('');
    expect(screen.lines()).toEqual(['$']);
    await type('\x19');
    expect(editor.line).toBe('kubectl get pods -o ');
    await type(left.repeat(4) + '\x15');
    expect(editor.line).toBe(' -o ');
    expect(screen.lines()).toEqual(['$  -o']);
  });

  it('moves by words with Alt-B and Alt-F', async () => {
    const { editor, type } = await setup();
    await type('kubectl get svc/web-2');
    await type('\x1bb');
    expect(editor.cursor).toBe('kubectl get svc/web-'.length);
    await type('\x1bb\x1bb');
    expect(editor.cursor).toBe('kubectl get '.length);
    await type('\x1bf');
    expect(editor.cursor).toBe('kubectl get svc'.length);
  });

  it('walks the history with up and down, keeping the unfinished line', async () => {
    const { editor, screen, type } = await setup({ history: ['kubectl get nodes'] });
    await type('kubectl get pods\r');
    await type('kubectl desc');
    await type(up);
    expect(editor.line).toBe('kubectl get pods');
    await type(up);
    expect(editor.line).toBe('kubectl get nodes');
    await type(up);
    expect(editor.line).toBe('kubectl get nodes');
    await type(down + down);
    expect(editor.line).toBe('kubectl desc');
    expect(screen.lines().at(-1)).toBe('$ kubectl desc');
    expect(editor.history).toEqual(['kubectl get nodes', 'kubectl get pods']);
  });

  it('does not record blank lines or an immediate repeat in the history', async () => {
    const { editor, type } = await setup();
    await type('ls\r\r   \rls\r');
    expect(editor.history).toEqual(['ls']);
  });

  it('completes a single candidate and adds a space', async () => {
    const complete = (line: string, cursor: number) => {
      const from = line.lastIndexOf(' ', cursor - 1) + 1;
      const word = line.slice(from, cursor);
      return {
        from,
        items: ['pods', 'persistentvolumes', 'services'].filter((item) => item.startsWith(word)),
      };
    };
    const { editor, screen, type } = await setup({ complete });
    await type('kubectl get po\t');
    expect(editor.line).toBe('kubectl get pods ');
    await type('\x15kubectl get p\t');
    // Two candidates with nothing in common beyond "p": listed under the line, prompt drawn again.
    expect(screen.lines()).toEqual([
      '$ kubectl get p',
      'pods               persistentvolumes',
      '$ kubectl get p',
    ]);
    expect(editor.line).toBe('kubectl get p');
    await type('e\t');
    expect(editor.line).toBe('kubectl get persistentvolumes ');
  });

  it('inserts the common prefix of several candidates', async () => {
    const complete = () => ({ from: 12, items: ['deployment', 'deployments'] });
    const { editor, type } = await setup({ complete });
    await type('kubectl get d\t');
    expect(editor.line).toBe('kubectl get deployment');
  });

  it('rings the bell when nothing completes', async () => {
    const { editor } = await setup();
    const result = editor.feed('x\t');
    expect(result.completing).toEqual({ line: 'x', cursor: 1 });
    expect(editor.completeWith({ from: 0, items: [] })).toBe('\x07');
  });

  it('clears the line on Ctrl-C, printing ^C, and abandons a multi-line command', async () => {
    const { editor, screen, submitted, type } = await setup();
    await type('cat <<EOF\rhello\x03');
    expect(editor.continuing).toBe(false);
    expect(screen.lines()).toEqual(['$ cat <<EOF', '> hello^C', '$']);
    expect(submitted).toEqual([]);
  });

  it('clears the screen on Ctrl-L, keeping the line being typed', async () => {
    const { screen, type } = await setup();
    await type('ls\rkubectl get');
    await type('\x0c');
    expect(screen.terminal.buffer.active.cursorY).toBe(0);
    expect(
      screen
        .lines()
        .filter((line) => line !== '')
        .at(-1),
    ).toBe('$ kubectl get');
  });

  it('reads a here-document until its terminator and submits it as one command', async () => {
    const { screen, submitted, type } = await setup();
    await type('cat <<EOF > svc.yaml\r');
    await type('kind: Service\r');
    await type('EOF\r');
    expect(submitted).toEqual(['cat <<EOF > svc.yaml\nkind: Service\nEOF']);
    expect(screen.lines()).toEqual(['$ cat <<EOF > svc.yaml', '> kind: Service', '> EOF', '$']);
  });

  it("accepts <<'EOF' and <<-EOF, but not << inside quotes", async () => {
    const { submitted, type } = await setup();
    await type("cat <<'END'\r$HOME\rEND\r");
    await type('cat <<-EOF\rx\rEOF\r');
    await type('echo "a <<b"\r');
    expect(submitted).toEqual(["cat <<'END'\n$HOME\nEND", 'cat <<-EOF\nx\nEOF', 'echo "a <<b"']);
  });

  it('continues a line ending in a backslash, and the shell joins it', async () => {
    const { screen, submitted, editor, type } = await setup();
    await type('kubectl create deployment web \\\r  --image=nginx\r');
    expect(submitted).toEqual(['kubectl create deployment web \\\n  --image=nginx']);
    expect(screen.lines()).toEqual(['$ kubectl create deployment web \\', '>   --image=nginx', '$']);
    expect(editor.history).toEqual(['kubectl create deployment web \\\n  --image=nginx']);
  });

  it('asks for more as the simulator and kubesim do: open quote, trailing pipe, unfinished loop', async () => {
    const { screen, submitted, type } = await setup();
    await type("echo 'unclosed\r");
    await type('kubectl get pods |\r');
    await type('for i in 1 2; do\r');
    expect(submitted).toEqual([]);
    expect(screen.lines()).toEqual(["$ echo 'unclosed", '> kubectl get pods |', '> for i in 1 2; do', '>']);
    await type("'\r");
    expect(submitted).toEqual(["echo 'unclosed\nkubectl get pods |\nfor i in 1 2; do\n'"]);
    await type('for i in 1 2; do\recho $i\rdone\r');
    expect(submitted.at(-1)).toBe('for i in 1 2; do\necho $i\ndone');
  });

  it('runs a pasted block line by line, handing back what follows each command', async () => {
    const editor = new LineEditor({ prompt: '$ ', columns: 40 });
    editor.prompt();
    const first = editor.feed('kubectl get nodes\r\nkubectl get pods\r\n');
    expect(first.submitted).toBe('kubectl get nodes');
    expect(first.rest).toBe('kubectl get pods\r\n');
    editor.prompt();
    expect(editor.feed(first.rest).submitted).toBe('kubectl get pods');
  });

  it('redraws correctly when the line wraps past the terminal width', async () => {
    const { editor, screen, type } = await setup({}, 20);
    await type('kubectl get pods --all-namespaces');
    expect(screen.lines()).toEqual(['$ kubectl get pods -', '-all-namespaces']);
    await type('\x01');
    expect(screen.cursor()).toEqual({ row: 0, column: 2 });
    await type('x');
    expect(screen.lines()).toEqual(['$ xkubectl get pods', '--all-namespaces']);
    await type('\x05');
    expect(screen.cursor()).toEqual({ row: 1, column: 16 });
    await type('\x7f'.repeat(16));
    expect(screen.lines()).toEqual(['$ xkubectl get pods']);
    expect(editor.line).toBe('xkubectl get pods ');
  });

  it('handles a line ending exactly at the right edge', async () => {
    const { screen, type } = await setup({}, 10);
    await type('12345678');
    expect(screen.cursor()).toEqual({ row: 1, column: 0 });
    await type('9');
    expect(screen.lines()).toEqual(['$ 12345678', '9']);
    await type('\x7f\x7f');
    expect(screen.lines()).toEqual(['$ 1234567']);
    expect(screen.cursor()).toEqual({ row: 0, column: 9 });
  });

  it('replaces the line for a palette tap', async () => {
    const { editor, screen, type } = await setup();
    await type('kub');
    await screen.write(editor.setLine('kubectl get svc'));
    expect(screen.lines()).toEqual(['$ kubectl get svc']);
  });

  it('ignores control keys it does not know instead of inserting them', async () => {
    const { editor, type } = await setup();
    await type('a\x1b[15~\x07b');
    expect(editor.line).toBe('ab');
  });
});
