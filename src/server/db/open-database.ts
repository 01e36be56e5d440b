// Opens the database: PostgreSQL through `pg` when a URL is given, else embedded PGlite in a data
// directory (or in memory, for tests), and brings its schema up to date.
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate, type Migration } from './migrations.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseLocation =
  | { driver: 'postgres'; url: string }
  | { driver: 'pglite'; dataDir: string }
  /** In memory, for tests; `template` is a dump (PGlite's dumpDataDir) to start from instead of an empty cluster. */
  | { driver: 'pglite-memory'; template?: Blob };

export interface DatabaseHandle {
  db: Kysely<Database>;
  location: DatabaseLocation;
  /** The PostgreSQL pool, for stores that need a pg client of their own (rate limits). */
  pool: pg.Pool | undefined;
  close(): Promise<void>;
}

export async function openDatabase(
  location: DatabaseLocation,
  options: { migrations?: Migration[] } = {},
): Promise<DatabaseHandle> {
  const handle = location.driver === 'postgres' ? openPostgres(location) : await openPGlite(location);
  try {
    await migrate(handle.db, options.migrations);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

function openPostgres(location: { driver: 'postgres'; url: string }): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: location.url, max: 10 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (error) => console.error('PostgreSQL pool error:', error.message));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, location, pool, close: () => db.destroy() };
}

async function openPGlite(
  location: Exclude<DatabaseLocation, { driver: 'postgres' }>,
): Promise<DatabaseHandle> {
  const lock = location.driver === 'pglite' ? lockDataDir(location.dataDir) : undefined;
  const releaseOnExit = () => lock?.release();
  process.once('exit', releaseOnExit);
  let pglite: PGlite;
  try {
    pglite =
      location.driver === 'pglite'
        ? await PGlite.create(join(location.dataDir, 'pglite'))
        : await PGlite.create(location.template ? { loadDataDir: location.template } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await db.destroy();
      await pglite.close();
      lock?.release();
      process.off('exit', releaseOnExit);
    })());
  return { db, location, pool: undefined, close };
}
