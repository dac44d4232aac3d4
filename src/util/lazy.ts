import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** Loads a CommonJS package on first use, so commands that never need it do not pay for loading it at start-up. */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= require(id) as T)
}
