/**
 * Every core module loads (issue 15). Under mutation testing a mutant in module-level code (a vocabulary table,
 * a pattern built at load) can make a module throw as it loads; a test file that imports it then fails before
 * any test runs, which Stryker's vitest runner does not count as a kill. Importing inside a test does count.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const modules = ['.', './rules'].flatMap((dir) =>
  readdirSync(new URL(`${dir}/`, import.meta.url))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => `${dir}/${f}`),
);

describe('core modules', () => {
  it('are found', () => expect(modules).toContain('./vocab.ts'));
  it.each(modules)('%s loads', async (path) => {
    await expect(import(/* @vite-ignore */ path)).resolves.toBeTypeOf('object');
  });
});
