/**
 * A lesson holds on every learner's cluster, not only on its own seed: a learner who ran one command
 * more, did an exercise in between or practises in `kubesim` has other pod names, IPs and node ports.
 * So the lesson is walked again on other seeds, and each command must end the same way there: the
 * same exit code, and the same output once the values that legitimately differ are masked.
 */
import { indent } from './lesson-check.ts';
import type { LessonFile } from './lesson-files.ts';
import { walkLesson, type CommandRun } from './lesson-walk.ts';

/** The seeds a lesson is replayed on besides its own: fixed, so that a failure can be reproduced. */
export function replaySeeds(lesson: LessonFile): number[] {
  return [lesson.data.seed + 1000, lesson.data.seed + 2000];
}

/** Commands whose outcome on a replay seed differs from the one on the lesson's seed. */
export async function seedProblems(
  lesson: LessonFile,
  seeds: readonly number[] = replaySeeds(lesson),
): Promise<string[]> {
  const own = await walkLesson(lesson);
  const problems: string[] = [];
  for (const seed of seeds) {
    const other = await walkLesson(lesson, seed);
    own.forEach((block, blockIndex) => {
      block.runs.forEach((run, index) => {
        const there = other[blockIndex]?.runs[index];
        if (!there || sameOutcome(run, there)) return;
        const exits =
          run.exitCode === there.exitCode
            ? `prints other things on seed ${seed} than on the lesson's seed ${lesson.data.seed}`
            : `exits ${there.exitCode} on seed ${seed}, ${run.exitCode} on the lesson's seed ${lesson.data.seed}`;
        problems.push(
          `${lesson.path}:${block.line}: \`${run.command}\` ${exits}: does it depend on a generated name or value, or on time? (select by label, read the value into a variable, or wait for the state)\n  on seed ${lesson.data.seed}:\n${indent(run.printed)}\n  on seed ${seed}:\n${indent(there.printed)}`,
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
