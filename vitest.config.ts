import { defineConfig } from 'vitest/config';

// Two projects, so that a run of unit tests alone does not start the database tests' PostgreSQL:
// a project's globalSetup runs only when some of its files run.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'db', include: ['tests/db/**/*.test.ts'], globalSetup: ['tests/db/global-setup.ts'] },
      },
    ],
  },
});
