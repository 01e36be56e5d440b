// Plain SQL migrations from migrations/*.sql, applied in name order at start, the same files for
// PGlite and PostgreSQL. Applied names and checksums are kept in schema_migrations; an advisory
// lock lets several processes start against one PostgreSQL at once.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface Migration {
  name: string;
  sql: string;
}

const MIGRATIONS_LOCK_KEY = 1_010_101;

export function readMigrations(dir: string = findMigrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

// The folder sits at the project root, above both src/server/db and the built dist/server/chunks.
function findMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`No migrations/ folder found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

export async function migrate(
  db: Kysely<Database>,
  migrations: Migration[] = readMigrations(),
): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATIONS_LOCK_KEY)})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const applied = new Map(
      (await trx.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map((row) => [
        row.name,
        row.checksum,
      ]),
    );
    const newlyApplied: string[] = [];
    for (const migration of migrations) {
      const checksum = createHash('sha256').update(migration.sql).digest('hex');
      const appliedChecksum = applied.get(migration.name);
      if (appliedChecksum !== undefined) {
        if (appliedChecksum !== checksum) {
          throw new Error(
            `Migration ${migration.name} changed after it was applied: add a new migration instead of editing it`,
          );
        }
        continue;
      }
      await sql.raw(migration.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: migration.name, checksum }).execute();
      newlyApplied.push(migration.name);
    }
    return newlyApplied;
  });
}
