import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    // oclif prints through console.log; without this, in-process command tests see empty stdout (oclif/test#655)
    disableConsoleIntercept: true,
  },
})
