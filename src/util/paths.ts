import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

let cached: string | undefined

/** The folder of commops' own package.json (works from src/ under tsx and from the bundle in dist/). */
export function packageRoot(): string {
  if (cached) return cached
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pj = path.join(dir, 'package.json')
    if (existsSync(pj) && (JSON.parse(readFileSync(pj, 'utf8')) as {name?: string}).name === 'commops') return (cached = dir)
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('commops package.json not found above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

/** A path inside the package's bundled templates/ folder. */
export function templatesDir(...parts: string[]): string {
  return path.join(packageRoot(), 'templates', ...parts)
}

/** A path inside the package's bundled playbooks/ folder. */
export function builtinPlaybooksDir(): string {
  return path.join(packageRoot(), 'playbooks')
}
