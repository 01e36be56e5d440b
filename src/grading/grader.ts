/**
 * Grading: replay a transcript in a fresh simulator seeded as the exercise says, let the cluster
 * settle as a learner who waits would, then run every task's checks. The same code grades live in
 * the page (on a copy of the learner's cluster) and authoritatively on the server.
 */
import { createCluster, type Cluster, type ClusterSnapshot } from '../sim/index.ts';
import type { Exercise, Step, Task } from './exercise.ts';
import type { Transcript } from './transcript.ts';
import { runCheck, type CheckContext, type CheckOutcome } from './checks/index.ts';

/** How long the cluster may run after the last step: pods pulling images, load balancers. */
const SETTLE_MS = 5 * 60 * 1000;

export interface TaskResult {
  id: string;
  passed: boolean;
  message: string;
  /** The failure code of the first failing check (`ok` when passed), for tests and analytics. */
  code: string;
}

export interface GradeResult {
  exerciseId: string;
  passed: boolean;
  /** Percentage of tasks passed, 0-100 (partial credit). */
  score: number;
  checks: TaskResult[];
}

export interface ReplayOptions {
  /**
   * Stop when this returns true (the server's time budget): checked between steps, and inside a
   * step by the simulator (each command, loop round and controller pass), so one long line stops too.
   */
  outOfTime?: () => boolean;
}

export class ReplayTimeout extends Error {
  constructor() {
    super('the replay took longer than its time budget');
  }
}

/**
 * A cluster with the exercise's setup done: what the learner starts from. The setup is run once
 * per exercise object and kept as a snapshot; restoring it gives the same cluster, byte for byte.
 */
export async function startExercise(exercise: Exercise, interrupted?: () => boolean): Promise<Cluster> {
  let snapshot = setupSnapshots.get(exercise);
  if (!snapshot) {
    const cluster = createCluster({ seed: exercise.seed });
    for (const step of exercise.setup) await runStep(cluster, step);
    cluster.settle(SETTLE_MS);
    for (const file of exercise.files) cluster.fs.write(file.path, file.content);
    snapshot = cluster.snapshot();
    setupSnapshots.set(exercise, snapshot);
  }
  return createCluster({ snapshot, ...(interrupted ? { interrupted } : {}) });
}

const setupSnapshots = new WeakMap<Exercise, ClusterSnapshot>();

export async function replay(
  exercise: Exercise,
  transcript: Transcript,
  options: ReplayOptions = {},
): Promise<Cluster> {
  const outOfTime = options.outOfTime ?? (() => false);
  const cluster = await startExercise(exercise, outOfTime);
  for (const entry of transcript) {
    if (outOfTime()) throw new ReplayTimeout();
    if (entry.type === 'exec') await cluster.exec(entry.line);
    else cluster.fs.write(entry.path, entry.content);
  }
  cluster.settle(SETTLE_MS);
  // A step or the settling the budget cut short leaves a cluster that must not be graded.
  if (outOfTime()) throw new ReplayTimeout();
  return cluster;
}

export async function gradeTranscript(
  exercise: Exercise,
  transcript: Transcript,
  options: ReplayOptions = {},
): Promise<GradeResult> {
  return evaluate(exercise, await replay(exercise, transcript, options));
}

/**
 * Grade the cluster as it is now. Probes send real (simulated) requests that leave access-log
 * lines, so the page passes a copy of the learner's cluster, never the one in their terminal.
 */
export function evaluate(exercise: Exercise, cluster: Cluster): GradeResult {
  const checks = exercise.tasks.map((task) => evaluateTask(task, cluster, exercise.namespace));
  const passedCount = checks.filter((c) => c.passed).length;
  return {
    exerciseId: exercise.id,
    passed: passedCount === checks.length,
    score: Math.round((100 * passedCount) / checks.length),
    checks,
  };
}

/** Grade the learner's live cluster without touching it. */
export function evaluateLive(exercise: Exercise, cluster: Cluster): GradeResult {
  return evaluate(exercise, createCluster({ snapshot: cluster.snapshot() }));
}

function evaluateTask(task: Task, cluster: Cluster, namespace: string): TaskResult {
  const outcome = runTaskCheck(task.check, { cluster, namespace });
  const custom = outcome.passed ? task.success : task.messages[outcome.code];
  return {
    id: task.id,
    passed: outcome.passed,
    code: outcome.code,
    message: custom ? fill(custom, outcome.values ?? {}) : outcome.message,
  };
}

/** All of a list must pass (the first failure speaks); of `anyOf`, one (else the first failure speaks). */
function runTaskCheck(check: Task['check'], context: CheckContext): CheckOutcome {
  if ('anyOf' in check) {
    const outcomes = check.anyOf.map((c) => runCheck(c, context));
    return outcomes.find((o) => o.passed) ?? (outcomes[0] as CheckOutcome);
  }
  const checks = Array.isArray(check) ? check : [check];
  let outcome: CheckOutcome | undefined;
  for (const one of checks) {
    outcome = runCheck(one, context);
    if (!outcome.passed) break;
  }
  return outcome as CheckOutcome;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** A solution's or wrong attempt's steps as the transcript a learner would send. */
export function stepsToTranscript(steps: readonly Step[]): Transcript {
  return steps.map((step) =>
    'run' in step
      ? { type: 'exec', line: step.run }
      : { type: 'write', path: step.write, content: step.content },
  );
}

async function runStep(cluster: Cluster, step: Step): Promise<void> {
  if ('run' in step) {
    const result = await cluster.exec(step.run);
    if (result.exitCode !== 0)
      throw new Error(`exercise setup failed: \`${step.run}\`: ${result.stderr.trim()}`);
  } else {
    cluster.fs.write(step.write, step.content);
  }
}
