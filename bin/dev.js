#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx; ignores dist/ and oclif.manifest.json so edits show at once.
// CommonJS like bin/run.js (bin/package.json); the sources are ES modules, imported once tsx is registered.
const {readFileSync} = require('node:fs')
const path = require('node:path')

async function main() {
  const {register} = await import('tsx/esm/api')
  register()
  const {Config, flush, handle, Plugin, run, settings} = await import('@oclif/core')
  process.env.NODE_ENV = 'development'
  settings.debug = Boolean(process.env.DEBUG)
  settings.enableAutoTranspile = false // tsx is already registered; commands come straight from ./commands
  const root = path.dirname(__dirname)
  const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  pjson.oclif.commands = './commands'
  const plugins = new Map()
  const main = new Plugin({root, isRoot: true, ignoreManifest: true, pjson})
  await main.load()
  plugins.set(main.name, main)
  for (const name of main.pjson.oclif.plugins ?? []) {
    const plugin = new Plugin({root: path.join(root, 'node_modules', name), type: 'core'})
    await plugin.load()
    plugins.set(plugin.name, plugin)
  }
  const config = await Config.load({root, plugins})
  await run(process.argv.slice(2), config).then(() => flush()).catch(handle)
}

main()
