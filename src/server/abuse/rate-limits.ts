// Rate limits per learner and per IP. With PostgreSQL the counters live in its rate_limits table,
// so every server process sharing the database counts together; PGlite serves one process, whose
// memory is then the whole truth.
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { ApiError } from '../http/api-error.ts';

export interface RateLimitRule {
  points: number;
  durationSeconds: number;
  /** What the learner was doing, for the error message. */
  action: string;
}

export const DEFAULT_RATE_LIMIT_RULES = {
  commentPerLearner: { points: 5, durationSeconds: 60, action: 'posting comments' },
  commentPerLearnerHourly: { points: 40, durationSeconds: 3600, action: 'posting comments' },
  commentPerIp: { points: 20, durationSeconds: 60, action: 'posting comments' },
  changePerLearner: { points: 20, durationSeconds: 60, action: 'editing and deleting comments' },
  reportPerLearner: { points: 10, durationSeconds: 3600, action: 'reporting comments' },
  newLearnerPerIp: { points: 30, durationSeconds: 3600, action: 'starting new sessions' },
  adminLoginPerIp: { points: 10, durationSeconds: 900, action: 'trying moderator tokens' },
  submissionPerLearner: { points: 20, durationSeconds: 60, action: 'submitting exercises' },
  submissionPerIp: { points: 60, durationSeconds: 60, action: 'submitting exercises' },
  restoreCodePerLearner: { points: 10, durationSeconds: 3600, action: 'making restore codes' },
  restoreCodePerIp: { points: 30, durationSeconds: 3600, action: 'making restore codes' },
  restoreAttemptPerIp: { points: 10, durationSeconds: 900, action: 'trying restore codes' },
} satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMIT_RULES;
export type RateLimitRules = Record<RateLimitName, RateLimitRule>;

export class RateLimits {
  private readonly limiters: Map<RateLimitName, RateLimiterAbstract>;

  constructor(
    private readonly rules: RateLimitRules = DEFAULT_RATE_LIMIT_RULES,
    pool?: pg.Pool,
  ) {
    this.limiters = new Map(
      (Object.keys(rules) as RateLimitName[]).map((name) => {
        const options = {
          keyPrefix: name,
          points: rules[name].points,
          duration: rules[name].durationSeconds,
        };
        const limiter = pool
          ? new RateLimiterPostgres({
              ...options,
              storeClient: pool,
              storeType: 'pool',
              tableName: 'rate_limits',
              tableCreated: true, // by migrations/0003_rate_limits.sql
              clearExpiredByTimeout: false,
            })
          : new RateLimiterMemory(options);
        return [name, limiter];
      }),
    );
  }

  /** Counts one action against every named limit; throws 429 with Retry-After if any is spent. */
  async consume(checks: Array<[RateLimitName, string]>): Promise<void> {
    let refusal: { rule: RateLimitRule; retryAfterMs: number } | undefined;
    for (const [name, key] of checks) {
      try {
        await this.limiter(name).consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        if (!refusal || error.msBeforeNext > refusal.retryAfterMs) {
          refusal = { rule: this.rules[name], retryAfterMs: error.msBeforeNext };
        }
      }
    }
    if (refusal) {
      const seconds = Math.max(1, Math.ceil(refusal.retryAfterMs / 1000));
      throw new ApiError(
        429,
        'rate_limited',
        `You are ${refusal.rule.action} too fast: at most ${refusal.rule.points} in ${describeDuration(refusal.rule.durationSeconds)}. Try again in ${seconds} s.`,
        { 'Retry-After': String(seconds) },
      );
    }
  }

  private limiter(name: RateLimitName): RateLimiterAbstract {
    const limiter = this.limiters.get(name);
    if (!limiter) throw new Error(`No rate limit named ${name}`);
    return limiter;
  }
}

function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'an hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'a minute' : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}
