-- Graded submissions: the server's own verdict on a replayed transcript, never the client's.
CREATE TABLE submissions (
  id uuid PRIMARY KEY,
  learner_id uuid NOT NULL REFERENCES learners (id) ON DELETE CASCADE,
  exercise_id text NOT NULL,
  passed boolean NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  checks jsonb NOT NULL,
  transcript_entries integer NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE INDEX submissions_learner_exercise ON submissions (learner_id, exercise_id, score DESC, created_at);
