/** Exercises and grading: pure, shared by the page, the server and the authoring command. */
export {
  exerciseSchema,
  taskChecks,
  type Exercise,
  type ExerciseInput,
  type Task,
  type Step,
} from './exercise.ts';
export { parseExercise, ExerciseError } from './parse-exercise.ts';
export { transcriptSchema, TRANSCRIPT_LIMITS, type Transcript, type TranscriptEntry } from './transcript.ts';
export {
  evaluate,
  evaluateLive,
  gradeTranscript,
  replay,
  startExercise,
  stepsToTranscript,
  ReplayTimeout,
  type GradeResult,
  type TaskResult,
} from './grader.ts';
export { verifyExercise, type AttemptReport } from './verify.ts';
