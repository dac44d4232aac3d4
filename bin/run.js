#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts a CommonJS entry about 10 ms sooner than an ES module one.
const {existsSync, readFileSync} = require('node:fs')
const {enableCompileCache} = require('node:module')
const path = require('node:path')

// Node 22+ keeps compiled code of what loads outside the bundles (Ink, inquirer, rrule…) between runs; the bundles
// bring their own code cache (scripts/bundle.mjs).
enableCompileCache?.()

const root = path.join(__dirname, '..')
const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const argv = process.argv.slice(2)

/** True when the arguments start with one of commops' own commands (`validate`, `calendar show`…). */
function ownCommand() {
  const words = []
  for (const word of argv.slice(0, 3)) {
    if (!/^[a-z][a-z-]*$/.test(word)) break
    words.push(word)
    if (existsSync(path.join(root, 'dist', 'commands', ...words) + '.cjs')) return true
  }
  return false
}

/**
 * Exits as soon as the output is written. Left to itself, Node would first tear down the heap (the bundles, the code
 * cache, the parsed files), which takes longer than many a command; process.exit skips that.
 */
function exitWhenFlushed() {
  const pending = [process.stdout, process.stderr].filter((s) => s.writableLength > 0)
  if (pending.length === 0) process.exit()
  let left = pending.length
  for (const stream of pending) stream.once('drain', () => --left === 0 && process.exit())
}

async function main() {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    // the same line oclif prints, without loading oclif and its plugins
    process.stdout.write(`${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`)
    return
  }
  const own = ownCommand()
  // One of our commands: commops' bundle is read on the thread pool while the main thread loads oclif.
  const commops = own ? require('../dist/src/cli/bundle-loader.cjs').prefetch('commops') : undefined
  // @oclif/core from its bundle (scripts/bundle.mjs); a command's stub in dist/commands loads commops' own bundle.
  const {execute, handle, Plugin, settings} = require('../dist/oclif.cjs')
  // Always the compiled dist/, even under NODE_ENV=test or development (bin/dev.js is for the sources).
  settings.enableAutoTranspile = false
  if (!own) {
    await execute({loadOptions: {pjson, root}})
    return
  }
  // oclif needs only our own plugin: the core plugins add the `help` and `autocomplete` commands and the
  // did-you-mean for unknown commands, none of which this run uses, so they are not loaded.
  try {
    const plugin = new Plugin({isRoot: true, pjson, root})
    await plugin.load()
    await commops
    await execute({loadOptions: {pjson, plugins: new Map([[plugin.name, plugin]]), root}})
  } catch (error) {
    await handle(error)
  }
}

main().then(exitWhenFlushed, (error) => {
  // only when dist/ itself cannot load (oclif handles everything after that)
  process.stderr.write(`Error: ${error.message}\n  Hint: run \`npm run build\` in ${root}\n`)
  process.exitCode = 1
})
