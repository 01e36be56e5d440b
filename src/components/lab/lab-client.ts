/**
 * The page's side of the lesson's lab: the simulated cluster runs in a Web Worker (lab.worker.ts) and
 * this client speaks to it (comlink's typed calls), so the main thread keeps only the terminal, the
 * editors, the map and the page. The client keeps what belongs to the page: the saved lab in
 * localStorage, the Share link's fragment, the page's visibility, `kubectl edit` requests for the
 * editor, and events the page's parts listen to:
 *   exec (a command finished), file (detail.path written from an editor), reset (the lab has a new
 *   cluster), objects (the cluster's objects changed), traffic (detail: route and ok), edit-unhandled.
 */
import { proxy, wrap, type Remote } from 'comlink';
import type { Completion } from '../../sim/index.ts';
import type { TaskResult } from '../../grading/index.ts';
import type { LabOpening, LabPage, LabService, MapObjects } from './lab-service.ts';
import type { LabConfig } from './lesson-lab.ts';
import type { TranscriptEntry } from '../../grading/transcript.ts';
import { editRequestEvent, type EditRequest } from './edit-request.ts';
import { readShareFragment } from './share-link.ts';
import { activeExercise, setActiveExercise } from '../exercise/active-exercise.ts';
import type { PageExercise } from '../../course/page-exercise.ts';

export interface ExecCallbacks {
  onStdout: (chunk: string) => void;
  onStderr: (chunk: string) => void;
  signal: AbortSignal;
}

export class LabClient extends EventTarget {
  readonly slug: string;
  /** Set when this page load rebuilt a shared transcript: how many steps it replayed. */
  replayed?: number;
  /** Which of the lab's clusters is current: an exercise tells its own from a reset's. */
  generation = 0;
  /** The prompt of the pod shell the terminal is in, as of the last command; undefined on the workstation. */
  podPrompt: string | undefined;
  readonly #remote: Remote<LabService>;

  constructor(slug: string, remote: Remote<LabService>) {
    super();
    this.slug = slug;
    this.#remote = remote;
  }

  /** Open the lab in its worker; `page` is how the worker reaches the page meanwhile. */
  async open(opening: LabOpening, page: LabPage): Promise<void> {
    const opened = await this.#remote.open(opening, proxy(page));
    this.generation = opened.generation;
    this.replayed = opened.replayed;
    if (opened.replayed !== undefined) setActiveExercise(this.slug, opened.sharedExercise, localStorage);
  }

  async exec(line: string, { onStdout, onStderr, signal }: ExecCallbacks): Promise<{ exitCode: number }> {
    const interrupt = () => void this.#remote.interrupt();
    signal.addEventListener('abort', interrupt);
    try {
      const done = await this.#remote.exec(line, proxy({ stdout: onStdout, stderr: onStderr }));
      this.podPrompt = done.podPrompt;
      return done;
    } finally {
      signal.removeEventListener('abort', interrupt);
      this.dispatchEvent(new Event('exec'));
    }
  }

  complete(line: string, cursor: number): Promise<Completion> {
    return this.#remote.complete(line, cursor);
  }

  readFile(path: string): Promise<string | undefined> {
    return this.#remote.readFile(path);
  }

  /** Save a file from an editor into the cluster's file system (a step of the transcript). */
  async writeFile(path: string, content: string): Promise<void> {
    if (await this.#remote.writeFile(path, content)) {
      this.dispatchEvent(new CustomEvent('file', { detail: { path } }));
    }
  }

  /** Forget everything done on this lesson's cluster and start from the lesson's setup. */
  async reset(): Promise<void> {
    this.generation = await this.#remote.reset();
    this.podPrompt = undefined;
    this.dispatchEvent(new Event('reset'));
  }

  /** Put the exercise's starting cluster in the lab; returns that cluster's generation. */
  async startExercise(id: string): Promise<number> {
    this.generation = await this.#remote.startExercise(id);
    this.podPrompt = undefined;
    this.dispatchEvent(new Event('reset'));
    return this.generation;
  }

  /** The exercise's live checklist, or undefined when the lab has moved on to another cluster. */
  gradeLive(id: string, generation: number): Promise<TaskResult[] | undefined> {
    return this.#remote.gradeLive(id, generation);
  }

  transcript(): Promise<TranscriptEntry[]> {
    return this.#remote.transcript();
  }

  /** A link that rebuilds this cluster for someone else, and how many steps it holds. */
  async shareLink(): Promise<{ url: string; steps: number }> {
    const [fragment, transcript] = await Promise.all([
      this.#remote.shareFragment(activeExercise(this.slug, localStorage)),
      this.#remote.transcript(),
    ]);
    const url = new URL(location.href);
    url.hash = fragment;
    return { url: url.href, steps: transcript.length };
  }

  mapObjects(): Promise<MapObjects> {
    return this.#remote.mapObjects();
  }
}

function storageKey(slug: string): string {
  return `kube101:lab:${slug}`;
}

function readConfig(host: HTMLElement): LabConfig {
  return {
    slug: host.dataset.lab!,
    seed: Number(host.dataset.labSeed ?? 1),
    setup: JSON.parse(host.dataset.labSetup ?? '[]') as string[],
    // The lesson's editors only: an exercise's files come with its own starting cluster.
    files: Object.fromEntries(
      [...document.querySelectorAll<HTMLElement>('yaml-editor[data-file]')]
        .filter((editor) => !editor.closest('kube-exercise'))
        .map((editor) => [editor.dataset.file!, editor.querySelector('.initial pre')?.textContent ?? '']),
    ),
  };
}

function pageExercises(): Record<string, PageExercise> {
  return Object.fromEntries(
    [...document.querySelectorAll<HTMLElement>('kube-exercise[data-exercise-id]')].map((element) => [
      element.dataset.exerciseId!,
      JSON.parse(element.dataset.exercise!) as PageExercise,
    ]),
  );
}

async function openLab(): Promise<LabClient> {
  const host = document.querySelector<HTMLElement>('[data-lab]');
  if (!host) throw new Error('this page has no lesson lab');
  const config = readConfig(host);
  const worker = new Worker(new URL('./lab.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kube101-lab',
  });
  const remote = wrap<LabService>(worker);
  const shared = readShareFragment(location.hash);
  if (shared) history.replaceState(null, '', location.pathname + location.search);
  const client = new LabClient(config.slug, remote);
  const page: LabPage = {
    save(saved) {
      try {
        localStorage.setItem(storageKey(config.slug), saved);
      } catch {
        // Storage full or denied: the lab still works, it just will not survive a reload.
      }
    },
    objectsChanged: () => client.dispatchEvent(new Event('objects')),
    traffic: (path, ok) => client.dispatchEvent(new CustomEvent('traffic', { detail: { path, ok } })),
    edit: (path) =>
      new Promise<void>((resolve) => {
        const detail: EditRequest = { path, done: resolve };
        // An editor on the page takes the request (preventDefault); without one there is nothing to wait for.
        if (window.dispatchEvent(new CustomEvent(editRequestEvent, { detail, cancelable: true }))) {
          resolve();
          client.dispatchEvent(new CustomEvent('edit-unhandled', { detail }));
        }
      }),
  };
  await client.open(
    {
      config,
      exercises: pageExercises(),
      saved: localStorage.getItem(storageKey(config.slug)) ?? undefined,
      shared,
    },
    page,
  );
  document.addEventListener('visibilitychange', () => void remote.setVisible(!document.hidden));
  return client;
}

let lab: Promise<LabClient> | undefined;

/** The page's lab, started in its worker on first use from the lesson's `data-lab` attributes. */
export function getLab(): Promise<LabClient> {
  lab ??= openLab();
  return lab;
}
