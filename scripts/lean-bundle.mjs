// esbuild plugins for npm run build that make every start of the bundle do less of what it does not use. Each start
// of commops runs all of @oclif/core's modules (lib/index.js requires them all), and each of those runs the packages
// it requires at its top, whether or not this run will use them. Measured on the installed tarball (npm run bench
// --instructions, Node 20): ~120 M fewer instructions per command (`commops --version` 827 -> 701 M, `commops
// validate` 1056 -> 938 M, against 843 M for a one-command oclif CLI).
import {readFile} from 'node:fs/promises'

/** Text replaced in a file of @oclif/core; the build fails when it is not found exactly once (oclif changed). */
function replaceOnce(text, file, from, to) {
  const at = text.indexOf(from)
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`lean-bundle: expected once in @oclif/core/lib/${file}: ${from}`)
  return text.slice(0, at) + to + text.slice(at + from.length)
}

/**
 * A binding whose module is required the first time one of its properties is read, not when the file loads. The
 * bindings listed are only ever used as `name.property` (`ejs_1.default.render`, `(0, tinyglobby_1.glob)(…)`).
 */
const lazy = (name, expression) => `let ${name}$loaded; const ${name} = new Proxy({}, {get: (_, key) => (${name}$loaded ??= ${expression})[key]});`

// [file in @oclif/core/lib, its binding, the expression that requires it]: packages for what a command run with a
// manifest never does. ejs renders help's examples; tinyglobby finds commands when there is no manifest; minimatch
// matches plugin name patterns (commops declares no plugin); lilconfig looks for .oclifrc files when package.json has
// no oclif section (commops' has one); cli-spinners and ansi-escapes draw ux.action's spinner (commops uses none).
const LAZY = [
  ['config/config.js', 'ejs_1', '__importDefault(require("ejs"))'],
  ['help/util.js', 'ejs_1', '__importDefault(require("ejs"))'],
  ['config/plugin.js', 'tinyglobby_1', 'require("tinyglobby")'],
  ['config/plugin-loader.js', 'minimatch_1', 'require("minimatch")'],
  ['util/read-pjson.js', 'lilconfig_1', 'require("lilconfig")'],
  ['ux/action/spinner.js', 'cli_spinners_1', '__importDefault(require("cli-spinners"))'],
  ['ux/action/spinner.js', 'ansiEscapes', "require('ansi-escapes')"],
  // text layout for help screens and oclif's own error boxes: a command that succeeds draws neither
  ['help/formatter.js', 'string_width_1', '__importDefault(require("string-width"))'],
  ['help/formatter.js', 'widest_line_1', '__importDefault(require("widest-line"))'],
  ['help/formatter.js', 'wrap_ansi_1', '__importDefault(require("wrap-ansi"))'],
  ['errors/errors/cli.js', 'wrap_ansi_1', '__importDefault(require("wrap-ansi"))'],
  ['errors/errors/pretty-print.js', 'wrap_ansi_1', '__importDefault(require("wrap-ansi"))'],
]

export const leanOclif = {
  name: 'lean-oclif',
  setup(b) {
    b.onLoad({filter: /[\\/]node_modules[\\/]@oclif[\\/]core[\\/]lib[\\/].*\.js$/}, async (args) => {
      const file = args.path
        .split(/[\\/]lib[\\/]/)
        .pop()
        .replaceAll('\\', '/')
      const edits = LAZY.filter(([f]) => f === file)
      if (!['index.js', 'config/plugin.js'].includes(file) && edits.length === 0) return undefined
      let text = await readFile(args.path, 'utf8')
      for (const [, name, expression] of edits) text = replaceOnce(text, file, `const ${name} = ${expression};`, lazy(name, expression))
      // oclif checks Node against @oclif/core's own engines, read from package.json beside `__dirname`: in this ES
      // module bundle there is no `__dirname`, so the check always ended in its catch, silently, after loading all of
      // semver (~60 modules) for nothing. commops' own engines (package.json) are what npm checks at install.
      if (file === 'index.js') text = replaceOnce(text, file, '\ncheckNodeVersion();\n', '\n')
      // Each plugin's commands are sorted by id with localeCompare, whose first call builds ICU's collator for the
      // user's locale: ~65 M instructions, a third of what `commops validate` does after oclif has loaded (a one-command
      // CLI never calls the comparator). Command ids are lowercase ASCII letters, ':' and '-', where code-unit order is
      // the collation order of English and of ICU's root (the build checks it on the manifest: checkCommandOrder). Help
      // sorts its lists itself; the order left is the tie-break of a did-you-mean, now the same whatever the locale.
      if (file === 'config/plugin.js')
        text = replaceOnce(text, file, '.sort((a, b) => a.id.localeCompare(b.id));', '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));')
      return {contents: text, loader: 'js'}
    })
  },
}

/**
 * `import process from 'node:process'` (wsl-utils, which oclif imports at every start to tell WSL apart, and Ink) makes
 * Node build that module's namespace from every property of `process`, which creates `process.stdin` (a stream, with
 * Node's stream and readline modules) even when nothing reads it. These imports get the global `process` instead:
 * the same object, and the same functions for the names imported.
 */
export const globalProcess = {
  name: 'global-process',
  setup(b) {
    b.onResolve({filter: /^(node:)?process$/}, (args) =>
      args.kind === 'import-statement' ? {path: 'process', namespace: 'global-process'} : undefined,
    )
    b.onLoad({filter: /.*/, namespace: 'global-process'}, () => ({
      // the names a bundled package imports by name (esbuild fails the build on any other: add it here)
      contents: 'export default process\nexport const {cwd, env} = process\n',
      loader: 'js',
    }))
  },
}

/**
 * Throws unless code-unit order of the command ids (what the bundle's oclif sorts by) is their collation order in
 * English: the order oclif's localeCompare gave on an English (or C, or Chinese) system.
 */
export function checkCommandOrder(ids) {
  const collated = [...ids].sort((a, b) => a.localeCompare(b, 'en'))
  const byCodeUnit = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const at = collated.findIndex((id, i) => id !== byCodeUnit[i])
  if (at >= 0) throw new Error(`lean-bundle: command ids sort differently by code unit (${byCodeUnit[at]}) and by collation (${collated[at]})`)
}

/**
 * string-width creates an Intl.Segmenter when it loads (ICU's grapheme rules: ~85 M instructions, more than the rest of
 * a `playbook list`); here it creates it on first use. commops measures printable ASCII without it (src/cli/width.ts),
 * so a table of plain English text never builds one.
 */
export const lazySegmenter = {
  name: 'lazy-segmenter',
  setup(b) {
    b.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async (args) => {
      const text = await readFile(args.path, 'utf8')
      const from = 'const segmenter = new Intl.Segmenter();'
      if (!text.includes('Intl.Segmenter')) return undefined // older versions (oclif's, cli-table3's) use none
      if (text.split(from).length !== 2) throw new Error(`lean-bundle: expected once in ${args.path}: ${from}`)
      const to = 'let segmenter$created; const segmenter = {segment: (text) => (segmenter$created ??= new Intl.Segmenter()).segment(text)};'
      return {contents: text.replace(from, to), loader: 'js'}
    })
  },
}
