#!/usr/bin/env node
import module from 'node:module'

// Node 22+ keeps compiled code between runs, which makes start-up faster; Node 20 has no such cache.
module.enableCompileCache?.()

const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // the same line oclif prints, without loading oclif and its plugins
  const {readFileSync} = await import('node:fs')
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // @oclif/core from its bundle (scripts/bundle.mjs); a command's stub in dist/commands loads commops' own bundle.
  const {execute, settings} = module.createRequire(import.meta.url)('../dist/oclif.cjs')
  // Always the compiled dist/, even under NODE_ENV=test or development (bin/dev.js is for the sources).
  settings.enableAutoTranspile = false
  await execute({dir: import.meta.url})
}
