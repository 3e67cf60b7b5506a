// @ts-check
/**
 * `npm run mutate`: StrykerJS over the core with its own unit tests (issue 15). Not part of `npm test`: a full
 * run takes about half an hour on two cores. Narrow it with, e.g.
 *   STRYKER_TESTS='src/core/dates*.test.ts' npm run mutate -- --mutate src/core/dates.ts
 * Reports (html, json, clear text) go to reports/mutation/.
 */
import os from 'node:os';
import path from 'node:path';
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/**
 * Equivalent mutants: changes no test can see because behaviour cannot change, each with why. An entry names
 * one expression by its file, its exact source text and, where that text recurs, the source line holding it.
 * Stryker ignores mutants per expression, not per mutant, so only an expression all of whose mutants are
 * equivalent is ignored (`ignore: true`); the others stay in the score as survivors, listed here so that a
 * reader of the report knows them.
 * @type {Array<{ file: string; code: string; line?: string; ignore?: true; mutants: string; reason: string }>}
 */
export const EQUIVALENT = [
  {
    file: 'src/core/thai-id.ts',
    code: 'DIGITS13.test(input)',
    mutants: 'false',
    reason: "compact's fast path: 13 plain digits come out of the slow path unchanged too",
  },
  {
    file: 'src/core/dates.ts',
    code: 'key.length >= 3',
    mutants: 'true, key.length > 3',
    reason: 'a key of 3 characters or fewer is its own 3-letter prefix, already looked up and not found',
  },
  {
    file: 'src/core/dates.ts',
    code: 'text.length !== 4',
    mutants: 'false',
    reason: 'every caller passes a year the patterns matched as 2 or 4 digits',
  },
  {
    file: 'src/core/dates.ts',
    code: '/\\s+/g',
    line: "const s = arabicDigits(input).trim().replace(/\\s+/g, ' ');",
    mutants: '/\\s/g',
    reason:
      'the patterns allow any run of spaces where they allow one, so collapsing runs or single spaces is the same',
  },
  {
    file: 'src/core/dates.ts',
    code: "'CE'",
    line: "const r = make(Number(m[1]), Number(m[2]), Number(m[3]), 'CE');",
    ignore: true,
    mutants: '""',
    reason: 'parseIso returns only the date, never the era make() is given',
  },
];

/** Ignores the listed expressions whose every mutant is equivalent. */
const equivalentIgnorer = {
  /** @param {import('@babel/core').NodePath} nodePath */
  shouldIgnore(nodePath) {
    const { start, end } = nodePath.node;
    if (typeof start !== 'number' || typeof end !== 'number') return undefined;
    const file = nodePath.hub?.file;
    const name = String(file?.opts?.filename ?? '').replace(/\\/g, '/');
    for (const e of EQUIVALENT) {
      if (!e.ignore || end - start !== e.code.length || !name.endsWith(e.file)) continue;
      if (file.code.slice(start, end) !== e.code) continue;
      if (e.line && lineAt(file.code, start) !== e.line) continue;
      return `Equivalent: ${e.reason}`;
    }
    return undefined;
  },
};

/** The trimmed source line holding a position. */
function lineAt(code, at) {
  const from = code.lastIndexOf('\n', at - 1) + 1;
  const to = code.indexOf('\n', at);
  return code.slice(from, to < 0 ? code.length : to).trim();
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'equivalent', equivalentIgnorer)];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', './stryker.config.mjs'],
  ignorers: ['equivalent'],
  // Only the core's unit tests (src/core/**/*.test.ts, see vitest.stryker.config.ts): the bundle, CLI and
  // browser tests are slow and test other layers, and a mutant in module-level code runs every test.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: ['src/core/**/*.ts', '!src/core/**/*.test.ts', '!src/core/index.ts', '!src/core/types.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 10_000,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'clear-text', 'json', 'progress-append-only'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  // The sandbox lives outside the working tree, so that `eslint .` and `prettier --check .` run by others
  // meanwhile never see instrumented copies.
  tempDirName: path.join(os.tmpdir(), 'stryker-dmc-roster-check'),
  ignorePatterns: ['dist', 'build', 'docs', 'reports', 'coverage', 'bench'],
  cleanTempDir: 'always',
  warnings: { slow: false },
};
