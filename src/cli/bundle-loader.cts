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
 * Starts reading a whole file on libuv's thread pool at once: opened here, then one read of its full size, so the
 * reading overlaps what the main thread does meanwhile (fs.promises.readFile would read in 512 kB pieces, each started
 * only when the main thread is free again).
 */
function readAhead(file: string): Promise<Buffer> {
  const fd = fs.openSync(file, 'r')
  const size = fs.fstatSync(fd).size
  const buffer = Buffer.allocUnsafe(size)
  return new Promise((resolve, reject) => {
    fs.read(fd, buffer, 0, size, 0, (error, read) => {
      fs.close(fd, () => {})
      if (error) reject(error)
      else if (read !== size) reject(new Error(`${file}: read ${read} of ${size} bytes`))
      else resolve(buffer)
    })
  })
}

/**
 * Reads a bundle and its code cache ahead (while oclif loads). Resolves when the files are in memory; loadBundle then
 * uses them. Never rejects: without them, loadBundle reads the files itself, and says what is wrong.
 */
export async function prefetch(name: Name): Promise<void> {
  if (writing) return
  try {
    const [source, cachedData] = await Promise.all([readAhead(bundleFile(name)), readAhead(cacheFile(name))])
    // latin1 (the bundles are ASCII), decoded in one go
    ready.set(name, {source: source.toString('latin1'), cachedData})
  } catch {
    // loadBundle reads the files itself
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
