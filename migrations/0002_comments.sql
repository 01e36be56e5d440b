-- Comments under lessons, one level of threading (a reply's parent is a top-level comment).
-- body_html is rendered and sanitized once, when the comment is written.
CREATE TABLE comments (
  id uuid PRIMARY KEY,
  lesson_slug text NOT NULL,
  parent_id uuid REFERENCES comments (id),
  author_id uuid NOT NULL REFERENCES learners (id),
  body_markdown text NOT NULL,
  body_html text NOT NULL,
  created_at timestamptz NOT NULL,
  edited_at timestamptz,
  hidden_at timestamptz,
  deleted_at timestamptz
);

CREATE INDEX comments_by_lesson ON comments (lesson_slug, created_at, id) WHERE parent_id IS NULL;
CREATE INDEX comments_by_parent ON comments (parent_id, created_at, id);
CREATE INDEX comments_by_author ON comments (author_id, created_at);
CREATE INDEX comments_recent ON comments (created_at, id);

CREATE TABLE comment_reports (
  comment_id uuid NOT NULL REFERENCES comments (id),
  reporter_id uuid NOT NULL REFERENCES learners (id),
  reason text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (comment_id, reporter_id)
);
