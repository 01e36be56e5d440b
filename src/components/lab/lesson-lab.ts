/**
 * One simulated cluster per lesson page, shared by its terminal, editors, maps and exercises. It runs
 * in the lab's Web Worker (lab.worker.ts), so nothing here touches the DOM: the page keeps the saved
 * lab in localStorage and reads the Share link's fragment, and hears of changes through `LabHost`.
 * The lab follows the wall clock while the page is visible, records the learner's transcript, starts
 * over on Reset, and rebuilds a shared transcript from its start (the lesson's or an exercise's).
 */
import {
  createCluster,
  type Cluster,
  type ClusterChange,
  type ClusterSnapshot,
  type ExecOptions,
} from '../../sim/index.ts';
import { isTranscript, type TranscriptEntry } from '../../grading/transcript.ts';
import { decodeTranscript } from './transcript.ts';
import type { SharedWork } from './share-link.ts';

export interface LabConfig {
  slug: string;
  seed: number;
  setup: string[];
  /** Files the lesson's editors start with, written on a fresh cluster (and recorded, for replay). */
  files: Record<string, string>;
}

/** What the lab asks of the page it serves. */
export interface LabHost {
  /** Keep this (the lab as JSON) for the next visit; the page stores it per lesson. */
  save(saved: string): void;
  /** Cluster changes, across resets (a map keeps listening to the new cluster). */
  changed(change: ClusterChange): void;
  /** `kubectl edit FILE`: let the learner edit the file; resolves when done (at once without an editor). */
  edit(path: string): Promise<void>;
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

export class LessonLab {
  readonly config: LabConfig;
  cluster: Cluster;
  transcript: TranscriptEntry[];
  /** Counts the clusters this lab has had: an exercise tells its own cluster from a reset's. */
  generation = 0;
  /** Set when the lab rebuilt a shared transcript: how many steps it replayed. */
  replayed?: number;
  /** Whether the page is visible: the cluster's clock only follows the wall clock then. */
  visible = true;
  readonly #host: LabHost;
  #unsubscribe: () => void = () => {};
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(config: LabConfig, host: LabHost, cluster: Cluster, transcript: TranscriptEntry[]) {
    this.config = config;
    this.#host = host;
    this.cluster = cluster;
    this.transcript = transcript;
    this.#attach();
    this.#followWallClock();
  }

  /**
   * The lab from a Share link's work (replayed onto `start` when it began at an exercise), else from
   * what the page saved last time, else fresh from the lesson's setup.
   */
  static async open(
    config: LabConfig,
    host: LabHost,
    from: { saved?: string; shared?: SharedWork; start?: () => Promise<Cluster> },
  ): Promise<LessonLab> {
    const shared = from.shared ? await decodeTranscript(from.shared.data).catch(() => undefined) : undefined;
    if (shared) {
      const start = from.start ? await from.start() : await freshCluster(config);
      const lab = new LessonLab(config, host, await replayOnto(start, shared), shared);
      lab.replayed = shared.length;
      lab.save();
      return lab;
    }
    const saved = from.saved === undefined ? undefined : restore(config, from.saved);
    if (saved) return new LessonLab(config, host, saved.cluster, saved.transcript);
    const lab = new LessonLab(config, host, await freshCluster(config), []);
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
    }
  }

  /** Save a file from the editor into the cluster's file system, recorded in the transcript. */
  writeFile(path: string, content: string): boolean {
    if (this.cluster.fs.read(path) === content) return false;
    this.cluster.fs.write(path, content);
    // Keystrokes in the editor become one step per file, not one per pause in typing.
    const last = this.transcript.at(-1);
    if (last?.type === 'write' && last.path === path) last.content = content;
    else this.transcript.push({ type: 'write', path, content });
    this.#scheduleSave();
    return true;
  }

  /** Forget everything done on this lesson's cluster and start from the lesson's setup. */
  async reset(): Promise<void> {
    this.#use(await freshCluster(this.config));
    this.#seedFiles();
    this.save();
  }

  /** Work on a cluster prepared elsewhere (an exercise's starting state), with an empty transcript. */
  useCluster(cluster: Cluster): void {
    this.#use(cluster);
    this.save();
  }

  save(): void {
    clearTimeout(this.#saveTimer);
    const saved: SavedLab = {
      version: 1,
      lesson: lessonKey(this.config),
      snapshot: this.cluster.snapshot(),
      transcript: this.transcript,
    };
    this.#host.save(JSON.stringify(saved));
  }

  #use(cluster: Cluster): void {
    this.cluster = cluster;
    this.transcript = [];
    this.generation++;
    this.#attach();
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
      this.#host.changed(change);
      if (change.type === 'object') this.#scheduleSave();
    });
    this.cluster.onEdit = (path) => this.#host.edit(path);
  }

  #scheduleSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.save(), saveDelayMs);
  }

  #followWallClock(): void {
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      if (this.visible) this.cluster.advance(now - last);
      last = now;
    }, clockTickMs);
  }
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

function restore(
  config: LabConfig,
  text: string,
): { cluster: Cluster; transcript: TranscriptEntry[] } | undefined {
  try {
    const saved = JSON.parse(text) as SavedLab | null;
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
