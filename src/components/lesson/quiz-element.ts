// <kube-quiz>: the lesson's quiz, answered before any explanation shows: hides the disclosures
// that serve readers without JavaScript, grades the answers and explains each one.
import { gradeQuiz } from './quiz-grading.ts';

export class KubeQuiz extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form')!;
    // With the script running the learner answers first: the disclosures would give it away.
    for (const answer of this.querySelectorAll<HTMLDetailsElement>('details.answer')) answer.hidden = true;
    this.querySelector<HTMLElement>('.quiz-actions')!.hidden = false;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.check(form);
    });
    form.addEventListener('reset', () => {
      for (const why of this.querySelectorAll<HTMLElement>('.why')) why.hidden = true;
      for (const item of this.querySelectorAll('li')) item.classList.remove('right', 'wrong');
      this.querySelector('.score')!.textContent = '';
    });
  }

  check(form: HTMLFormElement): void {
    const questions = [...form.querySelectorAll<HTMLFieldSetElement>('fieldset.question')];
    const answers = questions.map((fieldset) => {
      const items = [...fieldset.querySelectorAll<HTMLLIElement>('li')];
      return {
        chosen: items.findIndex((item) => item.querySelector('input')!.checked),
        correct: items.findIndex((item) => item.dataset.correct !== undefined),
      };
    });
    const result = gradeQuiz(answers);
    questions.forEach((fieldset, q) => {
      const items = [...fieldset.querySelectorAll<HTMLLIElement>('li')];
      const shown = result.questions[q]!;
      items.forEach((item, c) => {
        const why = item.querySelector<HTMLElement>('.why')!;
        const explain = shown.explain.includes(c);
        why.hidden = !explain;
        item.classList.toggle('right', explain && c === answers[q]!.correct);
        item.classList.toggle('wrong', explain && c !== answers[q]!.correct);
        why.querySelector('.verdict')!.textContent = c === answers[q]!.correct ? 'Right. ' : 'Not quite. ';
      });
    });
    this.querySelector('.score')!.textContent = result.summary;
  }
}
if (!customElements.get('kube-quiz')) customElements.define('kube-quiz', KubeQuiz);
