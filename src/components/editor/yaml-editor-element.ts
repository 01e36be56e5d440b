// <yaml-editor data-file>: shows the file's first content as plain text, loads Monaco when it nears the
// viewport (or Apply is pressed), keeps the file in the lab's file system as the learner types,
// applies it through the terminal, and takes `kubectl edit` / `vi` requests (the page's first editor).
import { whenNear } from '../site/when-near.ts';
import { runInTerminal } from '../terminal/run-commands.ts';
import { editRequestEvent } from '../lab/edit-request.ts';

type Handle = import('./monaco-yaml-editor.ts').YamlEditorHandle;
type Lab = import('../lab/lab-client.ts').LabClient;
type EditRequest = import('../lab/edit-request.ts').EditRequest;

function prefersDark(): boolean {
  const chosen = document.documentElement.dataset.theme;
  if (chosen) return chosen === 'dark';
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

export class YamlEditor extends HTMLElement {
  #loaded?: Promise<{ editor: Handle; lab: Lab }>;
  #writeTimer: ReturnType<typeof setTimeout> | undefined;
  #editing?: EditRequest;

  get file(): string {
    return this.dataset.file!;
  }

  connectedCallback() {
    this.querySelector<HTMLElement>('.actions')!.hidden = false;
    whenNear(this, '200px', () => void this.#load());
    this.querySelector('.apply')!.addEventListener('click', () => void this.#apply());
    this.querySelector('.done')!.addEventListener('click', () => void this.#finishEdit());
    // `kubectl edit` and `vi FILE` in the terminal: the first editor of the page takes them.
    if (document.querySelector('yaml-editor') === this) {
      window.addEventListener(editRequestEvent, (event) => {
        event.preventDefault();
        void this.#startEdit((event as CustomEvent<EditRequest>).detail);
      });
    }
  }

  #initialText(): string {
    return this.querySelector('.initial pre')?.textContent ?? '';
  }

  #load() {
    this.#loaded ??= (async () => {
      performance.mark('kube101:monaco-requested');
      const [{ createYamlEditor }, { getLab }] = await Promise.all([
        import('./monaco-yaml-editor.ts'),
        import('../lab/lab-client.ts'),
      ]);
      const lab = await getLab();
      const container = this.querySelector<HTMLElement>('.monaco')!;
      const initial = this.querySelector<HTMLElement>('.initial')!;
      const onDisk = await lab.readFile(this.file);
      const content = onDisk ?? this.#initialText();
      container.hidden = false;
      initial.hidden = true;
      const editor = createYamlEditor(container, {
        dark: prefersDark(),
        label: `YAML editor for ${this.file}`,
        onChange: (path, text) => this.#scheduleWrite(lab, path, text),
        onProblems: (problems) => this.#showProblems(problems),
      });
      editor.open(this.file, content);
      if (onDisk === undefined) await lab.writeFile(this.file, content);
      const followTheme = () => editor.setDark(prefersDark());
      window.addEventListener('kube101:theme', followTheme);
      matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followTheme);
      // The terminal may change the file (a heredoc, `kubectl edit`): show what is on disk.
      const sync = async () => {
        const path = editor.path;
        const text = await lab.readFile(path);
        if (text !== undefined && !this.#writeTimer && editor.path === path) editor.setValue(text);
      };
      lab.addEventListener('exec', () => void sync());
      lab.addEventListener('reset', () => void this.#reopen(editor, lab));
      performance.mark('kube101:monaco-ready');
      this.dataset.ready = '';
      return { editor, lab };
    })();
    return this.#loaded;
  }

  async #reopen(editor: Handle, lab: Lab) {
    editor.open(this.file, (await lab.readFile(this.file)) ?? this.#initialText());
  }

  #scheduleWrite(lab: Lab, path: string, text: string) {
    clearTimeout(this.#writeTimer);
    this.#writeTimer = setTimeout(() => {
      this.#writeTimer = undefined;
      void lab.writeFile(path, text);
    }, 250);
  }

  async #flush() {
    const { editor, lab } = await this.#load();
    clearTimeout(this.#writeTimer);
    this.#writeTimer = undefined;
    await lab.writeFile(editor.path, editor.value());
    return { editor, lab };
  }

  async #apply() {
    const { editor } = await this.#flush();
    runInTerminal([`kubectl apply -f ${editor.path}`]);
  }

  async #startEdit(request: EditRequest) {
    if (this.#editing) await this.#finishEdit();
    const { editor, lab } = await this.#load();
    this.#editing = request;
    editor.open(request.path, (await lab.readFile(request.path)) ?? '');
    this.querySelector('.file')!.textContent = request.path;
    this.querySelector<HTMLElement>('.done')!.hidden = false;
    this.querySelector<HTMLElement>('.apply')!.hidden = true;
    this.scrollIntoView({ block: 'center', behavior: 'smooth' });
    editor.focus();
  }

  async #finishEdit() {
    const request = this.#editing;
    if (!request) return;
    const { editor } = await this.#flush();
    this.#editing = undefined;
    const { lab } = await this.#load();
    await this.#reopen(editor, lab);
    this.querySelector('.file')!.textContent = this.file;
    this.querySelector<HTMLElement>('.done')!.hidden = true;
    this.querySelector<HTMLElement>('.apply')!.hidden = false;
    request.done();
  }

  #showProblems(problems: import('./monaco-yaml-editor.ts').Problem[]) {
    const list = this.querySelector('.problems')!;
    list.replaceChildren();
    if (problems.length === 0) return;
    const heading = document.createElement('p');
    heading.textContent = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const items = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = `Line ${problem.line}, column ${problem.column}: ${problem.message}`;
      item.dataset.severity = problem.severity;
      items.append(item);
    }
    list.append(heading, items);
  }
}
if (!customElements.get('yaml-editor')) customElements.define('yaml-editor', YamlEditor);
