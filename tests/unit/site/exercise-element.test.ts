/**
 * <kube-exercise> before the learner starts, on the markup Exercise.astro renders for a real
 * exercise: the buttons appear, hints come one at a time, and an exercise the server has as passed
 * says so.
 */
import { describe, expect, it, vi } from 'vitest';
import Exercise from '../../../src/components/exercise/Exercise.astro';
import { elementPage, mount, renderComponent } from './element-page.ts';

// The server's progress, read once per page as on a real one.
const serverProgress = [{ exerciseId: 'nodeport-30033', passed: true }];
const html: Record<string, string> = {};

elementPage(
  'http://localhost:4321/lessons/nodeport/',
  async () => {
    for (const id of ['nodeport-30033', 'nodeport-let-kubernetes-choose'])
      html[id] = await renderComponent(Exercise, { id });
  },
  async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url === '/api/progress'
        ? new Response(JSON.stringify({ progress: serverProgress }), { status: 200 })
        : new Response('{}', { status: 404 }),
    );
    await import('../../../src/components/exercise/exercise-element.ts');
  },
);

function exercise(id: string): HTMLElement {
  mount(html[id]!);
  return [...document.querySelectorAll<HTMLElement>('kube-exercise')].at(-1)!;
}

describe('<kube-exercise>', () => {
  it('shows its Start button, which stays hidden without JavaScript', async () => {
    expect(html['nodeport-30033']).toMatch(/<div class="exercise-actions"[^>]* hidden/);
    const element = exercise('nodeport-30033');
    expect(element.querySelector<HTMLElement>('.exercise-actions')!.hidden).toBe(false);
    expect(element.querySelector<HTMLButtonElement>('[data-action="start"]')!.hidden).toBe(false);
    expect(element.querySelector<HTMLButtonElement>('[data-action="submit"]')!.hidden).toBe(true);
  });

  it('reveals the hints one at a time, counting them, and hides the button after the last', async () => {
    const element = exercise('nodeport-30033');
    const task = element.querySelector<HTMLElement>('li[data-task="service"]')!;
    const button = task.querySelector<HTMLButtonElement>('button.hint')!;
    const shown = () => [...task.querySelectorAll<HTMLElement>('.hints li')].filter((li) => !li.hidden);
    expect(shown()).toEqual([]);
    expect(button.textContent).toBe('Show a hint');
    button.click();
    expect(shown().map((li) => li.textContent)).toEqual(["A Service's kind of exposure is its spec.type."]);
    expect(button.textContent).toBe('Show another hint (1 of 2 shown)');
    button.click();
    expect(shown()).toHaveLength(2);
    expect(button.hidden).toBe(true);
  });

  it('says "passed" of an exercise the server has passed, and of no other', async () => {
    const passed = exercise('nodeport-30033');
    const other = exercise('nodeport-let-kubernetes-choose');
    const badge = passed.querySelector<HTMLElement>('.passed-badge')!;
    await vi.waitFor(() => expect(badge.hidden).toBe(false));
    expect(passed.hasAttribute('data-passed')).toBe(true);
    expect(other.querySelector<HTMLElement>('.passed-badge')!.hidden).toBe(true);
    expect(other.hasAttribute('data-passed')).toBe(false);
  });
});
