// What a comment may be: the limits and the checks on what a learner sends, with messages that
// say what is wrong.
import { ApiError } from '../http/api-error.ts';

export const MAX_BODY_CHARS = 5000;
export const MAX_DISPLAY_NAME_CHARS = 40;
export const MAX_REPORT_REASON_CHARS = 500;
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
/** Bytes of JSON a comment request may carry: the body limit in 4-byte characters, and room to spare. */
export const MAX_REQUEST_BYTES = 32 * 1024;

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkLessonSlug(slug: string | undefined): string {
  if (!slug || !SLUG.test(slug))
    throw new ApiError(404, 'lesson_not_found', 'There is no lesson with that name.');
  return slug;
}

/** An id that is not a well-formed uuid cannot name a comment: answer as for an unknown one. */
export function checkCommentId(id: string | undefined): string {
  if (!id || !UUID.test(id)) throw commentNotFound();
  return id;
}

export function commentNotFound(): ApiError {
  return new ApiError(404, 'comment_not_found', 'There is no such comment (it may have been deleted).');
}

export function checkBody(value: unknown): string {
  if (typeof value !== 'string')
    throw new ApiError(400, 'invalid_body', 'The comment text (`body`) must be a string.');
  const body = value.replace(/\r\n?/g, '\n').trim();
  if (body === '') throw new ApiError(400, 'empty_body', 'Write something before posting.');
  const length = [...body].length;
  if (length > MAX_BODY_CHARS) {
    throw new ApiError(
      413,
      'body_too_long',
      `A comment can be at most ${MAX_BODY_CHARS} characters long; this one has ${length}.`,
    );
  }
  return body;
}

export function checkDisplayName(value: unknown): string {
  if (typeof value !== 'string') {
    throw new ApiError(400, 'invalid_display_name', 'The display name (`displayName`) must be a string.');
  }
  const name = value.replace(/\s+/g, ' ').trim();
  if (name === '')
    throw new ApiError(400, 'display_name_required', 'Choose a display name for your first comment.');
  if ([...name].length > MAX_DISPLAY_NAME_CHARS) {
    throw new ApiError(
      400,
      'display_name_too_long',
      `A display name can be at most ${MAX_DISPLAY_NAME_CHARS} characters long.`,
    );
  }
  // Control and invisible formatting characters would let a name imitate another.
  if (/[\p{Cc}\p{Cf}]/u.test(name)) {
    throw new ApiError(
      400,
      'invalid_display_name',
      'A display name cannot contain control or invisible characters.',
    );
  }
  return name;
}

export function checkReportReason(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string')
    throw new ApiError(400, 'invalid_reason', 'The reason (`reason`) must be a string.');
  const reason = value.trim();
  if ([...reason].length > MAX_REPORT_REASON_CHARS) {
    throw new ApiError(
      400,
      'reason_too_long',
      `A reason can be at most ${MAX_REPORT_REASON_CHARS} characters long.`,
    );
  }
  return reason;
}

/** Bots fill every field; people never see this one. */
export function checkHoneypot(value: unknown): void {
  if (value !== undefined && value !== null && value !== '') {
    throw new ApiError(400, 'rejected', 'This comment was not accepted.');
  }
}
