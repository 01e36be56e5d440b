/**
 * <yaml-editor> on the markup YamlEditor.astro renders, with the page's real lab (its worker's
 * service in this process) and a stand-in for Monaco, which does not run outside a browser: what Apply does, how
 * problems read, and how it serves `kubectl edit`.
 */
import { describe, expect, it, vi } from 'vitest';
import YamlEditor from '../../../src/components/editor/YamlEditor.astro';
import type { Problem } from '../../../src/components/editor/monaco-yaml-editor.ts';
import { editRequestEvent, type EditRequest } from '../../../src/components/lab/edit-request.ts';
import { elementPage, mount, renderComponent } from './element-page.ts';
import { stubLabWorker } from './in-process-lab-worker.ts';

/** What the learner has typed into the (stand-in) editor, and the editor's callbacks. */
const monaco = vi.hoisted(() => ({
  text: new Map<string, string>(),
  path: '',
  onProblems: (_problems: Problem[]) => {},
}));

vi.mock('../../../src/components/editor/monaco-yaml-editor.ts', () => ({
  createYamlEditor: (_element: HTMLElement, options: { onProblems: (problems: Problem[]) => void }) => {
    monaco.onProblems = options.onProblems;
    return {
      open(path: string, content: string) {
        monaco.path = path;
        if (!monaco.text.has(path)) monaco.text.set(path, content);
      },
      get path() {
        return monaco.path;
      },
      value: () => monaco.text.get(monaco.path) ?? '',
      setValue: (content: string) => monaco.text.set(monaco.path, content),
      setDark: () => {},
      focus: () => {},
      dispose: () => {},
    };
  },
}));

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
let html: string;

// One page for the whole file, as a learner's: the editor and the lab carry over from test to test.
elementPage(
  'http://localhost:4321/lessons/nodeport/',
  async () => {
    html = await renderComponent(YamlEditor, { file: 'web.yaml' }, { default: `<pre>${service}</pre>` });
  },
  async () => {
    stubLabWorker();
    await import('../../../src/components/editor/yaml-editor-element.ts');
    mount(`<div data-lab="nodeport" data-lab-seed="1" data-lab-setup="[]"></div>${html}`);
  },
  { keep: true },
);

const editor = () => document.querySelector<HTMLElement>('yaml-editor')!;
const lab = async () => (await import('../../../src/components/lab/lab-client.ts')).getLab();

describe('<yaml-editor>', () => {
  it('applies what the learner typed: the file is saved in the lab and the terminal runs kubectl apply', async () => {
    const asked: string[][] = [];
    window.addEventListener('kube101:run', (event) =>
      asked.push((event as CustomEvent<{ commands: string[] }>).detail.commands),
    );
    expect(editor().querySelector<HTMLElement>('.actions')!.hidden).toBe(false);
    editor().querySelector<HTMLButtonElement>('.apply')!.click();
    // The first Apply loads the editor and the lab (the simulator with it).
    await vi.waitFor(() => expect(asked).toEqual([['kubectl apply -f web.yaml']]), { timeout: 15_000 });
    expect(await (await lab()).readFile('web.yaml')).toBe(service);
    monaco.text.set('web.yaml', service.replace('web', 'shop'));
    editor().querySelector<HTMLButtonElement>('.apply')!.click();
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    expect(await (await lab()).readFile('web.yaml')).toContain('name: shop');
  });

  it('lists the problems the schema finds, line and column first', async () => {
    await vi.waitFor(() => expect(editor().dataset.ready).toBe(''));
    monaco.onProblems([
      { line: 3, column: 1, message: 'Missing property "spec".', severity: 'error' },
      { line: 1, column: 13, message: 'Prefer v1.', severity: 'warning' },
    ]);
    const problems = editor().querySelector('.problems')!;
    expect(problems.querySelector('p')!.textContent).toBe('2 problems');
    expect([...problems.querySelectorAll('li')].map((li) => [li.textContent, li.dataset.severity])).toEqual([
      ['Line 3, column 1: Missing property "spec".', 'error'],
      ['Line 1, column 13: Prefer v1.', 'warning'],
    ]);
    monaco.onProblems([]);
    expect(problems.textContent).toBe('');
  });

  it('opens the file `kubectl edit` asks for, and hands it back on Save and close', async () => {
    await (await lab()).writeFile('live.yaml', 'kind: Service\n');
    let done = 0;
    const request = new CustomEvent<EditRequest>(editRequestEvent, {
      detail: { path: 'live.yaml', done: () => done++ },
      cancelable: true,
    });
    window.dispatchEvent(request);
    expect(request.defaultPrevented).toBe(true);
    const save = editor().querySelector<HTMLButtonElement>('.done')!;
    await vi.waitFor(() => expect(save.hidden).toBe(false));
    expect(editor().querySelector('.file')!.textContent).toBe('live.yaml');
    expect(editor().querySelector<HTMLElement>('.apply')!.hidden).toBe(true);
    monaco.text.set('live.yaml', 'kind: Service\nmetadata: {}\n');
    save.click();
    await vi.waitFor(() => expect(done).toBe(1));
    expect(await (await lab()).readFile('live.yaml')).toBe('kind: Service\nmetadata: {}\n');
    expect(editor().querySelector('.file')!.textContent).toBe('web.yaml');
    expect(save.hidden).toBe(true);
  });
});
