// ESLint: typescript-eslint's type-checked recommended rules over src/, commands/, tests/, bin/ and scripts/.
// Formatting is Prettier's job (npm run format:check); eslint-config-prettier turns off the rules that would fight it.
import js from '@eslint/js'
import {defineConfig} from 'eslint/config'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  {ignores: ['dist/', 'node_modules/', 'coverage/', 'templates/', 'playbooks/', 'demo-workspace/', 'oclif.manifest.json']},
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: {project: './tsconfig.check.json', tsconfigRootDir: import.meta.dirname},
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // oclif's run(), hooks and service signatures are async by contract even where a body has nothing to await
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'},
      ],
    },
  },
  {
    // Plain JavaScript (bin/, scripts/, this file) is not part of a tsconfig: lint it without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: {...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // CommonJS TypeScript (.cts) loads with require() by design.
    files: ['**/*.cts'],
    rules: {'@typescript-eslint/no-require-imports': 'off'},
  },
  {
    // Tests read the CLI's --json output with JSON.parse (typed `any`) and assert on its shape, and hand async
    // callbacks to async APIs on purpose: allow both.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
)
