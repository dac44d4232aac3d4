import {readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'

const SKIP_DIRS = new Set(['node_modules', 'out', 'data', 'dist'])
const YAML_RE = /\.ya?ml$/i

/**
 * Expands files and folders into the YAML files to validate, sorted; folders recurse, skipping dot-folders, data/ and
 * out/. Synchronous calls: a walk over a workspace costs less than the thread-pool round trips of the async ones.
 */
export async function collectYamlFiles(inputs: string[], cwd: string): Promise<string[]> {
  const found = new Set<string>()
  function walk(dir: string): void {
    const entries = readdirSync(dir, {withFileTypes: true})
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue
        walk(full)
      } else if (entry.isFile() && YAML_RE.test(entry.name)) {
        found.add(full)
      }
    }
  }
  for (const input of inputs) {
    const full = path.resolve(cwd, input)
    const info = statSync(full, {throwIfNoEntry: false})
    if (!info) {
      throw new UsageError({key: 'file.notFound', params: {path: input}}, {hint: {key: 'file.notFound.hint'}})
    }
    if (info.isDirectory()) walk(full)
    else found.add(full)
  }
  return [...found].sort()
}
