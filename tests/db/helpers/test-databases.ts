// Every database suite runs against in-memory PGlite and against PostgreSQL (DATABASE_TEST_URL).
// Each test file gets a PostgreSQL schema of its own, so files can run in parallel on one database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { pgliteTemplate } from './pglite-template.ts';
import {
  openDatabase,
  type DatabaseHandle,
  type DatabaseLocation,
} from '../../../src/server/db/open-database.ts';

export const POSTGRES_TEST_URL = process.env.DATABASE_TEST_URL;

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** Where a fresh, empty database lives (a new PostgreSQL schema each call). */
  createLocation(): Promise<DatabaseLocation>;
  open(location: DatabaseLocation): Promise<DatabaseHandle>;
  dropAll(): Promise<void>;
}

function pgliteTestDatabase(): TestDatabase {
  return {
    name: 'pglite',
    createLocation: async () => ({ driver: 'pglite-memory', template: (await pgliteTemplate()).dump }),
    open: (location) => openDatabase(location),
    dropAll: async () => {},
  };
}

function postgresTestDatabase(url: string): TestDatabase {
  const schemas: string[] = [];
  return {
    name: 'postgres',
    async createLocation() {
      const schema = `test_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${schema}`);
      await client.end();
      schemas.push(schema);
      return { driver: 'postgres', url: withSearchPath(url, schema) };
    },
    open: (location) => openDatabase(location),
    async dropAll() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const schema of schemas.splice(0)) await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * Runs `suite` once per database. Without DATABASE_TEST_URL the PostgreSQL run is skipped with a
 * loud line, except under CI=true, where it fails: CI must test the real server.
 */
export function describeEachDatabase(title: string, suite: (database: TestDatabase) => void): void {
  describe(`${title} [PGlite]`, () => suite(pgliteTestDatabase()));
  if (POSTGRES_TEST_URL) {
    describe(`${title} [PostgreSQL]`, () => suite(postgresTestDatabase(POSTGRES_TEST_URL)));
  } else if (process.env.CI === 'true') {
    describe(`${title} [PostgreSQL]`, () => {
      it('needs DATABASE_TEST_URL under CI', () => {
        throw new Error(
          'CI=true but DATABASE_TEST_URL is not set: start PostgreSQL (scripts/ci-postgres.sh) and set it',
        );
      });
    });
  } else {
    warnPostgresSkipped(title);
    describe.skip(`${title} [PostgreSQL] (skipped: no DATABASE_TEST_URL)`, () =>
      suite(postgresTestDatabase('')));
  }
}

export function warnPostgresSkipped(title: string): void {
  console.warn(
    `\n!!!!! SKIPPING the PostgreSQL run of "${title}": DATABASE_TEST_URL is not set.\n` +
      '!!!!! Install postgresql (apt-get install -y postgresql), run `bash scripts/ci-postgres.sh` and set\n' +
      '!!!!! DATABASE_TEST_URL=postgres://kube101:kube101@127.0.0.1:5432/kube101_test\n',
  );
}
