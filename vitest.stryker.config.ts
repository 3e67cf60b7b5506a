/**
 * The vitest config `npm run mutate` uses: the core's unit tests only. Stryker runs every test of the config
 * for a mutant in module-level code, so the bundle and browser tests must not be in it. STRYKER_TESTS (comma-
 * separated globs) narrows it further for a quick run on one module.
 */
import { defineConfig } from 'vitest/config';
import LoadFailureAsFailedTest from './test/support/stryker-load-failure';

export default defineConfig({
  test: {
    include: (process.env.STRYKER_TESTS ?? 'src/core/**/*.test.ts').split(','),
    testTimeout: 30_000,
    // Property tests from the same seed as `npm test`, so a mutant is not killed or spared by chance.
    setupFiles: ['test/support/fast-check-seed.ts'],
    // A mutant that stops a module from loading is killed, not scored Survived (stryker-js#6150).
    reporters: [new LoadFailureAsFailedTest(), 'default'],
  },
});
