#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (a dev dependency, so this file is not shipped): no build needed,
// edits show at once. Commands come from ./commands, found by file name.
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {register} from 'tsx/esm/api'

register()
const {Config, flush, handle, Plugin, run, settings} = await import('@oclif/core')
process.env.NODE_ENV = 'development'
settings.debug = Boolean(process.env.DEBUG)
settings.enableAutoTranspile = false // tsx is already registered
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
pjson.oclif.commands = './commands'
pjson.oclif.hooks = {command_not_found: './src/hooks/not-found.ts'}
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
await run(process.argv.slice(2), config).then(() => flush(), handle)
