// Restore codes carry an anonymous learner to another browser. A code is 80 random bits written in
// Crockford's base32 (no I, L, O or U to misread), kept only as its SHA-256 like the tokens; one per
// learner at a time, valid for 30 days, usable until then or until a new code replaces it.
import { createHash, randomBytes } from 'node:crypto';
import type { App } from '../app.ts';
import { ApiError } from '../http/api-error.ts';
import { signInBrowser, type Learner } from './learners.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;
export const RESTORE_CODE_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface RestoreCode {
  /** Shown to the learner as four groups of four: `7K2M-9QXD-4B8T-JN3R`. */
  code: string;
  expiresAt: Date;
}

export async function createRestoreCode(app: App, learnerId: string): Promise<RestoreCode> {
  const bytes = randomBytes(10); // 80 bits = 16 characters of 5 bits
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let plain = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i--) plain += ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  const expiresAt = new Date(app.now().getTime() + RESTORE_CODE_LIFETIME_MS);
  await app.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('restore_codes').where('learner_id', '=', learnerId).execute();
    await trx
      .insertInto('restore_codes')
      .values({ learner_id: learnerId, code_hash: hashCode(plain), expires_at: expiresAt })
      .execute();
  });
  return { code: plain.match(/.{4}/g)!.join('-'), expiresAt };
}

export async function cancelRestoreCode(app: App, learnerId: string): Promise<void> {
  await app.db.deleteFrom('restore_codes').where('learner_id', '=', learnerId).execute();
}

/**
 * Signs this browser in as the code's learner. What the browser had done as another anonymous
 * learner (submissions, comments) moves along, so nothing is lost by restoring.
 */
export async function redeemRestoreCode(
  app: App,
  request: Request,
  current: Learner | undefined,
  typed: string,
): Promise<{ learnerId: string; setCookie: string | undefined }> {
  const plain = normaliseRestoreCode(typed);
  const row =
    plain.length === CODE_LENGTH
      ? await app.db
          .selectFrom('restore_codes')
          .select(['learner_id', 'expires_at'])
          .where('code_hash', '=', hashCode(plain))
          .executeTakeFirst()
      : undefined;
  if (!row || new Date(row.expires_at).getTime() <= app.now().getTime()) {
    throw new ApiError(
      400,
      'invalid_restore_code',
      'That restore code is not valid. Check it, or make a new one in the browser that has your progress (codes last 30 days, and a new code replaces the old one).',
    );
  }
  const target = row.learner_id;
  if (current?.id === target) return { learnerId: target, setCookie: undefined };
  const setCookie = await app.db.transaction().execute(async (trx) => {
    if (current) {
      await trx
        .updateTable('submissions')
        .set({ learner_id: target })
        .where('learner_id', '=', current.id)
        .execute();
      await trx
        .updateTable('comments')
        .set({ author_id: target })
        .where('author_id', '=', current.id)
        .execute();
    }
    return signInBrowser(trx, request, target, app.now());
  });
  return { learnerId: target, setCookie };
}

/** What a learner types or pastes: any case, with or without dashes and spaces, 0/O and 1/I/L alike. */
export function normaliseRestoreCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

function hashCode(plain: string): string {
  return createHash('sha256').update(`restore:${plain}`).digest('hex');
}
