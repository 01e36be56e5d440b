/**
 * `<kube-terminal>`: the lesson's terminal (markup in Terminal.astro). This element is all the page
 * loads up front; xterm and the session arrive when the terminal scrolls into view (or a Run button
 * asks for it), and the simulator starts in its worker at the same moment. The prompt does not wait
 * for the simulator: a line typed before it is ready runs once it is.
 */
import { runCommandsEvent, type RunCommandsDetail } from './run-commands.ts';

type Booted = {
  session: import('./terminal-session.ts').TerminalSession;
  view: import('./terminal-view.ts').TerminalView;
  lab: import('../lab/lab-client.ts').LabClient;
};

export const screenReaderKey = 'kube101:screen-reader';

export function banner(reset = false): string {
  const intro = reset
    ? 'A fresh cluster: the lesson starts over.'
    : "A workstation beside the lesson's cluster (3 nodes).";
  return `\x1b[2m${intro}\nTab completes, ↑ recalls, Ctrl-C stops a command.\x1b[0m\n`;
}

/** The commands of the page's code blocks, once each, in page order: the phone palette offers them. */
export function pageCommands(root: ParentNode): string[] {
  const blocks = root.querySelectorAll<HTMLElement>('code-block[data-commands]');
  return [...new Set([...blocks].flatMap((block) => JSON.parse(block.dataset.commands!) as string[]))];
}

export class KubeTerminal extends HTMLElement {
  #booted?: Promise<Booted>;
  #status!: HTMLElement;

  connectedCallback() {
    this.#status = this.querySelector('.status')!;
    this.querySelector<HTMLElement>('.actions')!.hidden = false;
    this.querySelector<HTMLElement>('.loading')!.hidden = false;
    const screenReader = this.querySelector<HTMLButtonElement>('[data-action="screen-reader"]')!;
    screenReader.setAttribute('aria-pressed', String(localStorage.getItem(screenReaderKey) === 'on'));

    const visible = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        visible.disconnect();
        void this.#boot();
      }
    });
    visible.observe(this.querySelector('[data-screen]')!);

    window.addEventListener(runCommandsEvent, (event) => {
      const { commands } = (event as CustomEvent<RunCommandsDetail>).detail;
      void this.#boot().then(({ session, view }) => {
        this.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        view.terminal.focus();
        session.type(commands);
      });
    });

    this.querySelector('[data-action="reset"]')!.addEventListener('click', () => void this.#reset());
    this.querySelector('[data-action="share"]')!.addEventListener('click', () => void this.#share());
    screenReader.addEventListener('click', () => {
      const on = screenReader.getAttribute('aria-pressed') !== 'true';
      screenReader.setAttribute('aria-pressed', String(on));
      localStorage.setItem(screenReaderKey, on ? 'on' : 'off');
      void this.#boot().then(({ view }) => (view.terminal.options.screenReaderMode = on));
    });
    this.#setUpPalette();
  }

  #boot(): Promise<Booted> {
    this.#booted ??= (async () => {
      performance.mark('kube101:terminal-visible');
      const lab = import('../lab/lab-client.ts').then(({ getLab }) => getLab());
      const [{ createTerminalView }, { TerminalSession }] = await Promise.all([
        import('./terminal-view.ts'),
        import('./terminal-session.ts'),
      ]);
      performance.mark('kube101:terminal-code-loaded');
      const screen = this.querySelector<HTMLElement>('[data-screen]')!;
      screen.replaceChildren();
      const view = createTerminalView(screen, {
        screenReaderMode: localStorage.getItem(screenReaderKey) === 'on',
      });
      const slug = document.querySelector<HTMLElement>('[data-lab]')?.dataset.lab ?? 'page';
      const historyKey = `kube101:history:${slug}`;
      // The lab once it is open: until then the prompt is the workstation's.
      let opened: Booted['lab'] | undefined;
      lab.then(
        (ready) => (opened = ready),
        () => undefined,
      );
      const session = new TerminalSession({
        write: (data) => view.terminal.write(data),
        columns: view.terminal.cols,
        history: JSON.parse(localStorage.getItem(historyKey) ?? '[]') as string[],
        onHistory: (history) => localStorage.setItem(historyKey, JSON.stringify(history.slice(-200))),
        onBusy: (busy) => {
          this.toggleAttribute('data-busy', busy);
          // How many commands have finished, counted once their output is on the screen (xterm
          // parses writes later and draws them on the next frame): lets tests wait for the next one.
          if (!busy)
            view.terminal.write('', () =>
              requestAnimationFrame(() => {
                this.dataset.commands = String(Number(this.dataset.commands ?? 0) + 1);
              }),
            );
        },
        shell: {
          exec: async (line, options) => (await lab).exec(line, options),
          complete: async (line, cursor) => (await lab).complete(line, cursor),
          podPrompt: () => opened?.podPrompt,
        },
      });
      view.terminal.onData((data) => session.input(data));
      view.terminal.onResize(({ cols }) => session.resize(cols));
      session.start(banner());
      performance.mark('kube101:terminal-prompt');
      const ready = await lab;
      performance.mark('kube101:terminal-lab-ready');
      if (ready.replayed !== undefined) {
        session.note(
          `Rebuilt from a shared link: ${ready.replayed} step${ready.replayed === 1 ? '' : 's'} replayed.`,
        );
      }
      ready.addEventListener('edit-unhandled', () =>
        session.note('(this lesson has no editor: the file was left as it was)'),
      );
      this.dataset.ready = '';
      return { session, view, lab: ready };
    })();
    return this.#booted;
  }

  async #reset() {
    const { session, view, lab } = await this.#boot();
    await lab.reset();
    view.terminal.reset();
    session.start(banner(true));
    this.#say('The cluster was reset to the start of the lesson.');
    view.terminal.focus();
  }

  async #share() {
    const { lab } = await this.#boot();
    const { url, steps } = await lab.shareLink();
    try {
      await navigator.clipboard.writeText(url);
      this.#say(`Link copied: it rebuilds this cluster (${steps} steps) for whoever opens it.`);
    } catch {
      this.#say(`Copy this link: ${url}`);
    }
  }

  #setUpPalette() {
    const list = this.querySelector('.palette-commands')!;
    for (const command of pageCommands(document)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = command;
      button.addEventListener('click', () => void this.#boot().then(({ session }) => session.place(command)));
      list.append(button);
    }
    for (const key of this.querySelectorAll<HTMLButtonElement>('[data-key]')) {
      key.addEventListener(
        'click',
        () => void this.#boot().then(({ session }) => session.input(key.dataset.key!)),
      );
    }
    this.querySelector<HTMLElement>('.palette')!.hidden = false;
  }

  #say(message: string) {
    this.#status.textContent = message;
  }
}

customElements.define('kube-terminal', KubeTerminal);
