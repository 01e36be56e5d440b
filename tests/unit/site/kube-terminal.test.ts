// @vitest-environment happy-dom
/** <kube-terminal> before xterm arrives: what the page shows and keeps from the moment it is defined. */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const markup = `
  <code-block data-commands='["kubectl get pods","kubectl get svc"]'></code-block>
  <code-block data-commands='["kubectl get svc","kubectl describe svc web"]'></code-block>
  <kube-terminal>
    <div class="actions" hidden>
      <button data-action="share">Share</button>
      <button data-action="screen-reader" aria-pressed="false">Screen reader mode</button>
      <button data-action="reset">Reset</button>
    </div>
    <div class="screen" data-screen><span class="loading" hidden>Starting the cluster…</span></div>
    <div class="palette" hidden>
      <div class="palette-commands"></div>
      <div class="palette-keys"><button data-key="&#13;">Run ⏎</button></div>
    </div>
    <p class="status" role="status"></p>
  </kube-terminal>`;

const observed: Element[] = [];

/** The markup as the parser hands it over: the element connects with its children in place. */
function render(): void {
  const template = document.createElement('template');
  template.innerHTML = markup;
  document.body.replaceChildren(template.content.cloneNode(true));
}

beforeAll(async () => {
  // The terminal boots when its screen comes into view: here it never does, so nothing loads xterm.
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      observe(element: Element) {
        observed.push(element);
      }
      disconnect() {}
    },
  );
  await import('../../../src/components/terminal/kube-terminal.ts');
});

beforeEach(() => {
  observed.length = 0;
  localStorage.clear();
});

describe('<kube-terminal>', () => {
  it('shows its tools and the loading line, and waits for its screen to come into view', () => {
    render();
    const terminal = document.querySelector('kube-terminal')!;
    expect(terminal.querySelector<HTMLElement>('.actions')!.hidden).toBe(false);
    expect(terminal.querySelector<HTMLElement>('.loading')!.hidden).toBe(false);
    expect(observed).toEqual([terminal.querySelector('[data-screen]')]);
    expect(terminal.hasAttribute('data-ready')).toBe(false);
  });

  it("offers the page's commands once each, in page order, on the phone palette", () => {
    render();
    const buttons = [...document.querySelectorAll('.palette-commands button')].map((b) => b.textContent);
    expect(buttons).toEqual(['kubectl get pods', 'kubectl get svc', 'kubectl describe svc web']);
    expect(document.querySelector<HTMLElement>('.palette')!.hidden).toBe(false);
  });

  it('remembers screen reader mode across pages', () => {
    localStorage.setItem('kube101:screen-reader', 'on');
    render();
    const toggle = document.querySelector<HTMLButtonElement>('[data-action="screen-reader"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
  });
});
