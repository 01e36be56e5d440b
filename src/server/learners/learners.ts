// Anonymous learners. The browser keeps a random token in an HttpOnly, SameSite=Lax cookie; the
// database keeps only its SHA-256, so a leaked database does not let anyone act as a learner.
// A learner row is created on the first write (a comment, a report, a submission), not on reads.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isHttps, readCookie, serializeCookie } from '../http/cookies.ts';

export const LEARNER_COOKIE = 'kube101_learner';
const LEARNER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60; // the longest lifetime browsers keep

export interface Learner {
  id: string;
  displayName: string | null;
}

export function hashLearnerToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function findLearner(db: Kysely<Database>, request: Request): Promise<Learner | undefined> {
  const token = readCookie(request, LEARNER_COOKIE);
  if (!token) return undefined;
  const row = await db
    .selectFrom('learner_tokens')
    .innerJoin('learners', 'learners.id', 'learner_tokens.learner_id')
    .select(['learners.id', 'learners.display_name'])
    .where('learner_tokens.token_hash', '=', hashLearnerToken(token))
    .executeTakeFirst();
  return row && { id: row.id, displayName: row.display_name };
}

/** The request's learner, or a new one with the Set-Cookie header that gives the browser its token. */
export async function findOrCreateLearner(
  db: Kysely<Database>,
  request: Request,
  now: Date,
): Promise<{ learner: Learner; setCookie: string | undefined }> {
  const existing = await findLearner(db, request);
  if (existing) return { learner: existing, setCookie: undefined };
  const id = randomUUID();
  const setCookie = await db.transaction().execute(async (trx) => {
    await trx.insertInto('learners').values({ id, display_name: null, created_at: now }).execute();
    return signInBrowser(trx, request, id, now);
  });
  return { learner: { id, displayName: null }, setCookie };
}

/** Gives this browser a token of its own for the learner: the Set-Cookie header that carries it. */
export async function signInBrowser(
  db: Kysely<Database>,
  request: Request,
  learnerId: string,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('learner_tokens')
    .values({ token_hash: hashLearnerToken(token), learner_id: learnerId, created_at: now })
    .execute();
  return serializeCookie(LEARNER_COOKIE, token, {
    maxAgeSeconds: LEARNER_COOKIE_MAX_AGE,
    path: '/',
    sameSite: 'Lax',
    secure: isHttps(request),
  });
}

export async function setDisplayName(
  db: Kysely<Database>,
  learnerId: string,
  displayName: string,
): Promise<void> {
  await db.updateTable('learners').set({ display_name: displayName }).where('id', '=', learnerId).execute();
}
