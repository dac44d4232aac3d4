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
    // vitest's default leaves one core idle on a 2-core CI machine while a test waits on the CLI processes it
    // spawns; two workers cut the Node 20 suite from about 601 s to 415 s. Time-bounded tests measure the child's
    // CPU time, not wall time, so the extra contention does not make them flaky.
    maxWorkers: os.availableParallelism(),
    // oclif prints through console.log; without this, in-process command tests see empty stdout (oclif/test#655)
    disableConsoleIntercept: true,
  },
})
