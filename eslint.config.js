// Lint for the whole repo (issue 13): typescript-eslint's recommended rules, React hooks in the console,
// imports sorted; formatting is Prettier's (eslint-config-prettier turns off what would disagree).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'test-output/**',
      '.bench/**',
      'api/src/db/migrations/**',
      'api/src/db/migrations-pg/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
      // `_name` marks what is deliberately left unused (a destructured secret dropped from a row, say).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // The data layer is asynchronous (ADR 0028): a query or use-case not awaited runs outside its
    // transaction, or after the answer was sent, and a promise tested as a condition is always true.
    files: ['api/**/*.ts', 'seeds/src/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The pure package's schemas take `z` from its zod.ts, which switches zod to parsing without eval in the
    // browser (the console's CSP forbids eval); a schema built on 'zod' directly would probe eval again.
    files: ['workflows/src/**/*.ts'],
    ignores: ['workflows/src/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { name: 'zod', allowTypeImports: true, message: "Import { z } from the package's zod.ts." },
      ],
    },
  },
  prettier,
);
