// npm run build: compile TypeScript (tsc, into dist/tsc), precompile the schemas, bundle commops' code into
// dist/commops.js with esbuild (one ES module with the packages it uses; @oclif/core, Ink and inquirer stay in
// node_modules), then
// write oclif.manifest.json. The compiled files are removed once bundled: only the bundle and its chunks ship.
import {execFileSync} from 'node:child_process'
import {readdirSync, rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(root, 'dist')
const tsc = path.join(dist, 'tsc')
const require = createRequire(import.meta.url)
const pjson = require('../package.json')
const run = (file, args) => execFileSync(process.execPath, [file, ...args], {cwd: root, stdio: 'inherit'})

rmSync(dist, {recursive: true, force: true})
rmSync(path.join(root, 'oclif.manifest.json'), {force: true})
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json', '--outDir', tsc, '--sourceMap'])
run(path.join(root, 'scripts', 'precompile-schemas.mjs'), [tsc])

// Every file in commands/ is a command: `calendar/show.ts` is `calendar:show`.
const commandFiles = (dir) =>
  readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
const commands = commandFiles(path.join(tsc, 'commands')).sort()
const entry = [
  `import {providePrecompiled} from './src/schema/ajv.js'`,
  `providePrecompiled(() => require('./src/schema/precompiled.cjs'))`,
  ...commands.map((file, i) => `import c${i} from './commands/${file}'`),
  `export const COMMANDS = {${commands.map((file, i) => `${JSON.stringify(file.replace(/\.js$/, '').replaceAll('/', ':'))}: c${i}`).join(', ')}}`,
  `export {default as notFound} from './src/hooks/not-found.js'`,
].join('\n')

const result = await build({
  stdin: {contents: entry, resolveDir: tsc, sourcefile: 'commops-entry.js', loader: 'js'},
  bundle: true,
  splitting: true,
  outdir: dist,
  entryNames: 'commops',
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node finds these in node_modules: one @oclif/core for oclif, its plugins and commops; Ink and inquirer are
  // imported only when a command asks or shows a live run (ES modules with top-level await)
  external: ['@oclif/*', 'ink', 'react', 'react/*', '@inquirer/prompts'],
  // bundled CommonJS code (yaml, ajv) calls require()
  banner: {js: `import {createRequire as __commopsRequire} from 'node:module'; const require = __commopsRequire(import.meta.url);`},
  sourcemap: 'linked',
  sourcesContent: false,
  minifyWhitespace: true,
  logLevel: 'warning',
  metafile: true,
})
rmSync(tsc, {recursive: true, force: true})
run(path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), ['manifest'])

const kB = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, o]) => sum + o.bytes / 1024, 0)
console.log(`bundled ${commands.length} commands of ${pjson.name} into dist/ (${kB.toFixed(0)} kB of JavaScript)`)
