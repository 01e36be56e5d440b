/**
 * For the custom-element tests: render an Astro component to the HTML a page holds, then open a
 * happy-dom page and put that HTML in it, where the element's module upgrades it as in a browser.
 * Rendering comes first: Astro's renderer refuses to run where a DOM is global.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
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

/** Makes the global scope a happy-dom page at `url`; the returned function closes it. */
export async function openPage(url = 'http://localhost:4321/'): Promise<() => Promise<void>> {
  const page = await builtinEnvironments['happy-dom'].setup(globalThis, { happyDOM: { url } });
  return async () => page.teardown(globalThis);
}

/** Puts HTML in the page as the parser would: children first, then connected (and upgraded). */
export function mount(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.body.append(template.content);
}
