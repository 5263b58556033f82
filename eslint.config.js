// ESLint for the whole repository (npm run lint; part of `npm test`'s static suite).
// TypeScript files are linted with their type information, each through the tsconfig that includes it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['**/node_modules/', 'dist/', 'client/dist/', '.data/', '.test-data/', '.bench-data/', '.scratch/', '.cache/']),
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // The programs `npm run typecheck` checks; each file is linted with the first one that includes it.
      parserOptions: { project: ['./tsconfig.server.json', './client/tsconfig.json', './tests/browser/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A leading underscore marks a parameter or binding that is required by a signature but not used.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: TypeORM's `query<T = any>()` infers T from the assertion the codebase writes after it
      // (`(await db.query(sql)) as Row[]`), which this rule reports as "unnecessary" at every raw query; a type
      // argument instead (`db.query<Row[]>(sql)`) is exactly as unchecked, so the rewrite would buy nothing.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['server/**', 'workers/**', 'migrations/**', 'scripts/**', 'tests/**', 'client/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/(http|modules)/', message: 'Workers use server/{config,domain,db,jobs}, never the HTTP layer.' }] }],
    },
  },
  {
    // The contract is shared with the client: it may import zod and its own files, nothing else.
    files: ['server/contract/**/*.ts'],
    ignores: ['server/contract/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./)', message: 'server/contract imports only zod and other contract files.' }] }],
    },
  },
  {
    // Migrations are frozen history: what they did must not change when server/ does.
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)server/', message: 'A migration copies what it needs; it imports nothing from server/.' }] }],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // client/tsconfig.json has Node's types for the unit tests; the app itself runs in the browser.
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^node:', message: 'The client runs in the browser.' },
            { regex: '(^|/)server/(?!contract/)', message: 'The client imports only server/contract (types and zod schemas) from the server.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', '__dirname', '__filename', 'require'].map((name) => ({ name, message: 'The client runs in the browser.' }))],
    },
  },
  {
    // react-hook-form's watch() cannot be memoised by the React Compiler; this project does not use the compiler, so
    // the notice ("compilation skipped") says nothing about these components' correctness.
    files: ['client/src/**/*.tsx'],
    rules: { 'react-hooks/incompatible-library': 'off' },
  },
]);
