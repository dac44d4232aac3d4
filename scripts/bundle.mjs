// Build step: bundle @oclif/core into dist/oclif.bundle.cjs and commops' compiled code (with yaml, ajv and the
// precompiled validators) into dist/commops.bundle.cjs, so a command loads two files instead of a few hundred modules;
// dist/src/cli/bundle-loader.cjs loads them through V8's code cache (scripts/warm-code-cache.mjs writes it).
// oclif still discovers commands by pattern in dist/commands: each file there becomes a stub that takes its class from
// the bundle, so there is one copy of oclif and of our code. ES-module-only packages (Ink, inquirer) and packages
// loaded on first use (rrule, csv…) stay outside.
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(root, 'dist')
const pjson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const toPosix = (p) => p.split(path.sep).join('/')

function files(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.c?js$/.test(e.name) ? [path.join(dir, e.name)] : [],
  )
}

const STUB_MARK = '// Made by scripts/bundle.mjs'
// command id → compiled file, as oclif's pattern discovery sees them
const commands = files(path.join(dist, 'commands')).map((file) => ({
  id: toPosix(path.relative(path.join(dist, 'commands'), file)).replace(/\.c?js$/, '').replace(/\//g, ':'),
  file,
}))
// hook name → compiled file, from package.json
const hooks = Object.entries(pjson.oclif.hooks ?? {}).map(([event, rel]) => ({
  event,
  file: path.join(root, `${rel}.js`),
}))

for (const {file} of [...commands, ...hooks]) {
  if (readFileSync(file, 'utf8').startsWith(STUB_MARK)) throw new Error(`${file} is already a stub: run the whole build (npm run build)`)
}

const importPath = (file) => `./${toPosix(path.relative(dist, file))}`
const entry = [
  `import {providePrecompiled} from './src/schema/ajv.js'`,
  `providePrecompiled(() => require('./src/schema/precompiled.cjs'))`,
  // a getter per command: only the command that runs (and what it imports) is evaluated
  `export const commands = {${commands.map((c) => `get ${JSON.stringify(c.id)}() { return require('${importPath(c.file)}').default }`).join(', ')}}`,
  `export const hooks = {${hooks.map((h) => `get ${JSON.stringify(h.event)}() { return require('${importPath(h.file)}').default }`).join(', ')}}`,
].join('\n')

// Each of our modules keeps its own import.meta.url (the path of its compiled file in dist/), so relative lookups work.
const importMetaUrl = {
  name: 'import-meta-url',
  setup(b) {
    b.onLoad({filter: /[\\/]dist[\\/].*\.js$/}, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      const rel = JSON.stringify(toPosix(path.relative(dist, args.path)))
      return {contents: text.replaceAll('import.meta.url', `__commopsModuleUrl(${rel})`), loader: 'js'}
    })
  },
}
// oclif logs through `debug`, whose loggers are all off unless DEBUG is set; loading it costs a few milliseconds (tty,
// supports-color), so without DEBUG the bundles get loggers that do nothing, and with it the real package.
const debugWhenAsked = {
  name: 'debug-when-asked',
  setup(b) {
    const shim = path.join(root, 'scripts', 'debug-shim.cjs')
    b.onResolve({filter: /^debug$/}, (args) => (args.importer === shim ? undefined : {path: shim}))
  },
}

// Two changes to oclif's text, each checked (the build fails if oclif's code no longer reads as expected):
// - it sorts each plugin's commands with localeCompare, whose first call sets up ICU's collator (about 10 ms), and
//   nothing else in a command's run needs it; command ids are lower-case ASCII words joined by ':' or '-', for which
//   comparing code units gives the same order;
// - it reads package.json files and manifests with fs.promises, one thread-pool round trip after another; read at once,
//   the same small files cost less (the results and errors are the same).
const OCLIF_PATCHES = [
  {
    file: /[\\/]config[\\/]plugin\.js$/,
    from: '.sort((a, b) => a.id.localeCompare(b.id))',
    to: '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))',
  },
  {
    file: /[\\/]util[\\/]fs\.js$/,
    from: "const contents = await (0, promises_1.readFile)(path, 'utf8');",
    to: "const contents = require('node:fs').readFileSync(path, 'utf8');",
  },
]
const patchOclif = {
  name: 'patch-oclif',
  setup(b) {
    b.onLoad({filter: /@oclif[\\/]core[\\/]lib[\\/](config[\\/]plugin|util[\\/]fs)\.js$/}, (args) => {
      let text = readFileSync(args.path, 'utf8')
      for (const patch of OCLIF_PATCHES.filter((p) => p.file.test(args.path))) {
        if (!text.includes(patch.from)) throw new Error(`${args.path} no longer holds \`${patch.from}\` (scripts/bundle.mjs)`)
        text = text.replace(patch.from, patch.to)
      }
      return {contents: text, loader: 'js'}
    })
  },
}

// commops' bundle takes @oclif/core from the oclif bundle (dist/oclif.cjs), so there is one copy of it.
const oclifBundle = {
  name: 'oclif-bundle',
  setup(b) {
    b.onResolve({filter: /^@oclif\/core$/}, () => ({path: './oclif.cjs', external: true}))
  },
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // ES-module-only packages and what oclif would load only to compile TypeScript
  external: ['ink', 'react', 'react/*', '@inquirer/prompts', 'typescript', 'ts-node'],
  // smaller files read faster; names are kept for error messages and class names that code reads
  // (COMMOPS_BUNDLE_READABLE=1 keeps identifiers too, for reading a CPU profile)
  minify: !process.env.COMMOPS_BUNDLE_READABLE,
  minifyWhitespace: true,
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
}
// @oclif/core's index evaluates every part of oclif (help, ux, the parser…) and checks its own engines with semver.
// Exported as getters instead, each part is evaluated when first used: `validate` never loads the help classes.
const oclifParts = {
  Args: ['args'],
  Command: ['command', 'Command'],
  Config: ['config', 'Config'],
  Plugin: ['config', 'Plugin'],
  Errors: ['errors'],
  execute: ['execute', 'execute'],
  Flags: ['flags'],
  flush: ['flush', 'flush'],
  handle: ['handle', 'handle'],
  Help: ['help', 'Help'],
  CommandHelp: ['help', 'CommandHelp'],
  HelpBase: ['help', 'HelpBase'],
  loadHelpClass: ['help', 'loadHelpClass'],
  Interfaces: ['interfaces'],
  getLogger: ['logger', 'getLogger'],
  Parser: ['parser'],
  Performance: ['performance', 'Performance'],
  run: ['run', 'run'],
  settings: ['settings', 'settings'],
  toConfiguredId: ['util/ids', 'toConfiguredId'],
  toStandardizedId: ['util/ids', 'toStandardizedId'],
  ux: ['ux', 'ux'],
}
const oclifEntry = `module.exports = {${Object.entries(oclifParts)
  .map(([name, [part, key]]) => `get ${name}() { return require('@oclif/core/${part}')${key ? `.${key}` : ''} }`)
  .join(',\n')}}`
const oclif = await build({
  ...common,
  stdin: {contents: oclifEntry, resolveDir: root, sourcefile: 'oclif-entry.cjs', loader: 'js'},
  outfile: path.join(dist, 'oclif.bundle.cjs'),
  plugins: [debugWhenAsked, patchOclif],
})
const result = await build({
  ...common,
  stdin: {contents: entry, resolveDir: dist, sourcefile: 'commops-entry.js', loader: 'js'},
  outfile: path.join(dist, 'commops.bundle.cjs'),
  banner: {
    js: `var __commopsModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;`,
  },
  plugins: [importMetaUrl, oclifBundle, debugWhenAsked],
  // see src/schema/timezone.ts
  define: {__COMMOPS_TIMEZONES__: JSON.stringify({node: process.versions.node, zones: Intl.supportedValuesOf('timeZone')})},
})
// Three rewrites of the output:
// - What esbuild left as `import(x)` (ES-module-only packages, computed URLs) becomes `__commopsImport(x)`, which
//   dist/src/cli/bundle-loader.cjs provides: on Node 20 a script compiled from V8's code cache cannot import by itself.
//   (`import()` with nothing inside is text in a message.)
// - esbuild leaves non-ASCII text in regular expressions; escaped, the file reads as a one-byte string, several times
//   faster than decoding UTF-8. Every non-ASCII character left is in a regular expression or a string, where \uXXXX
//   means the same; astral characters become surrogate pairs, which both regular expression modes accept.
// - The file is the function the loader calls (with `__commopsImport` beside CommonJS's five parameters), so the
//   loader compiles the text as read, without building a copy that wraps it.
const DYNAMIC_IMPORT = /(?<![\w$.])import\((?!\))/g
const WRAPPER = ['(function (exports, require, module, __filename, __dirname, __commopsImport) {', '\n})']
for (const name of ['oclif', 'commops']) {
  const file = path.join(dist, `${name}.bundle.cjs`)
  const text = readFileSync(file, 'utf8')
    .replace(DYNAMIC_IMPORT, '__commopsImport(')
    .replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  // bundle-loader.cjs reads the bundles as latin1, which is right only for ASCII
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`${file} is not ASCII after escaping`)
  writeFileSync(file, WRAPPER[0] + text + WRAPPER[1])
}
for (const name of ['oclif', 'commops']) {
  writeFileSync(path.join(dist, `${name}.cjs`), `module.exports = require('./src/cli/bundle-loader.cjs').loadBundle('${name}')\n`)
}

// Each dist/commands file becomes a CommonJS stub (validate.js → validate.cjs) that hands oclif the bundled class:
// oclif requires it instead of going through the ES module loader. The hook files stay ES modules, as package.json
// names them without an extension.
const stub = (file, expr, esm) => {
  const bundle = toPosix(path.relative(path.dirname(file), path.join(dist, 'commops.cjs'))).replace(/^(?!\.)/, './')
  const body = esm ? `import bundle from '${bundle}'\nexport default bundle.${expr}\n` : `module.exports = require('${bundle}').${expr}\n`
  writeFileSync(file, `${STUB_MARK}: the code is in dist/commops.bundle.cjs.\n${body}`)
}
for (const c of commands) {
  rmSync(c.file)
  stub(c.file.replace(/\.js$/, '.cjs'), `commands[${JSON.stringify(c.id)}]`, false)
}
for (const h of hooks) stub(h.file, `hooks[${JSON.stringify(h.event)}]`, true)

const kB = (r) => `${(Object.values(r.metafile.outputs)[0].bytes / 1024).toFixed(0)} kB`
console.log(`bundled ${commands.length} commands and ${hooks.length} hook(s): dist/commops.bundle.cjs ${kB(result)}, dist/oclif.bundle.cjs ${kB(oclif)}`)
