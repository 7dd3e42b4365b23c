// One lint config for the monorepo. Beyond the recommended rules it enforces the boundaries of
// docs/ARCHITECTURE.md: contracts import only zod; modules talk through index.ts; routes reach the
// database only through services; the web app never imports the server.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restricted = (...patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted({
        regex: '^(?!zod$|\\.{1,2}/)',
        message: 'contracts/ imports nothing but zod (and its own files).',
      }),
    },
  },
  {
    files: ['server/src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': restricted({
        regex: '^\\.\\./[a-z-]+/(?!index$)',
        message: 'Modules talk to each other only through modules/<area>/index.ts.',
      }),
    },
  },
  {
    files: ['server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': restricted(
        { regex: '^\\.\\./[a-z-]+/(?!index$)', message: 'Modules talk to each other only through index.ts.' },
        { regex: '\\.repository$|^kysely$', message: 'Routes reach the database only through a service (STYLE rule 1).' },
      ),
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/modules/**'],
    rules: {
      'no-restricted-imports': restricted({
        regex: 'modules/[a-z-]+/(?!index$)',
        message: 'Use a module through its index.ts.',
      }),
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restricted({ regex: '(^|/)server(/|$)|^@saferhood/server', message: 'The web app never imports the server.' }),
    },
  },
  {
    // Tools that load these files want a default export.
    files: ['**/vite.config.ts', '**/vitest.config.ts', 'eslint.config.js', '**/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
