/**
 * Follows a lesson as a learner would on its page: a cluster with the lesson's seed and setup, each
 * editor's file written, each command block run in order with time to settle after it, as the
 * lesson's terminal does. What each block printed is compared with the output the lesson shows.
 */
import { createCluster } from '../sim/index.ts';
import type { LessonFile } from './lesson-files.ts';

export interface BlockRun {
  line: number;
  commands: string[];
  /** stdout and stderr in the order the terminal shows them. */
  printed: string;
  /** The output block the lesson shows after the commands, if any. */
  shown?: { line: number; text: string };
}

export async function walkLesson(lesson: LessonFile): Promise<BlockRun[]> {
  const cluster = createCluster({ seed: lesson.data.seed });
  for (const line of lesson.data.setup) await cluster.exec(line);
  cluster.settle();
  const runs: BlockRun[] = [];
  for (const part of lesson.parts) {
    if (part.kind === 'file') cluster.fs.write(part.path, part.content);
    if (part.kind !== 'commands') continue;
    let printed = '';
    const append = (chunk: string): void => {
      printed += chunk;
    };
    for (const command of part.commands) {
      await cluster.exec(command, { onStdout: append, onStderr: append });
      cluster.settle();
    }
    runs.push({
      line: part.line,
      commands: part.commands,
      printed,
      ...(part.output ? { shown: part.output } : {}),
    });
  }
  return runs;
}

/** Output compared as a reader compares it: trailing spaces and blank lines at the end do not count. */
export function sameOutput(printed: string, shown: string): boolean {
  return normalise(printed) === normalise(shown);
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}
