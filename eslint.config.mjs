import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Import patterns for other layers, at any depth ("../server", "../../server/marks" …). */
const layers = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/**`]);

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The core runs in Apps Script, Node and the browser alike: no platform imports, nothing above it.
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', ...layers('server', 'cli', 'ui', 'fakes', 'playground')] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'SpreadsheetApp', 'document', 'window'],
    },
  },
  {
    // The server is bundled for Apps Script: core only; no Node, no test fakes, no other face.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', ...layers('cli', 'ui', 'fakes', 'playground')] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'document', 'window'],
    },
  },
  {
    // The sidebar runs in the browser: core, and the server's types only (google.script.run is typed from them).
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', ...layers('cli', 'fakes', 'playground')] },
            { group: layers('server'), allowTypeImports: true },
          ],
        },
      ],
    },
  },
);
