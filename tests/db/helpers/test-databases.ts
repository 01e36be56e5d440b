// Every database suite runs against in-memory PGlite and against PostgreSQL (the one global-setup.ts
// provides). Each test file gets a PostgreSQL schema of its own, so files can run in parallel on one
// database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { pgliteTemplate } from './pglite-template.ts';
import {
  openDatabase,
  type DatabaseHandle,
  type DatabaseLocation,
} from '../../../src/server/db/open-database.ts';

const postgres = inject('postgres');

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

/** Runs `suite` once per database; global-setup.ts has said why when there is no PostgreSQL. */
export function describeEachDatabase(title: string, suite: (database: TestDatabase) => void): void {
  describe(`${title} [PGlite]`, () => suite(pgliteTestDatabase()));
  if ('url' in postgres) {
    describe(`${title} [PostgreSQL]`, () => suite(postgresTestDatabase(postgres.url)));
  } else {
    describe.skip(`${title} [PostgreSQL] (skipped: ${postgres.missing})`, () =>
      suite(postgresTestDatabase('')));
  }
}
