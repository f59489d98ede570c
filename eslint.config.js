// ESLint: Next.js's rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's recommended ones.
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { _rev, ...rest } = doc` is how the code leaves fields out; a leading `_` marks a value unused on purpose.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // A `let` a closure reads before its one assignment (a server's callback naming the server) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['tests/**'],
    // Tests read JSON answers and protocol messages whose shape the assertions themselves check.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  globalIgnores(['.data/', '.next/', 'next-env.d.ts', 'lib/content/sanity.types.ts', 'tests/import/fixtures/']),
])
