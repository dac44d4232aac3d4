import {existsSync, realpathSync} from 'node:fs'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {randomHex} from './hash.js'

/** Writes a file so readers see either the old or the new content: temp file in the same folder, fsync, rename. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), {recursive: true})
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(4)}.tmp`)
  const handle = await open(tmp, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tmp, file)
  } catch (error) {
    await rm(tmp, {force: true})
    throw error
  }
}

/** The real path of the longest existing prefix of `p`, with the rest appended, so symlinks on the way are followed. */
function realish(p: string): string {
  let existing = p
  const rest: string[] = []
  while (!existsSync(existing)) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    rest.unshift(path.basename(existing))
    existing = parent
  }
  return path.join(realpathSync(existing), ...rest)
}

/** Resolves a user- or playbook-given relative path inside `root`; `..`, absolute paths and symlinks leading out are refused. */
export function resolveInside(root: string, relative: string): string {
  const refuse = () => new UsageError({key: 'file.outside', params: {path: relative, root}}, {hint: {key: 'file.outside.hint'}, code: 'file.outside'})
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) throw refuse()
  const full = path.resolve(root, relative)
  const rootReal = realish(path.resolve(root))
  const fullReal = realish(full)
  const rel = path.relative(rootReal, fullReal)
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw refuse()
  return full
}
