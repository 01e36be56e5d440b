// <code-block>: a lesson's fenced block with Copy, and Run in terminal when its lines are commands
// the terminal runs. The buttons are in the markup, hidden until this element shows them.
import { runInTerminal } from '../terminal/run-commands.ts';

export class CodeBlock extends HTMLElement {
  connectedCallback() {
    const actions = this.querySelector<HTMLElement>('.actions')!;
    const status = this.querySelector<HTMLElement>('.status')!;
    const code = this.querySelector('pre')!.textContent ?? '';
    actions.hidden = false;
    const say = (message: string) => {
      status.textContent = message;
      setTimeout(() => (status.textContent = ''), 2000);
    };
    this.querySelector('[data-copy]')!.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.trimEnd());
        say('Copied');
      } catch {
        say('Copy failed: select the text instead');
      }
    });
    this.querySelector('[data-run]')?.addEventListener('click', () => {
      const commands = JSON.parse(this.dataset.commands ?? '[]') as string[];
      runInTerminal(commands);
    });
  }
}
if (!customElements.get('code-block')) customElements.define('code-block', CodeBlock);
