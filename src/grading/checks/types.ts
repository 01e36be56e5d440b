/** What every check gets and gives back. */
import type { Cluster } from '../../sim/index.ts';

export interface CheckContext {
  cluster: Cluster;
  /** The namespace the exercise works in. */
  namespace: string;
}

export interface CheckOutcome {
  passed: boolean;
  /** Why it failed, machine-readable (`missing`, `wrong-type`, `no-endpoints`...); `ok` when passed. */
  code: string;
  /** What the learner reads: says what is wrong in terms of their own objects. */
  message: string;
  /** Values a teacher's own message may use as `{name}`. */
  values?: Record<string, string | number>;
}

export const pass = (message: string, values?: Record<string, string | number>): CheckOutcome => ({
  passed: true,
  code: 'ok',
  message,
  ...(values ? { values } : {}),
});

export const fail = (
  code: string,
  message: string,
  values?: Record<string, string | number>,
): CheckOutcome => ({
  passed: false,
  code,
  message,
  ...(values ? { values } : {}),
});
