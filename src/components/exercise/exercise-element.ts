// <kube-exercise data-exercise-id data-exercise>: an exercise of a lesson. Without JavaScript it reads
// as its tasks and hints; this element shows the buttons, reveals hints one at a time, marks the
// tasks the live grading passed and loads the controller (the grader, the cluster) only when the
// learner starts, or resumes, the exercise.
import { syncProgress } from '../course/progress-store.ts';
import { activeExercise } from './active-exercise.ts';
import { readShareFragment } from '../lab/share-link.ts';
import type { CheckVerdict } from './exercise-verdict.ts';
import type { PageExercise } from '../../course/page-exercise.ts';

type Controller = import('./exercise-controller.ts').ExerciseController;

export class KubeExercise extends HTMLElement {
  #controller?: Promise<Controller>;

  get #lessonSlug(): string {
    return document.querySelector<HTMLElement>('[data-lab]')?.dataset.lab ?? 'page';
  }

  connectedCallback() {
    // Class names of its own: the exercise's editors have `.actions` too.
    this.querySelector<HTMLElement>('.exercise-actions')!.hidden = false;
    for (const button of this.querySelectorAll<HTMLButtonElement>('button.hint')) {
      button.hidden = false;
      button.addEventListener('click', () => this.#revealHint(button));
      this.#labelHintButton(button);
    }
    this.#button('start').addEventListener('click', () => void this.#load().then((c) => c.start()));
    this.#button('reset').addEventListener('click', () => void this.#load().then((c) => c.start()));
    this.#button('submit').addEventListener('click', () => void this.#load().then((c) => c.submit()));
    const id = this.dataset.exerciseId!;
    const shared = readShareFragment(location.hash)?.exercise;
    if (activeExercise(this.#lessonSlug, localStorage) === id || shared === id) {
      void this.#load().then((c) => c.resume());
    }
    // Progress is not urgent: the terminal's code goes first.
    const showProgress = () => void this.#showProgress();
    if ('requestIdleCallback' in window) requestIdleCallback(showProgress, { timeout: 2000 });
    else setTimeout(showProgress, 200);
  }

  #button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  #load(): Promise<Controller> {
    this.#controller ??= import('./exercise-controller.ts').then(({ ExerciseController }) => {
      const exercise = JSON.parse(this.dataset.exercise!) as PageExercise;
      return new ExerciseController(exercise, this.#lessonSlug, {
        showChecks: (checks) => this.#showChecks(checks),
        showActive: (active) => {
          this.toggleAttribute('data-active', active);
          this.#button('start').hidden = active;
          this.#button('reset').hidden = !active;
          this.#button('submit').hidden = !active;
          if (!active) this.#showChecks([]);
        },
        announce: (message) => this.#announce(message),
        showPassed: () => this.#markPassed(),
        showBusy: (busy) => {
          this.toggleAttribute('data-busy', busy);
          for (const button of this.querySelectorAll<HTMLButtonElement>('.exercise-actions button'))
            button.disabled = busy;
        },
      });
    });
    return this.#controller;
  }

  #showChecks(checks: readonly CheckVerdict[]) {
    const done: string[] = [];
    for (const item of this.querySelectorAll<HTMLElement>('.tasks > li[data-task]')) {
      const check = checks.find((c) => c.id === item.dataset.task);
      if (check?.passed && !item.hasAttribute('data-passed'))
        done.push(item.querySelector('.task-title')!.textContent!);
      item.toggleAttribute('data-passed', check?.passed === true);
      item.querySelector('.task-state')!.textContent = check?.passed ? 'done' : 'not done yet';
      const message = item.querySelector<HTMLElement>('.message')!;
      message.textContent = check?.message ?? '';
      message.hidden = !check;
    }
    // The ticks are silent to a screen reader: say which tasks just got done.
    if (done.length === 1) this.#announce(`Task done: ${done[0]}.`);
    else if (done.length > 1) this.#announce(`${done.length} tasks done.`);
  }

  #announce(message: string) {
    this.querySelector('.verdict')!.textContent = message;
  }

  #revealHint(button: HTMLButtonElement) {
    const next = button.previousElementSibling?.querySelector<HTMLElement>('li[hidden]');
    if (next) next.hidden = false;
    this.#labelHintButton(button);
  }

  #labelHintButton(button: HTMLButtonElement) {
    const hints = [...(button.previousElementSibling?.querySelectorAll<HTMLElement>('li') ?? [])];
    const shown = hints.filter((hint) => !hint.hidden).length;
    button.hidden = shown === hints.length;
    button.textContent =
      shown === 0 ? 'Show a hint' : `Show another hint (${shown} of ${hints.length} shown)`;
  }

  async #showProgress() {
    const progress = await syncProgress();
    if (progress.exercises[this.dataset.exerciseId!]?.passed) this.#markPassed();
  }

  #markPassed() {
    this.dataset.passed = '';
    this.querySelector<HTMLElement>('.passed-badge')!.hidden = false;
  }
}
if (!customElements.get('kube-exercise')) customElements.define('kube-exercise', KubeExercise);
