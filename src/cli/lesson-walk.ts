/**
 * Follows a lesson as a learner would on its page: the lesson's cluster (lesson-cluster.ts), each
 * command block run in order on the page's clock (see `QUICKEST_READER_MS`). What each block printed is
 * compared with the output the lesson shows.
 */
import type { LessonFile } from './lesson-files.ts';
import { startLesson } from './lesson-cluster.ts';

export interface CommandRun {
  command: string;
  /** stdout and stderr in the order the terminal shows them. */
  printed: string;
  exitCode: number;
}

export interface BlockRun {
  line: number;
  commands: string[];
  /** stdout and stderr of all its commands in the order the terminal shows them. */
  printed: string;
  runs: CommandRun[];
  /** The output block the lesson shows after the commands, if any. */
  shown?: { line: number; text: string };
}

/**
 * The page's clock follows the wall clock (lesson-lab.ts) and Run in terminal types a block's lines
 * one after the other, so the next command starts as soon as one ends. Between blocks the quickest
 * learner takes about a second to reach the next Run button: what a block prints must already hold
 * then, and a block that needs a later state waits for it itself (`kubectl wait`, `rollout status`).
 */
const QUICKEST_READER_MS = 1000;

export interface WalkOptions {
  /** Another seed than the lesson's (the seed replays, `kubesim --lesson SLUG --seed N`). */
  seed?: number;
  /** How long the learner reads between two blocks. */
  readingMs?: number;
}

export async function walkLesson(lesson: LessonFile, options: WalkOptions = {}): Promise<BlockRun[]> {
  const cluster = await startLesson(lesson, options.seed);
  const blocks: BlockRun[] = [];
  for (const part of lesson.parts) {
    if (part.kind !== 'commands') continue;
    if (blocks.length > 0) cluster.advance(options.readingMs ?? QUICKEST_READER_MS);
    const runs: CommandRun[] = [];
    for (const command of part.commands) {
      let printed = '';
      const append = (chunk: string): void => {
        printed += chunk;
      };
      const { exitCode } = await cluster.exec(command, { onStdout: append, onStderr: append });
      runs.push({ command, printed, exitCode });
    }
    blocks.push({
      line: part.line,
      commands: part.commands,
      printed: runs.map((run) => run.printed).join(''),
      runs,
      ...(part.output ? { shown: part.output } : {}),
    });
  }
  return blocks;
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
