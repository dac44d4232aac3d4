// Build step: run the everyday commands once, in one process, on a copy of the bundled sample, so V8's code cache
// (dist/*.bundle.<v8>.cache) holds the functions they compile. bin/run.js loads it on the next start.
import {mkdtempSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import v8 from 'node:v8'

if (process.env.COMMOPS_WRITE_CODE_CACHE !== '1') throw new Error('run with COMMOPS_WRITE_CODE_CACHE=1 (scripts/build.mjs does)')
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
// V8 drops the bytecode of functions that have not run for a while; over several commands that would leave the
// first ones out of the cache. The flag goes back to its default before the cache is written (the first exit
// handler), as a cache records the flags it was made with and V8 rejects it under different ones.
v8.setFlagsFromString('--no-flush-bytecode')
process.on('exit', () => v8.setFlagsFromString('--flush-bytecode'))
const cli = createRequire(import.meta.url)(path.join(root, 'dist', 'oclif.cjs'))
cli.settings.enableAutoTranspile = false

const ws = mkdtempSync(path.join(os.tmpdir(), 'commops-warm-'))
const write = process.stdout.write
const runs = [
  ['init', ws, '--sample', '--yes', '--force'],
  ['--help'],
  ['validate', '--workspace', ws],
  ['playbook', 'list', '--workspace', ws],
]
try {
  process.stdout.write = () => true
  for (const argv of runs) {
    try {
      await cli.run(argv, {root})
    } catch (error) {
      // an exit with code 0 is a normal end; anything else means the build's own commands fail on the sample
      if (error?.oclif?.exit !== 0) throw new Error(`warm-up: commops ${argv.join(' ')} failed: ${error?.message}`)
    }
  }
} finally {
  process.stdout.write = write
  rmSync(ws, {recursive: true, force: true})
}
process.exitCode = 0
