// Loads the bundles that scripts/bundle.mjs makes: dist/oclif.bundle.cjs (@oclif/core) and dist/commops.bundle.cjs
// (commops' code with yaml and ajv), each one file instead of a hundred modules, through the V8 code cache that the
// build wrote for its own V8 version, so start-up skips parsing and compiling them. Another Node (another V8) just
// compiles them. `commops --help` needs only the first; a command's stub in dist/commands loads the second.
import fs = require('node:fs')
import Module = require('node:module')
import path = require('node:path')
import vm = require('node:vm')

const dist = path.join(__dirname, '..', '..')
/** Set by the build's warm-up run (scripts/warm-code-cache.mjs): load without a cache, write one when the process exits. */
const writing = process.env.COMMOPS_WRITE_CODE_CACHE === '1'

/**
 * A function compiled by vm from V8's code cache cannot use `import()` on Node 20 (the callback is lost with the
 * cache), so scripts/bundle.mjs turns every `import(x)` in the bundles into `__commopsImport(x)`, given here: the
 * import of this file, which Node compiled itself. The bundles import only package names and absolute file URLs.
 */
const dynamicImport = (specifier: string): Promise<unknown> => import(specifier)

type Name = 'commops' | 'oclif'
const bundleFile = (name: Name) => path.join(dist, `${name}.bundle.cjs`)
const cacheFile = (name: Name) => path.join(dist, `${name}.bundle.${process.versions.v8}.cache`)

/** The files of a bundle, read ahead by prefetch(). */
const ready = new Map<Name, {source: string; cachedData: Buffer}>()

/**
 * Reads a bundle and its code cache on libuv's thread pool, so the reading overlaps what the main thread does
 * meanwhile (loading oclif). Resolves when the files are in memory; loadBundle then uses them. Never rejects: without
 * the files, loadBundle reads (or fails) as usual.
 */
export async function prefetch(name: Name): Promise<void> {
  if (writing) return
  try {
    const [source, cachedData] = await Promise.all([fs.promises.readFile(bundleFile(name)), fs.promises.readFile(cacheFile(name))])
    // latin1 (the bundles are ASCII), decoded in one go: readFile(…, 'latin1') would go through a stream decoder
    ready.set(name, {source: source.toString('latin1'), cachedData})
  } catch {
    // loadBundle reads the files itself, and says what is wrong
  }
}

type Wrapper = (e: object, r: NodeJS.Require, m: object, f: string, d: string, i: typeof dynamicImport) => void

/**
 * Runs a bundle: the file is a function expression (scripts/bundle.mjs) called with CommonJS's parameters and the
 * dynamic import. On the Node that built it, V8's code cache skips parsing and compiling; elsewhere (or with a
 * damaged cache, which V8 rejects) it is compiled as usual.
 */
export function loadBundle(name: Name): unknown {
  const file = bundleFile(name)
  const prefetched = ready.get(name)
  let cachedData = prefetched?.cachedData
  if (!prefetched && !writing) {
    try {
      cachedData = fs.readFileSync(cacheFile(name))
    } catch {
      // another Node than the one that built
    }
  }
  // The build leaves only ASCII in the bundles, so latin1 reads them right, and faster than decoding UTF-8.
  const source = prefetched?.source ?? fs.readFileSync(file, 'latin1')
  const script = new vm.Script(source, {filename: file, cachedData})
  const mod = {exports: {}}
  const wrapper = script.runInThisContext() as Wrapper
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dist, dynamicImport)
  // Written after the run, so the cache holds every function the run compiled, not only the top level.
  if (writing) process.once('exit', () => fs.writeFileSync(cacheFile(name), script.createCachedData()))
  return mod.exports
}
