#!/usr/bin/env node
import {existsSync, readFileSync} from 'node:fs'
import module from 'node:module'
import {fileURLToPath} from 'node:url'

// Node 22+ keeps compiled code between runs, which makes start-up faster; Node 20 has no such cache.
module.enableCompileCache?.()

const root = fileURLToPath(new URL('..', import.meta.url))
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const argv = process.argv.slice(2)

/** True when the arguments start with one of commops' own commands (`validate`, `calendar show`…). */
function ownCommand() {
  const words = []
  for (const word of argv.slice(0, 3)) {
    if (!/^[a-z][a-z-]*$/.test(word)) break
    words.push(word)
    if (existsSync(new URL(`../dist/commands/${words.join("/")}.cjs`, import.meta.url))) return true
  }
  return false
}

if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // the same line oclif prints, without loading oclif and its plugins
  process.stdout.write(`${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // @oclif/core from its bundle (scripts/bundle.mjs); a command's stub in dist/commands loads commops' own bundle.
  const {execute, handle, Plugin, settings} = module.createRequire(import.meta.url)('../dist/oclif.cjs')
  // Always the compiled dist/, even under NODE_ENV=test or development (bin/dev.js is for the sources).
  settings.enableAutoTranspile = false
  if (ownCommand()) {
    // One of our commands: oclif needs only our own plugin. The core plugins add the `help` and `autocomplete`
    // commands and the did-you-mean for unknown commands, none of which this run uses, so they are not loaded.
    try {
      const plugin = new Plugin({isRoot: true, pjson, root})
      await plugin.load()
      await execute({loadOptions: {pjson, plugins: new Map([[plugin.name, plugin]]), root}})
    } catch (error) {
      await handle(error)
    }
  } else {
    await execute({dir: import.meta.url})
  }
}
