/**
 * `npm run lesson -- check [SLUG...]`: runs every command block of the lessons (all, or those named)
 * in the simulator as a learner would, and says where the output a lesson shows differs from what
 * the terminal prints, where a command ends otherwise on another seed or for a slow reader, or where its exercises,
 * editors or diagrams do not fit.
 * `npm run lesson -- show SLUG`: prints each command block with what the terminal prints for it.
 */
import { loadExercisesFromDisk } from './exercise-files.ts';
import { loadLessonsFromDisk } from './lesson-files.ts';
import { outputProblems, structureProblems } from './lesson-check.ts';
import { lessonReplays, replayProblems } from './lesson-replays.ts';
import { walkLesson } from './lesson-walk.ts';

async function main(argv: string[]): Promise<number> {
  const [command = 'check', ...slugs] = argv;
  const lessons = loadLessonsFromDisk();
  const unknown = slugs.filter((slug) => !lessons.some((lesson) => lesson.slug === slug));
  if (unknown.length > 0) {
    console.error(`no lesson ${unknown.join(', ')}; lessons: ${lessons.map((l) => l.slug).join(', ')}`);
    return 2;
  }
  const chosen = slugs.length > 0 ? lessons.filter((lesson) => slugs.includes(lesson.slug)) : lessons;
  if (command === 'show') {
    for (const lesson of chosen) {
      for (const run of await walkLesson(lesson)) {
        console.log(`# ${lesson.path}:${run.line}`);
        console.log(
          '```sh\n' + run.commands.join('\n') + '\n```\n\n```text\n' + run.printed.trimEnd() + '\n```\n',
        );
      }
    }
    return 0;
  }
  if (command !== 'check') {
    console.error(`unknown command "${command}": use check [SLUG...] or show SLUG`);
    return 2;
  }
  const exercises = loadExercisesFromDisk();
  let count = 0;
  for (const lesson of chosen) {
    const problems = [
      ...structureProblems(lesson, exercises),
      ...(await outputProblems(lesson)),
      ...(await replayProblems(lesson)),
    ];
    count += problems.length;
    const seeds = [lesson.data.seed, ...lessonReplays(lesson).flatMap((r) => r.options.seed ?? [])];
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${lesson.slug} (seeds ${seeds.join(', ')})`);
    for (const problem of problems) console.log(`  ${problem.replace(/\n/g, '\n  ')}`);
  }
  console.log(`${chosen.length} lesson(s), ${count === 0 ? 'all as they say' : `${count} problem(s)`}`);
  return count === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
