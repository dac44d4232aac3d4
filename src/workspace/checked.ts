/**
 * Community profiles this build of commops has already validated and found free of errors, so the other commands
 * skip parsing and checking an unchanged community.yaml (most of their own work on a small workspace).
 *
 * An entry is named by the SHA-256 of the build's fingerprint and the file's exact text, and holds the validated value
 * as JSON. It lives in the user's cache folder, not in the workspace: a cloned workspace cannot bring entries that
 * skip validation. Any change to the text or to commops (another build) misses, and a miss validates as always.
 * Reading or writing the cache never fails a command: an unreadable, damaged or unwritable entry is a miss.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'
import {userCacheDir} from '../util/cache-dir.js'
import {sha256Hex} from '../util/hash.js'
import {tempPathFor} from '../util/fs.js'

/** Entries kept; the oldest beyond this go when a new one is written. */
export const CHECKED_KEEP = 64

export interface CheckedCache {
  /** The validated value for this text, or undefined. */
  get(text: string): unknown
  /** Keeps a value validated without errors (values JSON cannot carry exactly are not kept). */
  put(text: string, value: unknown): void
}

/** The cache of `build` under `dir`; undefined without a build (running from the sources). */
export function checkedCache(build: string | undefined, dir: string = path.join(userCacheDir(), 'checked')): CheckedCache | undefined {
  if (!build) return undefined
  const file = (text: string) => path.join(dir, `${sha256Hex(`${build}\0${text}`)}.json`)
  return {
    get(text) {
      try {
        const value = JSON.parse(readFileSync(file(text), 'utf8')) as unknown
        return typeof value === 'object' && value !== null ? value : undefined
      } catch {
        return undefined
      }
    },
    put(text, value) {
      try {
        const json = JSON.stringify(value)
        if (!isDeepStrictEqual(JSON.parse(json), value)) return
        mkdirSync(dir, {recursive: true})
        const target = file(text)
        const temp = tempPathFor(target)
        writeFileSync(temp, json)
        renameSync(temp, target)
        prune(dir)
      } catch {
        // a cache that cannot be written is no cache: the command goes on
      }
    },
  }
}

/** Removes the least recently written entries beyond CHECKED_KEEP. */
function prune(dir: string): void {
  const names = readdirSync(dir)
  if (names.length <= CHECKED_KEEP) return
  const byAge = names.map((n) => ({n, t: statSync(path.join(dir, n)).mtimeMs})).sort((a, b) => a.t - b.t)
  for (const {n} of byAge.slice(0, names.length - CHECKED_KEEP)) unlinkSync(path.join(dir, n))
}
