/**
 * The live side of an exercise on a lesson page, loaded when the learner starts one (or comes back
 * to one in progress): it puts the exercise's starting cluster in the lab, ticks the checklist as
 * the learner works, reveals hints, and submits the transcript for the server's verdict.
 */
import { getLab, type LabClient } from '../lab/lab-client.ts';
import { keepPendingSubmission, recordExerciseResult } from '../course/progress-store.ts';
import type { PageExercise } from '../../course/page-exercise.ts';
import { setActiveExercise } from './active-exercise.ts';
import { describeVerdict, readSubmissionAnswer, type CheckVerdict } from './exercise-verdict.ts';

/** Grade after the learner pauses, not on every object the cluster changes in a burst. */
const liveGradeDelayMs = 300;

export interface ExerciseView {
  /** Show each task's state and message, from the live grader or the server. */
  showChecks(checks: readonly CheckVerdict[]): void;
  /** Whether the exercise is what the lab is working on now. */
  showActive(active: boolean): void;
  announce(message: string): void;
  showPassed(): void;
  showBusy(busy: boolean): void;
}

export class ExerciseController {
  readonly #exercise: PageExercise;
  readonly #lessonSlug: string;
  readonly #view: ExerciseView;
  #lab?: LabClient;
  /** The lab's cluster this exercise works on (its generation): another one means the lab was reset. */
  #generation?: number;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(exercise: PageExercise, lessonSlug: string, view: ExerciseView) {
    this.#exercise = exercise;
    this.#lessonSlug = lessonSlug;
    this.#view = view;
  }

  /** Come back to the exercise after a reload: the lab restored its cluster and transcript. */
  async resume(): Promise<void> {
    const lab = await this.#attach();
    this.#generation = lab.generation;
    this.#view.showActive(true);
    void this.#gradeLive();
  }

  /** Start (or start over): the lab gets a cluster with the exercise's setup done and its files written. */
  async start(): Promise<void> {
    this.#view.showBusy(true);
    try {
      const lab = await this.#attach();
      this.#generation = await lab.startExercise(this.#exercise.id);
      setActiveExercise(this.#lessonSlug, this.#exercise.id, localStorage);
      this.#view.showActive(true);
      this.#view.announce(`Started “${this.#exercise.title}”: the lab's cluster is at the exercise's start.`);
      void this.#gradeLive();
    } finally {
      this.#view.showBusy(false);
    }
  }

  async submit(): Promise<void> {
    const lab = await this.#attach();
    this.#view.showBusy(true);
    this.#view.announce('Submitting: the server replays your work…');
    const submission = { exerciseId: this.#exercise.id, transcript: await lab.transcript() };
    try {
      const response = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(submission),
      });
      if (response.status >= 500) throw new Error(`server answered ${response.status}`);
      const answer = readSubmissionAnswer(response.status, await response.json().catch(() => undefined));
      if ('error' in answer) {
        this.#view.announce(`Not submitted: ${answer.error}`);
        return;
      }
      this.#view.showChecks(answer.checks);
      this.#view.announce(describeVerdict(answer));
      if (answer.passed) {
        await recordExerciseResult(this.#exercise.id, true);
        this.#view.showPassed();
      }
    } catch {
      keepPendingSubmission(submission);
      this.#view.announce(
        'Not submitted yet: the server could not be reached. Your work is kept and will be submitted when you next open a lesson with the server back.',
      );
    } finally {
      this.#view.showBusy(false);
    }
  }

  async #attach(): Promise<LabClient> {
    if (this.#lab) return this.#lab;
    const lab = await getLab();
    this.#lab = lab;
    const later = () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#gradeLive(), liveGradeDelayMs);
    };
    lab.addEventListener('exec', later);
    lab.addEventListener('file', later);
    lab.addEventListener('objects', later);
    lab.addEventListener('reset', () => {
      if (this.#generation !== undefined && lab.generation !== this.#generation) this.#stop();
    });
    return lab;
  }

  #stop(): void {
    this.#generation = undefined;
    clearTimeout(this.#timer);
    setActiveExercise(this.#lessonSlug, undefined, localStorage);
    this.#view.showActive(false);
  }

  async #gradeLive(): Promise<void> {
    if (!this.#lab || this.#generation === undefined) return;
    // The worker grades: the page only shows the checklist (undefined: the lab moved on meanwhile).
    const checks = await this.#lab.gradeLive(this.#exercise.id, this.#generation);
    if (checks) this.#view.showChecks(checks);
  }
}
