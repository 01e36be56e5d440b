import { defineConfig } from 'vitest/config';

const elementTests = 'tests/unit/**/*-element.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [elementTests],
        },
      },
      // The page's custom elements, in happy-dom, on the markup their Astro components render.
      './vitest.elements.config.ts',
    ],
  },
});
