/**
 * The small elements of the pages, each on the markup its Astro component renders: the theme
 * switch, a code block's buttons, the quiz and the outline's progress marks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import CodeBlock from '../../../src/components/code/CodeBlock.astro';
import CourseOutline from '../../../src/components/course/CourseOutline.astro';
import Quiz from '../../../src/components/lesson/Quiz.astro';
import ThemeSwitch from '../../../src/components/site/ThemeSwitch.astro';
import type { OutlineLesson } from '../../../src/course/course-outline.ts';
import type { QuizQuestion } from '../../../src/course/lesson-schema.ts';
import { elementPage, mount, renderComponent } from './element-page.ts';

const questions: QuizQuestion[] = [
  {
    question: 'Which port does a client outside the cluster use?',
    choices: [
      { text: 'the node port, 30033', correct: true, why: 'It is open on every node, for clients outside.' },
      { text: 'the port, 82', correct: false, why: 'That one answers on the ClusterIP, inside the cluster.' },
      { text: 'the target port, 300', correct: false, why: 'That is where the app listens, in the pod.' },
    ],
  },
];
const lesson = (slug: string, order: number, exercises: string[]): OutlineLesson => ({
  slug,
  href: `/lessons/${slug}/`,
  title: slug,
  description: slug,
  order,
  exercises,
});

const html: Record<string, string> = {};
let serverProgress: { exerciseId: string; passed: boolean }[] = [];

elementPage(
  'http://localhost:4321/lessons/nodeport/',
  async () => {
    html.theme = await renderComponent(ThemeSwitch);
    // As MDX hands a fenced block to CodeBlock: Shiki's spans, entities escaped.
    const shell =
      '<code><span class="line">kubectl get svc web</span>\n<span class="line">curl http://192.168.49.2:30033</span></code>';
    html.run = await renderComponent(CodeBlock, { 'data-language': 'sh' }, { default: shell });
    html.text = await renderComponent(
      CodeBlock,
      { 'data-language': 'text' },
      { default: '<code>NAME &lt;none&gt;</code>' },
    );
    html.quiz = await renderComponent(Quiz, { questions });
    html.outline = await renderComponent(CourseOutline, {
      lessons: [
        lesson('why-services', 1, []),
        lesson('nodeport', 2, ['nodeport-30033', 'nodeport-change-type']),
      ],
    });
  },
  async () => {
    vi.stubGlobal(
      'fetch',
      async () => new Response(JSON.stringify({ progress: serverProgress }), { status: 200 }),
    );
    await Promise.all([
      import('../../../src/components/site/theme-switch-element.ts'),
      import('../../../src/components/code/code-block-element.ts'),
      import('../../../src/components/lesson/quiz-element.ts'),
      import('../../../src/components/course/course-progress-element.ts'),
    ]);
  },
);

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

describe('<theme-switch>', () => {
  it('cycles system, light, dark, remembers the choice and tells the page', () => {
    mount(html.theme!);
    const button = document.querySelector<HTMLButtonElement>('theme-switch button')!;
    const label = () => button.querySelector('.label')!.textContent;
    const changes: string[] = [];
    window.addEventListener('kube101:theme', () =>
      changes.push(document.documentElement.dataset.theme ?? 'system'),
    );
    expect(button.hidden).toBe(false);
    expect(label()).toBe('Theme: system');
    button.click();
    expect([label(), localStorage.getItem('kube101:theme')]).toEqual(['Theme: light', 'light']);
    button.click();
    expect([label(), document.documentElement.dataset.theme]).toEqual(['Theme: dark', 'dark']);
    button.click();
    expect([label(), localStorage.getItem('kube101:theme')]).toEqual(['Theme: system', null]);
    expect(changes).toEqual(['light', 'dark', 'system']);
  });

  it('starts from the theme chosen on an earlier visit', () => {
    localStorage.setItem('kube101:theme', 'dark');
    mount(html.theme!);
    expect(document.querySelector('theme-switch .label')!.textContent).toBe('Theme: dark');
  });
});

describe('<code-block>', () => {
  it('shows Copy, and Run in terminal for commands, which asks the terminal to run each line', async () => {
    mount(html.run!);
    const block = document.querySelector('code-block')!;
    const run = block.querySelector<HTMLButtonElement>('[data-run]')!;
    expect(block.querySelector<HTMLElement>('.actions')!.hidden).toBe(false);
    const asked: string[][] = [];
    window.addEventListener('kube101:run', (event) =>
      asked.push((event as CustomEvent<{ commands: string[] }>).detail.commands),
    );
    run.click();
    expect(asked).toEqual([['kubectl get svc web', 'curl http://192.168.49.2:30033']]);
  });

  it('copies the text a reader sees, and says so', async () => {
    mount(html.text!);
    const block = document.querySelector('code-block')!;
    expect(block.querySelector('[data-run]')).toBeNull();
    const copied: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => void copied.push(text));
    block.querySelector<HTMLButtonElement>('[data-copy]')!.click();
    await vi.waitFor(() => expect(block.querySelector('.status')!.textContent).toBe('Copied'));
    expect(copied).toEqual(['NAME <none>']);
  });
});

describe('<kube-quiz>', () => {
  it('hides the answers until the learner checks, then explains the choice made', () => {
    mount(html.quiz!);
    const quiz = document.querySelector('kube-quiz')!;
    expect([...quiz.querySelectorAll<HTMLElement>('details.answer')].every((answer) => answer.hidden)).toBe(
      true,
    );
    const choice = [...quiz.querySelectorAll<HTMLLIElement>('li')].find((item) =>
      item.textContent!.includes('the port, 82'),
    )!;
    choice.querySelector('input')!.checked = true;
    quiz.querySelector('form')!.requestSubmit();
    expect(choice.classList.contains('wrong')).toBe(true);
    expect(choice.querySelector<HTMLElement>('.why')!.hidden).toBe(false);
    expect(choice.querySelector('.why')!.textContent).toContain(
      'Not quite. That one answers on the ClusterIP',
    );
    expect(quiz.querySelector('.score')!.textContent).not.toBe('');
  });
});

describe('<course-progress>', () => {
  it("marks each lesson from this browser's copy, then from the server's progress", async () => {
    localStorage.setItem(
      'kube101:progress',
      JSON.stringify({ exercises: {}, visited: { 'why-services': 1 } }),
    );
    serverProgress = [{ exerciseId: 'nodeport-30033', passed: true }];
    mount(html.outline!);
    const status = (slug: string) => document.querySelector(`li[data-lesson="${slug}"] .status`)!.textContent;
    await vi.waitFor(() => expect(status('nodeport')).toBe(' (1 of 2 exercises done)'));
    expect(status('why-services')).toBe(' (Visited)');
    expect(document.querySelector<HTMLElement>('li[data-lesson="nodeport"]')!.dataset.status).toBe(
      'in-progress',
    );
  });
});
