// <site-search>: a button (and the / key) that opens the search dialog; Pagefind's UI and index load
// the first time it opens.
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => unknown;
  }
}

function loadPagefindUi(): Promise<void> {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/pagefind/pagefind-ui.css';
  document.head.append(css);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-ui.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('search index missing: run `npm run build`'));
    document.head.append(script);
  });
}

export class SiteSearch extends HTMLElement {
  #loaded?: Promise<void>;

  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[aria-haspopup]')!;
    const dialog = this.querySelector('dialog')!;
    this.querySelector<HTMLElement>('[data-fallback]')!.hidden = true;
    button.hidden = false;
    const open = async () => {
      dialog.showModal();
      this.#loaded ??= loadPagefindUi().then(() => {
        new window.PagefindUI!({ element: '#pagefind-search', showSubResults: true, resetStyles: false });
      });
      await this.#loaded.catch((error: Error) => {
        dialog.querySelector('.results')!.textContent = error.message;
      });
      dialog.querySelector<HTMLInputElement>('input')?.focus();
    };
    button.addEventListener('click', open);
    this.querySelector('.close')!.addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    window.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      const typing = target.closest('input, textarea, [contenteditable], .xterm, .monaco-editor');
      if (event.key === '/' && !typing && !dialog.open) {
        event.preventDefault();
        void open();
      }
    });
  }
}
if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
