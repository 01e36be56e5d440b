/**
 * A lesson's cluster as its page starts it (src/components/lab/lesson-lab.ts): the lesson's seed,
 * its setup with time to settle, and the files its editors hold written to the shell's file system.
 * The lesson check and `kubesim --lesson` both start here.
 */
import { createCluster, type Cluster } from '../sim/index.ts';
import type { LessonFile } from './lesson-files.ts';

/**
 * `seed` replaces the lesson's own, as `kubesim --lesson SLUG --seed N` and the seed replays do;
 * `createdAt` starts the cluster's clock there (`kubesim serve` runs on the wall clock).
 */
export async function startLesson(
  lesson: LessonFile,
  seed: number = lesson.data.seed,
  createdAt?: number,
): Promise<Cluster> {
  const cluster = createCluster({ seed, ...(createdAt === undefined ? {} : { createdAt }) });
  for (const line of lesson.data.setup) await cluster.exec(line);
  cluster.settle();
  for (const part of lesson.parts) {
    if (part.kind === 'file') cluster.fs.write(part.path, part.content);
  }
  return cluster;
}
