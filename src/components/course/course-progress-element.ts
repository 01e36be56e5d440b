// <course-progress>: marks each lesson of the outline with the learner's progress, from this
// browser's copy at once and from the server's when it answers.
import { lessonStatus, progressChangedEvent, readProgress, syncProgress } from './progress-store.ts';

const labels = { 'not-started': '', visited: 'Visited', 'in-progress': 'In progress', done: 'Done' };

export class CourseProgress extends HTMLElement {
  connectedCallback() {
    const update = async () => {
      const progress = await readProgress();
      for (const item of this.querySelectorAll<HTMLElement>('li[data-lesson]')) {
        const exercises = (item.dataset.exercises ?? '').split(' ').filter(Boolean);
        const status = lessonStatus(progress, item.dataset.lesson!, exercises);
        item.dataset.status = status;
        const passed = exercises.filter((id) => progress.exercises[id]?.passed).length;
        const label =
          status === 'in-progress' ? `${passed} of ${exercises.length} exercises done` : labels[status];
        item.querySelector('.status')!.textContent = label ? ` (${label})` : '';
      }
    };
    void update();
    // The copy in this browser shows at once; the server's progress replaces it when it answers.
    void syncProgress();
    window.addEventListener(progressChangedEvent, update);
    window.addEventListener('storage', update);
  }
}
if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
