/**
 * A lesson holds for every learner, not only when followed exactly as written: a learner who ran
 * one command more, did an exercise in between or practises in `kubesim` has other pod names, IPs
 * and node ports, and most learners read slower than the quickest. So the lesson is walked again on
 * other seeds, and by a slow reader, and each command must end the same way there: the same exit
 * code, and the same output once the values that legitimately differ are masked.
 */
import { indent } from './lesson-check.ts';
import type { LessonFile } from './lesson-files.ts';
import { walkLesson, type CommandRun, type WalkOptions } from './lesson-walk.ts';

/** Another walk of the lesson that must end each command as the lesson's own does. */
export interface Replay {
  /** Where it differs, in a message: `on seed 1101`. */
  label: string;
  options: WalkOptions;
  /** What to look for when a command ends otherwise there. */
  advice: string;
}

/** The lesson on two other seeds (fixed, so that a failure can be reproduced), and read slowly. */
export function lessonReplays(lesson: LessonFile): Replay[] {
  const seeds = [lesson.data.seed + 1000, lesson.data.seed + 2000];
  return [
    ...seeds.map((seed) => ({
      label: `on seed ${seed}`,
      options: { seed },
      advice: 'does it copy a generated name or value? Select by label, or read the value into a variable',
    })),
    {
      label: 'when the learner reads a minute before each block',
      options: { readingMs: 60_000 },
      advice:
        'does the block show a state that time changes? Wait for the state first (kubectl wait, rollout status)',
    },
  ];
}

/** Commands whose outcome in a replay differs from the one when the lesson is followed as written. */
export async function replayProblems(
  lesson: LessonFile,
  replays: readonly Replay[] = lessonReplays(lesson),
): Promise<string[]> {
  const own = await walkLesson(lesson);
  const problems: string[] = [];
  for (const replay of replays) {
    const other = await walkLesson(lesson, replay.options);
    own.forEach((block, blockIndex) => {
      block.runs.forEach((run, index) => {
        const there = other[blockIndex]?.runs[index];
        if (!there || sameOutcome(run, there)) return;
        const differs =
          run.exitCode === there.exitCode
            ? `prints other things ${replay.label}`
            : `exits ${there.exitCode} ${replay.label}, not ${run.exitCode}`;
        problems.push(
          `${lesson.path}:${block.line}: \`${run.command}\` ${differs}: ${replay.advice}\n  as the lesson is written:\n${indent(run.printed)}\n  ${replay.label}:\n${indent(there.printed)}`,
        );
      });
    });
  }
  return problems;
}

function sameOutcome(own: CommandRun, other: CommandRun): boolean {
  return own.exitCode === other.exitCode && maskGenerated(own.printed) === maskGenerated(other.printed);
}

/** kube's rand.String alphabet: the random suffixes of pod and EndpointSlice names. */
const SUFFIX = '[bcdfghjklmnpqrstvwxz2456789]{5}';

/**
 * What is left of an output once everything a seed or the clock decides is masked: generated
 * names, UIDs, IPs, node ports, the node a pod landed on, ages and times, the column widths they
 * set, the order of rows sorted by those names, and how many progress lines a rollout printed.
 */
function maskGenerated(text: string): string {
  return text
    .replace(new RegExp(`\\b([a-z0-9][-a-z0-9]*)-[a-z0-9]{6,10}-${SUFFIX}\\b`, 'g'), '$1-<hash>-<id>')
    .replace(new RegExp(`\\b([a-z0-9][-a-z0-9]*)-${SUFFIX}\\b`, 'g'), '$1-<id>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
    .replace(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g, '<ip>')
    .replace(/\b3[0-2]\d{3}\b/g, '<node-port>')
    .replace(/\bworker-\d+\b/g, '<node>')
    .replace(/\b\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d:\d\dZ?/g, '<time>')
    .replace(/\b\d+(ms|s|m|h|d)(\d+(s|m))?\b/g, '<age>')
    .replace(/\b\d+ (ms|milliseconds)\b/g, '<duration>')
    .split('\n')
    .filter((line) => !/^Waiting for deployment ".*" rollout to finish: /.test(line))
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .sort()
    .join('\n')
    .trim();
}
