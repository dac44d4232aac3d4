// npm run build: compile TypeScript (tsc, into dist/tsc), precompile the schemas, bundle commops' code with esbuild
// (one build, ES modules: an entry per command in dist/commands, shared code in dist/chunks, the packages it uses
// inside, @oclif/core included; inquirer stays in node_modules), then write oclif.manifest.json. The compiled files are
// removed once bundled: only the bundle ships.
import {execFileSync} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {isDeepStrictEqual} from 'node:util'
import {build} from 'esbuild'
import {checkCommandOrder, globalProcess, lazySegmenter, leanOclif} from './lean-bundle.mjs'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(root, 'dist')
const tsc = path.join(dist, 'tsc')
const require = createRequire(import.meta.url)
const pjson = require('../package.json')
const run = (file, args, env = process.env) => execFileSync(process.execPath, [file, ...args], {cwd: root, stdio: 'inherit', env})

rmSync(dist, {recursive: true, force: true})
rmSync(path.join(root, 'oclif.manifest.json'), {force: true})
run(require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.json', '--outDir', tsc, '--sourceMap'])
run(path.join(root, 'scripts', 'precompile-schemas.mjs'), [tsc])

// oclif finds the commands by pattern in dist/commands: each command is an entry point of one esbuild build, and what
// commands share goes into chunks, so a command loads only the code it uses. Every entry first hands ajv the
// folder of the validators the build precompiled (dist/validators, src/schema/ajv.ts); each loads when first used.
const compiled = (dir) =>
  readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
const provide = path.join(tsc, 'provide-precompiled.js')
writeFileSync(
  provide,
  `import path from 'node:path'\nimport {providePrecompiled} from './src/schema/ajv.js'\nimport {packageRoot} from './src/util/paths.js'\n` +
    `providePrecompiled(() => path.join(packageRoot(), 'dist', 'validators'))\n`,
)
const entryPoints = {}
const entryFor = (name, file) => {
  const wrapper = path.join(tsc, 'entries', `${name}.js`)
  const rel = (to) => JSON.stringify(path.relative(path.dirname(wrapper), to).split(path.sep).join('/'))
  mkdirSync(path.dirname(wrapper), {recursive: true})
  writeFileSync(wrapper, `import ${rel(provide)}\nexport {default} from ${rel(file)}\n`)
  entryPoints[name] = wrapper
}
const commands = compiled(path.join(tsc, 'commands'))
for (const file of commands) entryFor(`commands/${path.relative(path.join(tsc, 'commands'), file).replace(/\.js$/, '')}`, file)
// hooks: package.json names ./dist/hooks/NAME, compiled from src/hooks/NAME.ts
for (const target of Object.values(pjson.oclif.hooks ?? {}))
  entryFor(path.relative('./dist', target), path.join(tsc, 'src', `${path.relative('./dist', target)}.js`))
// the help class (package.json oclif.helpClass, ./dist/cli/help from src/cli/help.ts): help reads no schema, so no wrapper
if (pjson.oclif.helpClass)
  entryPoints[path.relative('./dist', pjson.oclif.helpClass)] = path.join(tsc, 'src', `${path.relative('./dist', pjson.oclif.helpClass)}.js`)
// what bin/run.js takes from oclif (run, handle…): the bundle's copy, the one the commands use
entryPoints['cli/main'] = path.join(tsc, 'src', 'cli', 'main.js')
// the worker thread survey ingest reads a big file's second half with (src/survey/ingest-part.ts)
entryPoints['survey/ingest-worker'] = path.join(tsc, 'src', 'survey', 'ingest-worker.js')

// What still bundles a message table (the help class: its headings, src/i18n/messages/help.ts; HELP_ZH, help-zh.ts,
// in a chunk of its own, loaded when help speaks Chinese). As JavaScript object literals V8 parses and runs them in full at each start; as JSON.parse of one string it reads them
// about twice as fast. Same values, only their spelling changes; a table holding anything JSON cannot carry is left as is.
const messagesAsJson = {
  name: 'messages-as-json',
  setup(b) {
    const dir = path.join(tsc, 'src', 'i18n', 'messages')
    b.onLoad({filter: /[\\/]i18n[\\/]messages[\\/][\w-]+\.js$/}, async (args) => {
      if (path.dirname(args.path) !== dir || /^(index|types)\.js$/.test(path.basename(args.path))) return undefined
      const exported = Object.entries(await import(pathToFileURL(args.path).href))
      const lines = []
      for (const [name, value] of exported) {
        const json = JSON.stringify(value)
        if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) return undefined
        lines.push(`export const ${name} = /* @__PURE__ */ JSON.parse(${JSON.stringify(json)})`)
      }
      return {contents: lines.join('\n') + '\n', loader: 'js'}
    })
  },
}

// The messages: src/i18n/tables.ts builds a language's table from every area's messages in both languages (~240 kB of
// source). The package carries each table as dist/messages/<locale>.json instead, written here from that function,
// and the bundle gets a tables module that reads the one file a command speaks, the first time it speaks.
const {LOCALES} = await import(pathToFileURL(path.join(tsc, 'src', 'i18n', 'locale.js')).href)
const {messageTable} = await import(pathToFileURL(path.join(tsc, 'src', 'i18n', 'tables.js')).href)
mkdirSync(path.join(dist, 'messages'), {recursive: true})
for (const locale of LOCALES) writeFileSync(path.join(dist, 'messages', `${locale}.json`), JSON.stringify(messageTable(locale)))
const tablesFromJson = {
  name: 'tables-from-json',
  setup(b) {
    const file = path.join(tsc, 'src', 'i18n', 'tables.js')
    b.onLoad({filter: /[\\/]i18n[\\/]tables\.js$/}, (args) => {
      if (args.path !== file) return undefined
      const contents =
        `import {readFileSync} from 'node:fs'\nimport path from 'node:path'\nimport {packageRoot} from '../util/paths.js'\n` +
        `const tables = {}\n` +
        `export function messageTable(locale) {\n` +
        `  return (tables[locale] ??= JSON.parse(readFileSync(path.join(packageRoot(), 'dist', 'messages', locale + '.json'), 'utf8')))\n}\n`
      return {contents, loader: 'js', resolveDir: path.dirname(file)}
    })
  },
}

// The build's fingerprint (src/util/build-id.ts): what decides whether a file is valid (the code, the precompiled
// schemas, the templates the checks read). Results kept between runs (src/workspace/checked.ts) are keyed by it.
const fingerprint = createHash('sha256')
for (const dir of [tsc, path.join(dist, 'validators'), path.join(root, 'templates')]) {
  const files = readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort()
  for (const file of files) fingerprint.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0')
}
const buildId = fingerprint.digest('hex').slice(0, 32)

const result = await build({
  entryPoints,
  plugins: [tablesFromJson, messagesAsJson, leanOclif, globalProcess, lazySegmenter],
  bundle: true,
  splitting: true,
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node finds these in node_modules: inquirer, imported only when a command asks; puppeteer-core, for PDF reports;
  // typescript, which oclif requires only to run a plugin's sources (never here). @oclif/core is bundled: one file to
  // load instead of ~170 (commands, the help class, bin/run.js through dist/cli/main.js share its one copy).
  // Ink and React are bundled (their hundred-odd ES modules cost ~350 ms to load one by one), as production builds:
  // React's development build and Ink's devtools hook are for developing Ink apps, not for running one
  external: ['@inquirer/prompts', 'puppeteer-core', 'react-devtools-core', 'typescript'],
  define: {'process.env.NODE_ENV': '"production"', __COMMOPS_BUILD__: JSON.stringify(buildId)},
  // bundled CommonJS code (yaml, ajv) calls require()
  banner: {js: `import {createRequire as __commopsRequire} from 'node:module'; const require = __commopsRequire(import.meta.url);`},
  sourcemap: 'linked',
  sourcesContent: false,
  minifyWhitespace: true,
  logLevel: 'warning',
  metafile: true,
})
if (process.env.BUILD_META) writeFileSync(process.env.BUILD_META, JSON.stringify(result.metafile))
rmSync(tsc, {recursive: true, force: true})
// OCLIF_SKIP_NEW_VERSION_CHECK: the oclif dev CLI would otherwise ask the npm registry for its latest version in the
// background and print "oclif update available" during a newcomer's `npm install`, an upgrade this project does not take
run(path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), ['manifest'], {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'})
checkCommandOrder(Object.keys(JSON.parse(readFileSync(path.join(root, 'oclif.manifest.json'), 'utf8')).commands))

const kB = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .reduce((sum, [, o]) => sum + o.bytes / 1024, 0)
console.log(`bundled ${commands.length} commands of ${pjson.name} into dist/ (${kB.toFixed(0)} kB of JavaScript)`)
