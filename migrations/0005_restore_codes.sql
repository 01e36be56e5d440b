-- A learner may use the course from several browsers: each browser holds its own token.
CREATE TABLE learner_tokens (
  token_hash text PRIMARY KEY,
  learner_id uuid NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
INSERT INTO learner_tokens (token_hash, learner_id, created_at)
  SELECT token_hash, id, created_at FROM learners;
ALTER TABLE learners DROP COLUMN token_hash;

-- A restore code carries a learner's progress to another browser. One per learner at a time,
-- stored as its SHA-256 like the tokens; making a new one cancels the old.
CREATE TABLE restore_codes (
  learner_id uuid PRIMARY KEY REFERENCES learners (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  expires_at timestamptz NOT NULL
);
