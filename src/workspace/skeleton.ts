/** The files every workspace has besides community.yaml, as data, so `init` and `template apply` can plan them before writing. */
import {allKinds} from '../schema/all-kinds.js'
import {schemaFileName, schemaText} from '../schema/export.js'

export const SCHEMAS_DIR = '.commops/schemas'

/** What commops adds to a workspace's .gitignore: the store, its lock and backups, imported events, member records (personal data), exports. */
export const GITIGNORE_ENTRIES = [
  '.commops/db.json',
  '.commops/db.json.lock',
  '.commops/db.json.lock.break',
  '.commops/backups/',
  '.commops/events/',
  '.commops/members/',
  'out/',
]

export interface SkeletonFile {
  /** Relative to the workspace root, with forward slashes. */
  path: string
  content: string
}

/** The JSON Schema of every kind, as written to .commops/schemas/ for editors. */
export function schemaFiles(): SkeletonFile[] {
  return allKinds().map((def) => ({path: `${SCHEMAS_DIR}/${schemaFileName(def)}`, content: schemaText(def)}))
}

/** The .gitignore text with commops' entries added, or undefined when none is missing. */
export function gitignoreWithEntries(existing: string): string | undefined {
  const missing = GITIGNORE_ENTRIES.filter((e) => !existing.split(/\r?\n/).includes(e))
  if (missing.length === 0) return undefined
  return `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}# commops\n${missing.join('\n')}\n`
}
