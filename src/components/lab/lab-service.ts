/**
 * What the lab's Web Worker offers the page, one method per message: typed lines, completion, the
 * editor's files, Reset and Share, the map's objects, and an exercise's start and live checklist.
 * Plain data in and out (structured clone); callbacks arrive as the page's proxies. The grader is
 * imported when an exercise needs it, not with the simulator.
 */
import type { ClusterChange, Completion } from '../../sim/index.ts';
import type { TrafficHop } from '../../sim/cluster-types.ts';
import type { TaskResult } from '../../grading/index.ts';
import { LessonLab, type LabConfig } from './lesson-lab.ts';
import { shareFragment, type SharedWork } from './share-link.ts';
import type { TranscriptEntry } from '../../grading/transcript.ts';
import { asGradable, type PageExercise } from '../../course/page-exercise.ts';

export interface LabOpening {
  config: LabConfig;
  /** The page's exercises by id: a Share link made during one replays from its start. */
  exercises: Record<string, PageExercise>;
  /** What the page saved of this lesson's lab last time. */
  saved?: string;
  /** The Share link's work, when the page was opened from one. */
  shared?: SharedWork;
}

export interface LabOpened {
  generation: number;
  /** How many steps of a Share link were replayed. */
  replayed?: number;
  /** The exercise a Share link's work began at, now the lab's active exercise. */
  sharedExercise?: string;
}

/** What the lab tells the page, as it happens. */
export interface LabPage {
  /** Keep this (the lab as JSON) for the next visit. */
  save(saved: string): void;
  /** Objects changed (a burst of changes is told once). */
  objectsChanged(): void;
  /** A request crossed the simulated network: its route and whether it got an answer. */
  traffic(path: TrafficHop[], ok: boolean): void;
  /** `kubectl edit FILE`: let the learner edit the file; resolves when done (at once without an editor). */
  edit(path: string): Promise<void>;
}

/** Where a command's output goes, as it comes (one object: its chunks cross in order). */
export interface ExecOutput {
  stdout(chunk: string): void | Promise<void>;
  stderr(chunk: string): void | Promise<void>;
}

export interface ExecDone {
  exitCode: number;
  /** The prompt of the pod shell the terminal is now in (`/ # `), or undefined on the workstation. */
  podPrompt: string | undefined;
}

/** The objects the cluster map draws. */
export interface MapObjects {
  nodes: unknown[];
  pods: unknown[];
  services: unknown[];
  endpoints: unknown[];
}

export class LabService {
  #lab?: LessonLab;
  #exercises: Record<string, PageExercise> = {};
  #running?: AbortController;

  async open(opening: LabOpening, page: LabPage): Promise<LabOpened> {
    this.#exercises = opening.exercises;
    let burst: ReturnType<typeof setTimeout> | undefined;
    const host = {
      save: (saved: string) => page.save(saved),
      edit: (path: string) => page.edit(path),
      changed: (change: ClusterChange) => {
        if (change.type === 'traffic') page.traffic(change.path, change.ok);
        else if (change.type === 'object') {
          burst ??= setTimeout(() => {
            burst = undefined;
            page.objectsChanged();
          });
        }
      },
    };
    const exercise = opening.shared?.exercise;
    const sharedExercise = exercise && this.#exercises[exercise] ? exercise : undefined;
    this.#lab = await LessonLab.open(opening.config, host, {
      saved: opening.saved,
      shared: opening.shared,
      start: sharedExercise ? () => this.#startOf(sharedExercise) : undefined,
    });
    return {
      generation: this.#lab.generation,
      replayed: this.#lab.replayed,
      sharedExercise: this.#lab.replayed === undefined ? undefined : sharedExercise,
    };
  }

  async exec(line: string, output: ExecOutput): Promise<ExecDone> {
    const lab = this.#opened();
    const running = new AbortController();
    this.#running = running;
    // Output crosses on the page's own channel: the answer waits until the page has printed it all,
    // so the prompt never comes back before the last line.
    let printed: unknown;
    try {
      const { exitCode } = await lab.exec(line, {
        onStdout: (chunk) => (printed = output.stdout(chunk)),
        onStderr: (chunk) => (printed = output.stderr(chunk)),
        signal: running.signal,
      });
      await printed;
      return { exitCode, podPrompt: lab.cluster.podPrompt };
    } finally {
      if (this.#running === running) this.#running = undefined;
    }
  }

  /** Ctrl-C: stop the command that is running. */
  interrupt(): void {
    this.#running?.abort();
  }

  complete(line: string, cursor: number): Completion {
    return this.#opened().cluster.complete(line, cursor);
  }

  podPrompt(): string | undefined {
    return this.#opened().cluster.podPrompt;
  }

  readFile(path: string): string | undefined {
    return this.#opened().cluster.fs.read(path);
  }

  /** True when the file changed. */
  writeFile(path: string, content: string): boolean {
    return this.#opened().writeFile(path, content);
  }

  async reset(): Promise<number> {
    const lab = this.#opened();
    await lab.reset();
    return lab.generation;
  }

  transcript(): TranscriptEntry[] {
    return this.#opened().transcript;
  }

  /** The Share link's fragment for the work so far, begun at `exercise` when the learner is on one. */
  async shareFragment(exercise: string | undefined): Promise<string> {
    const { encodeTranscript } = await import('./transcript.ts');
    return shareFragment(await encodeTranscript(this.#opened().transcript), exercise);
  }

  setVisible(visible: boolean): void {
    const lab = this.#opened();
    lab.visible = visible;
    if (!visible) lab.save();
  }

  mapObjects(): MapObjects {
    const { api } = this.#opened().cluster;
    return {
      nodes: api.list('nodes'),
      pods: api.list('pods'),
      services: api.list('services'),
      endpoints: api.list('endpoints'),
    };
  }

  /** Put the exercise's starting cluster in the lab; its generation tells it from later resets. */
  async startExercise(id: string): Promise<number> {
    const lab = this.#opened();
    lab.useCluster(await this.#startOf(id));
    return lab.generation;
  }

  /** The exercise's checklist on the lab's cluster, or undefined when the lab moved to another cluster. */
  async gradeLive(id: string, generation: number): Promise<TaskResult[] | undefined> {
    const lab = this.#opened();
    if (lab.generation !== generation) return undefined;
    const { evaluateLive } = await import('../../grading/index.ts');
    return evaluateLive(this.#gradable(id), lab.cluster).checks;
  }

  generation(): number {
    return this.#opened().generation;
  }

  async #startOf(id: string) {
    const { startExercise } = await import('../../grading/index.ts');
    return startExercise(this.#gradable(id));
  }

  #gradable(id: string) {
    const exercise = this.#exercises[id];
    if (!exercise) throw new Error(`no exercise ${id} on this page`);
    return asGradable(exercise);
  }

  #opened(): LessonLab {
    if (!this.#lab) throw new Error('the lab is not open yet');
    return this.#lab;
  }
}
