// Loads the bundles that scripts/bundle.mjs makes: dist/oclif.bundle.cjs (@oclif/core) and dist/commops.bundle.cjs
// (commops' code with yaml and ajv), each one file instead of a hundred modules. On Node 20, which has no compile cache
// of its own, they go through the V8 code cache that the build wrote for this V8 version, so start-up skips parsing
// and compiling them. `commops --help` needs only the first; a command's stub in dist/commands loads the second.
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

function compile(file: string, cachedData: Buffer | undefined): vm.Script {
  // The build leaves only ASCII in the bundles, so latin1 reads them right, and faster than decoding UTF-8.
  const source = fs.readFileSync(file, 'latin1')
  return new vm.Script(`(function (exports, require, module, __filename, __dirname, __commopsImport) {${source}\n})`, {filename: file, cachedData})
}

export function loadBundle(name: 'commops' | 'oclif'): unknown {
  const file = path.join(dist, `${name}.bundle.cjs`)
  const cacheFile = path.join(dist, `${name}.bundle.${process.versions.v8}.cache`)
  let cachedData: Buffer | undefined
  if (!writing) {
    try {
      cachedData = fs.readFileSync(cacheFile)
    } catch {
      // Another Node than the one that built: plain require (Node 22 has its own compile cache; bin/run.js turns it on).
      return require(file) as unknown
    }
  }
  const script = compile(file, cachedData)
  const mod = {exports: {}}
  const wrapper = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string, i: typeof dynamicImport) => void
  wrapper.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dist, dynamicImport)
  // Written after the run, so the cache holds every function the run compiled, not only the top level.
  if (writing) process.once('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()))
  return mod.exports
}
