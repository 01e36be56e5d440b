/**
 * One simulated cluster per lesson page, shared by its terminal, editors and maps. It follows the
 * wall clock while the page is visible, keeps its state and the learner's transcript in localStorage
 * so that a reload changes nothing, starts over on Reset, and rebuilds a shared transcript from the
 * link's fragment. Loaded on demand: the simulator is not part of the page's first JavaScript.
 */
import {
  createCluster,
  type Cluster,
  type ClusterChange,
  type ClusterSnapshot,
  type ExecOptions,
} from '../../sim/index.ts';
import { editRequestEvent, type EditRequest } from './edit-request.ts';
import { isTranscript, type TranscriptEntry } from '../../grading/transcript.ts';
import { decodeTranscript, encodeTranscript } from './transcript.ts';
import { readShareFragment, shareFragment } from './share-link.ts';
import { exerciseStart } from './exercise-starts.ts';
import { activeExercise, setActiveExercise } from '../exercise/active-exercise.ts';

export interface LabConfig {
  slug: string;
  seed: number;
  setup: string[];
  /** Files the lesson's editors start with, written on a fresh cluster (and recorded, for replay). */
  files: Record<string, string>;
}

interface SavedLab {
  version: 1;
  /** The lesson's seed and setup when saved: a changed lesson starts over. */
  lesson: string;
  snapshot: ClusterSnapshot;
  transcript: TranscriptEntry[];
}

const clockTickMs = 250;
const saveDelayMs = 300;

export class LessonLab extends EventTarget {
  readonly config: LabConfig;
  cluster: Cluster;
  transcript: TranscriptEntry[];
  /** Set when this page load rebuilt a shared transcript: how many steps it replayed. */
  replayed?: number;
  #listeners = new Set<(change: ClusterChange) => void>();
  #unsubscribe: () => void = () => {};
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(config: LabConfig, cluster: Cluster, transcript: TranscriptEntry[]) {
    super();
    this.config = config;
    this.cluster = cluster;
    this.transcript = transcript;
    this.#attach();
    this.#followWallClock();
    addEventListener('pagehide', () => this.save());
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) this.save();
    });
  }

  static async open(config: LabConfig): Promise<LessonLab> {
    const link = readShareFragment(location.hash);
    if (link) {
      const shared = await decodeTranscript(link.data).catch(() => undefined);
      history.replaceState(null, '', location.pathname + location.search);
      if (shared) {
        // Work shared from an exercise replays from that exercise's start, which then resumes here.
        const startOfExercise = link.exercise ? exerciseStart(link.exercise) : undefined;
        const start = startOfExercise ? await startOfExercise() : await freshCluster(config);
        setActiveExercise(config.slug, startOfExercise ? link.exercise : undefined, localStorage);
        const cluster = await replayOnto(start, shared);
        const lab = new LessonLab(config, cluster, shared);
        lab.replayed = shared.length;
        lab.save();
        return lab;
      }
    }
    const saved = restore(config);
    if (saved) return new LessonLab(config, saved.cluster, saved.transcript);
    const lab = new LessonLab(config, await freshCluster(config), []);
    lab.#seedFiles();
    return lab;
  }

  /** Run a line of the learner's shell, recorded in the transcript. */
  async exec(line: string, options: ExecOptions = {}) {
    this.transcript.push({ type: 'exec', line });
    try {
      return await this.cluster.exec(line, { interactive: true, ...options });
    } finally {
      this.save();
      this.dispatchEvent(new Event('exec'));
    }
  }

  /** Save a file from the editor into the cluster's file system, recorded in the transcript. */
  writeFile(path: string, content: string): void {
    if (this.cluster.fs.read(path) === content) return;
    this.cluster.fs.write(path, content);
    // Keystrokes in the editor become one step per file, not one per pause in typing.
    const last = this.transcript.at(-1);
    if (last?.type === 'write' && last.path === path) last.content = content;
    else this.transcript.push({ type: 'write', path, content });
    this.dispatchEvent(new CustomEvent('file', { detail: { path } }));
    this.#scheduleSave();
  }

  /** Forget everything done on this lesson's cluster and start from the lesson's setup. */
  async reset(): Promise<void> {
    localStorage.removeItem(storageKey(this.config.slug));
    this.cluster = await freshCluster(this.config);
    this.transcript = [];
    this.#attach();
    this.#seedFiles();
    this.save();
    this.dispatchEvent(new Event('reset'));
  }

  /** Work on a cluster prepared elsewhere (an exercise's starting state), with an empty transcript. */
  useCluster(cluster: Cluster): void {
    this.cluster = cluster;
    this.transcript = [];
    this.#attach();
    this.save();
    this.dispatchEvent(new Event('reset'));
  }

  /** A link that rebuilds this cluster for someone else: the transcript in the fragment. */
  async shareUrl(): Promise<string> {
    const url = new URL(location.href);
    url.hash = shareFragment(
      await encodeTranscript(this.transcript),
      activeExercise(this.config.slug, localStorage),
    );
    return url.href;
  }

  /** Cluster changes, across resets (a map keeps listening to the new cluster). */
  subscribe(listener: (change: ClusterChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  save(): void {
    clearTimeout(this.#saveTimer);
    const saved: SavedLab = {
      version: 1,
      lesson: lessonKey(this.config),
      snapshot: this.cluster.snapshot(),
      transcript: this.transcript,
    };
    try {
      localStorage.setItem(storageKey(this.config.slug), JSON.stringify(saved));
    } catch {
      // Storage full or denied: the lab still works, it just will not survive a reload.
    }
  }

  #seedFiles(): void {
    for (const [path, content] of Object.entries(this.config.files)) {
      this.cluster.fs.write(path, content);
      this.transcript.push({ type: 'write', path, content });
    }
  }

  #attach(): void {
    this.#unsubscribe();
    this.#unsubscribe = this.cluster.subscribe((change) => {
      for (const listener of this.#listeners) listener(change);
      if (change.type === 'object') this.#scheduleSave();
    });
    this.cluster.onEdit = (path) =>
      new Promise<void>((resolve) => {
        const detail: EditRequest = { path, done: resolve };
        // An editor on the page takes the request (preventDefault); without one there is nothing to wait for.
        if (window.dispatchEvent(new CustomEvent(editRequestEvent, { detail, cancelable: true }))) {
          resolve();
          this.dispatchEvent(new CustomEvent('edit-unhandled', { detail }));
        }
      });
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.save(), saveDelayMs);
  }

  #followWallClock(): void {
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (!document.hidden) this.cluster.advance(now - last);
      last = now;
    }, clockTickMs);
  }
}

function storageKey(slug: string): string {
  return `kube101:lab:${slug}`;
}

function lessonKey(config: LabConfig): string {
  return JSON.stringify({ seed: config.seed, setup: config.setup });
}

async function freshCluster(config: LabConfig): Promise<Cluster> {
  const cluster = createCluster({ seed: config.seed });
  for (const line of config.setup) await cluster.exec(line);
  cluster.settle();
  return cluster;
}

function restore(config: LabConfig): { cluster: Cluster; transcript: TranscriptEntry[] } | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(config.slug)) ?? 'null') as SavedLab | null;
    if (
      !saved ||
      saved.version !== 1 ||
      saved.lesson !== lessonKey(config) ||
      !isTranscript(saved.transcript)
    ) {
      return undefined;
    }
    return { cluster: createCluster({ snapshot: saved.snapshot }), transcript: saved.transcript };
  } catch {
    // A snapshot from an older simulator: start over rather than fail.
    return undefined;
  }
}

/** Rebuild a cluster from a transcript: from its starting point, each step with time to settle. */
async function replayOnto(cluster: Cluster, transcript: readonly TranscriptEntry[]): Promise<Cluster> {
  for (const [index, entry] of transcript.entries()) {
    if (entry.type === 'write') {
      cluster.fs.write(entry.path, entry.content);
      continue;
    }
    // `kubectl edit` saved its file through the editor: that write follows the line in the transcript.
    const next = transcript[index + 1];
    cluster.onEdit = async (path) => {
      if (next?.type === 'write' && next.path === path) cluster.fs.write(next.path, next.content);
    };
    await cluster.exec(entry.line);
    cluster.settle();
  }
  cluster.onEdit = undefined;
  return cluster;
}

let lab: Promise<LessonLab> | undefined;

/** The page's lab, created on first use from the lesson's `data-lab` attributes. */
export function getLab(): Promise<LessonLab> {
  lab ??= (async () => {
    const host = document.querySelector<HTMLElement>('[data-lab]');
    if (!host) throw new Error('this page has no lesson lab');
    return LessonLab.open({
      slug: host.dataset.lab!,
      seed: Number(host.dataset.labSeed ?? 1),
      setup: JSON.parse(host.dataset.labSetup ?? '[]') as string[],
      // The lesson's editors only: an exercise's files come with its own starting cluster.
      files: Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('yaml-editor[data-file]')]
          .filter((editor) => !editor.closest('kube-exercise'))
          .map((editor) => [editor.dataset.file!, editor.querySelector('.initial pre')?.textContent ?? '']),
      ),
    });
  })();
  return lab;
}
