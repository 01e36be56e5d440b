import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/server/db/data-dir-lock.ts';
import { sql } from 'kysely';
import { migrate, readMigrations } from '../../src/server/db/migrations.ts';
import { findLearner, hashLearnerToken } from '../../src/server/learners/learners.ts';
import { openDatabase } from '../../src/server/db/open-database.ts';
import { pgliteTemplate } from './helpers/pglite-template.ts';
import { describeEachDatabase } from './helpers/test-databases.ts';

describeEachDatabase('database', (database) => {
  afterAll(() => database.dropAll());

  it('applies every migration once, in order, and refuses an edited one', async () => {
    const handle = await database.open(await database.createLocation());
    try {
      const files = readMigrations().map((migration) => migration.name);
      expect(files.slice(0, 3)).toEqual(['0001_learners.sql', '0002_comments.sql', '0003_rate_limits.sql']);
      const applied = await handle.db
        .selectFrom('schema_migrations')
        .select('name')
        .orderBy('name')
        .execute();
      expect(applied.map((row) => row.name)).toEqual(files);
      expect(await migrate(handle.db)).toEqual([]);

      const edited = readMigrations().map((migration, index) =>
        index === 0 ? { ...migration, sql: `${migration.sql}\n-- edited` } : migration,
      );
      await expect(migrate(handle.db, edited)).rejects.toThrow(
        'Migration 0001_learners.sql changed after it was applied: add a new migration instead of editing it',
      );
      // A failed migration run leaves nothing half-applied.
      const broken = [
        ...readMigrations(),
        { name: '9999_broken.sql', sql: 'create table half (id int); select nope;' },
      ];
      await expect(migrate(handle.db, broken)).rejects.toThrow();
      const tables = await handle.db.introspection.getTables();
      expect(tables.map((table) => table.name)).not.toContain('half');
    } finally {
      await handle.close();
    }
  });

  // PGlite starts from an empty database here (not the migrated template): its initdb took more
  // than 20 s on a busy 2-core machine.
  it('keeps learners signed in across the move of tokens to learner_tokens (0005)', async () => {
    const location =
      database.name === 'pglite' ? { driver: 'pglite-memory' as const } : await database.createLocation();
    const before = readMigrations().filter((migration) => migration.name < '0005');
    const handle = await openDatabase(location, { migrations: before });
    try {
      await sql`insert into learners (id, token_hash, display_name, created_at)
        values ('6a1f2c4e-0000-4000-8000-000000000001', ${hashLearnerToken('adas-cookie')}, 'Ada', now())`.execute(
        handle.db,
      );
      await migrate(handle.db);
      const cookie = (token: string) =>
        new Request('http://localhost/', { headers: { Cookie: `kube101_learner=${token}` } });
      expect(await findLearner(handle.db, cookie('adas-cookie'))).toEqual({
        id: '6a1f2c4e-0000-4000-8000-000000000001',
        displayName: 'Ada',
      });
      expect(await findLearner(handle.db, cookie('someone-else'))).toBeUndefined();
    } finally {
      await handle.close();
    }
  }, 90_000);
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function templateCopy(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kube101-lock-'));
  dirs.push(dir);
  cpSync((await pgliteTemplate()).dataDir, dir, { recursive: true });
  return dir;
}

it('keeps a PGlite data directory to one owner, and takes over a lock left by a dead process', async () => {
  const dataDir = await templateCopy();
  // A lock left by a process that no longer runs (pid 2^22 + 1 is above Linux's pid_max default).
  writeFileSync(join(dataDir, 'kube101.lock'), String(4_194_305));
  const first = await openDatabase({ driver: 'pglite', dataDir });
  try {
    writeFileSync(join(dataDir, 'kube101.lock'), String(process.ppid)); // a running process owns it
    const second = openDatabase({ driver: 'pglite', dataDir });
    await expect(second).rejects.toThrow(DataDirLockedError);
    await expect(second).rejects.toThrow(
      `The data directory ${dataDir} is in use by process ${process.ppid}.`,
    );
  } finally {
    writeFileSync(join(dataDir, 'kube101.lock'), String(process.pid));
    await first.close();
  }
}, 60_000);
