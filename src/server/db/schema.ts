// The database's tables as Kysely sees them; each mirrors a file in migrations/. A feature that
// adds tables (e.g. submissions and progress for grading) adds a migration file and its interfaces
// here, and lists them in `Database`.
import type { Generated } from 'kysely';

export interface LearnersTable {
  id: string;
  display_name: string | null;
  created_at: Date;
}

/** One row per browser a learner uses: the SHA-256 of the token in its cookie. */
export interface LearnerTokensTable {
  token_hash: string;
  learner_id: string;
  created_at: Date;
}

export interface RestoreCodesTable {
  learner_id: string;
  code_hash: string;
  expires_at: Date;
}

export interface CommentsTable {
  id: string;
  lesson_slug: string;
  parent_id: string | null;
  author_id: string;
  body_markdown: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  hidden_at: Date | null;
  deleted_at: Date | null;
}

export interface CommentReportsTable {
  comment_id: string;
  reporter_id: string;
  reason: string;
  created_at: Date;
}

export interface SubmissionsTable {
  id: string;
  learner_id: string;
  exercise_id: string;
  passed: boolean;
  score: number;
  /** JSON text on insert; the task results as the grader returned them. */
  checks: string;
  transcript_entries: number;
  created_at: Date;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Date>;
}

export interface Database {
  learners: LearnersTable;
  learner_tokens: LearnerTokensTable;
  restore_codes: RestoreCodesTable;
  comments: CommentsTable;
  comment_reports: CommentReportsTable;
  submissions: SubmissionsTable;
  schema_migrations: SchemaMigrationsTable;
}
