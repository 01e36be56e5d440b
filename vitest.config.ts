import { defineConfig } from 'vitest/config';

const elementTests = 'tests/unit/**/*-element.test.ts';

// Projects, so that a run of unit tests alone does not start the database tests' PostgreSQL (a
// project's globalSetup runs only when some of its files run), and so that the custom elements run
// on Astro's Vite config.
export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [elementTests],
        },
      },
      {
        extends: true,
        test: { name: 'db', include: ['tests/db/**/*.test.ts'], globalSetup: ['tests/db/global-setup.ts'] },
      },
      // The page's custom elements, in happy-dom, on the markup their Astro components render.
      './vitest.elements.config.ts',
    ],
  },
});
