/**
 * The vitest config `npm run mutate` uses: the core's unit tests only. Stryker runs every test of the config
 * for a mutant in module-level code, so the bundle and browser tests must not be in it. STRYKER_TESTS (comma-
 * separated globs) narrows it further for a quick run on one module.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: (process.env.STRYKER_TESTS ?? 'src/core/**/*.test.ts').split(','),
    testTimeout: 30_000,
  },
});
