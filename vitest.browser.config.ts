import { defineConfig } from 'vitest/config';

/** The browser suite (`npm run test:browser`): needs Chromium and the built bundle, so it runs apart. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
