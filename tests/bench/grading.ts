/**
 * Grading budget (DESIGN.md: one submission graded on the server, median ≤ 10 ms): replays each
 * exercise's first reference solution through the same grader the server runs, on this process,
 * and reports the median and submissions per second. `npm run bench:grading`.
 */
import { loadExercisesFromDisk } from '../../src/cli/exercise-files.ts';
import { gradeTranscript, stepsToTranscript } from '../../src/grading/index.ts';

const BUDGET_MS = 10;
const RUNS = 15;

const rows: { id: string; median: number }[] = [];
const all: number[] = [];
for (const exercise of loadExercisesFromDisk()) {
  const transcript = stepsToTranscript(exercise.solutions[0]?.steps ?? []);
  await gradeTranscript(exercise, transcript); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = await gradeTranscript(exercise, transcript);
    times.push(performance.now() - start);
    if (!result.passed) throw new Error(`${exercise.id}: its reference solution did not pass`);
  }
  all.push(...times);
  rows.push({ id: exercise.id, median: median(times) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

for (const row of rows.sort((a, b) => b.median - a.median).slice(0, 5)) {
  console.log(`slowest: ${row.id.padEnd(36)} median ${row.median.toFixed(1)} ms`);
}
const overall = median(all);
console.log(
  `| grading one submission (${rows.length} exercises × ${RUNS}, median) | ≤ ${BUDGET_MS} ms | ${overall.toFixed(1)} ms | ${overall <= BUDGET_MS ? 'PASS' : 'FAIL'} |`,
);
console.log(`| submissions per second on one core | | ${(1000 / overall).toFixed(0)} /s | |`);
process.exitCode = overall <= BUDGET_MS ? 0 : 1;
