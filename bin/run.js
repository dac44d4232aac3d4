#!/usr/bin/env node
import module from 'node:module'

// Node 22.1+ keeps compiled code between runs, per machine (absent on Node 20: nothing to do there).
module.enableCompileCache?.()
// With DEBUG set, stacks name the TypeScript sources (the .js.map beside each file in dist/) instead of the bundle.
if (process.env.DEBUG) process.setSourceMapsEnabled(true)

const {flush, handle, run, settings} = await import('../dist/cli/main.js')
// Always the bundle, even under NODE_ENV=development or test (where oclif would register tsx for the sources)
settings.enableAutoTranspile = false
try {
  await run(process.argv.slice(2), import.meta.url)
  await flush()
} catch (error) {
  // `this.exit(code)`: set the code and let Node exit once stdout has drained (process.exit would cut a piped output)
  if (error?.code === 'EEXIT') process.exitCode = error.oclif?.exit ?? 1
  else await handle(error)
}
