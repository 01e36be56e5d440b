import { defineConfig } from 'vitest/config';

// Browser tests: one production build, one server, the Chromium of tests/e2e/chromium.ts. Files run
// one after the other (each starts its own Chromium), which keeps a 2-core CI machine responsive.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
