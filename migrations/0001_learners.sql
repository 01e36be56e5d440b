-- Anonymous learners: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE learners (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  display_name text,
  created_at timestamptz NOT NULL
);
