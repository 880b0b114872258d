import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const NUMBER_FROM_TEXT = [
  {
    selector: "CallExpression[callee.name='parseFloat']",
    message:
      'Text becomes a number only in the core/parse-number.ts family (parse-decimal-input.ts).',
  },
  {
    selector: "CallExpression[callee.name='parseInt']",
    message:
      'Text becomes a number only in the core/parse-number.ts family (parse-decimal-input.ts).',
  },
  {
    selector: "CallExpression[callee.name='Number']",
    message:
      'Text becomes a number only in the core/parse-number.ts family (parse-decimal-input.ts).',
  },
];
const DECIMAL_CONFIG = [
  {
    selector:
      'CallExpression[callee.object.name=/^Decimal/][callee.property.name=/^(set|config|clone)$/]',
    message: 'Configure Decimal only in core/decimal.ts.',
  },
];

export default defineConfig(
  {
    ignores: [
      '.output/**',
      '.wxt/**',
      'node_modules/**',
      'test-results/**',
      'e2e-out/**',
      'artifacts/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '.ci/*.mjs', 'tests/demo/*.mjs', 'tests/bench/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-console': 'error',
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: [
      'core/parse-number.ts',
      'core/parse-decimal-input.ts',
      'core/decimal.ts',
      'core/cli.ts',
    ],
    rules: {
      'no-restricted-syntax': ['error', ...NUMBER_FROM_TEXT, ...DECIMAL_CONFIG],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'browser',
        'chrome',
        'navigator',
        'fetch',
      ],
      // Import zone: core imports only core/ and decimal.js.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|decimal\\.js$)',
              message: 'core/ imports only core/ and decimal.js',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...NUMBER_FROM_TEXT, ...DECIMAL_CONFIG] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entrypoints/**', '@/entrypoints/**'],
              message: 'components/ are presentational: no entrypoints imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', '*.config.{ts,js}'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
