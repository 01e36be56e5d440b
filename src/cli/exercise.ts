/**
 * `npm run exercise -- check [ID...]`: replays every reference solution and known-wrong attempt of
 * the exercises (all, or those named) and says which behave as the exercise claims.
 * `npm run exercise -- list` lists them.
 */
import { loadExercisesFromDisk } from './exercise-files.ts';
import { verifyExercise } from '../grading/index.ts';

async function main(argv: string[]): Promise<number> {
  const [command = 'check', ...ids] = argv;
  let exercises;
  try {
    exercises = loadExercisesFromDisk();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (command === 'list') {
    for (const e of exercises) console.log(`${e.id.padEnd(32)} ${e.lesson.padEnd(24)} ${e.title}`);
    return 0;
  }
  if (command !== 'check') {
    console.error(`unknown command "${command}": use check [ID...] or list`);
    return 2;
  }
  const chosen = ids.length > 0 ? exercises.filter((e) => ids.includes(e.id)) : exercises;
  const unknown = ids.filter((id) => !exercises.some((e) => e.id === id));
  if (unknown.length > 0) {
    console.error(`no exercise with id ${unknown.join(', ')}`);
    return 2;
  }
  let failures = 0;
  for (const exercise of chosen) {
    for (const report of await verifyExercise(exercise)) {
      const mark = report.ok ? 'ok  ' : 'FAIL';
      console.log(
        `${mark} ${exercise.id}: ${report.kind} "${report.attempt}" (score ${report.result.score})`,
      );
      if (!report.ok) {
        failures++;
        console.log(`       ${report.problem?.replace(/\n/g, '\n       ')}`);
      }
    }
  }
  console.log(
    `${chosen.length} exercise(s), ${failures === 0 ? 'all as expected' : `${failures} attempt(s) not as expected`}`,
  );
  return failures === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
