-- Counters of rate-limiter-flexible's RateLimiterPostgres (its own table layout), so that limits
-- hold across server processes sharing PostgreSQL. Unused on PGlite, where one process counts in memory.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
