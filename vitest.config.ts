import os from 'node:os'
import path from 'node:path'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['tests/global-setup.ts'],
    pool: 'forks',
    // the CLIs the tests run keep their cache of checked community profiles here, not in the user's cache folder
    env: {COMMOPS_CACHE_DIR: path.join(os.tmpdir(), 'commops-tests-cache')},
    // oclif prints through console.log; without this, in-process command tests see empty stdout (oclif/test#655)
    disableConsoleIntercept: true,
  },
})
