/**
 * For the custom-element tests: render Astro components to the HTML a page holds, then make the
 * global scope a happy-dom page where the element's module upgrades that HTML as a browser would.
 * Rendering comes first: Astro's renderer refuses to run where a DOM is global.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { builtinEnvironments } from 'vitest/runtime';

type Component = Parameters<AstroContainer['renderToString']>[0];

export async function renderComponent(
  component: Component,
  props: Record<string, unknown> = {},
  slots: Record<string, string> = {},
): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(component, { props, slots });
}

/**
 * The file's page: `render` runs first, then the page opens at `url` and `start` runs in it (stubs,
 * the element's module). Each test starts on an empty body and empty storage, unless the tests
 * follow one another on the same page (`keep`); the page closes, and the stubs go, after the last.
 */
export function elementPage(
  url: string,
  render: () => Promise<void>,
  start: () => Promise<unknown>,
  { keep = false } = {},
): void {
  let close: () => Promise<void>;
  beforeAll(async () => {
    await render();
    const page = await builtinEnvironments['happy-dom'].setup(globalThis, { happyDOM: { url } });
    close = async () => page.teardown(globalThis);
    await start();
  });
  afterEach(() => {
    if (keep) return;
    document.body.replaceChildren();
    localStorage.clear();
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await close();
  });
}

/** Puts HTML in the page as the parser would: children first, then connected (and upgraded). */
export function mount(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.body.append(template.content);
}
