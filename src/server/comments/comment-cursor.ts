// "Load more" cursors: the position (created_at, id) of the last top-level comment shown, opaque to
// clients. Keyset pagination stays correct while comments are being added.
import { ApiError } from '../http/api-error.ts';

export interface CommentPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: CommentPosition): string {
  return Buffer.from(`${position.createdAt.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): CommentPosition {
  const [time, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(time ?? '');
  if (!id || rest.length > 0 || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ApiError(400, 'invalid_cursor', 'The `cursor` parameter is not one this server gave out.');
  }
  return { createdAt, id };
}
