/** Listing playbooks: the built-in ones from the build's index, the workspace's own read one by one. */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {pick, type Locale} from '../i18n/index.js'
import {assertConfined} from '../util/fs.js'
import {builtinPlaybooksDir, packageRoot} from '../util/paths.js'
import type {IndexedPlaybook} from './index-entry.js'

export interface PlaybookEntry {
  name: string
  phase?: string
  description: string
  source: 'builtin' | 'workspace' | 'file'
  file: string
  valid: boolean
}

async function yamlFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  return (await readdir(dir))
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f))
}

/** The build's index of the built-in playbooks (dist/playbooks-index.json), so listing them does not parse 150 kB of YAML. */
function builtinIndex(): Record<string, IndexedPlaybook> {
  try {
    return JSON.parse(readFileSync(path.join(packageRoot(), 'dist', 'playbooks-index.json'), 'utf8')) as Record<string, IndexedPlaybook>
  } catch {
    return {}
  }
}

async function entryOf(
  file: string,
  source: PlaybookEntry['source'],
  locale: Locale,
  index: Record<string, IndexedPlaybook> = {},
): Promise<PlaybookEntry | undefined> {
  const cached = index[path.basename(file)]
  // a file the build's index does not hold is parsed and validated (that code loads only then)
  const indexed = cached && cached.size === statSync(file).size ? cached : await (await import('./index-entry.js')).indexPlaybook(file)
  if (!indexed) return undefined
  return {name: indexed.name, phase: indexed.phase, description: pick(indexed.description, locale), source, file, valid: indexed.valid}
}

/** Built-in and workspace playbooks; a workspace playbook hides a built-in one of the same name. */
export async function listPlaybooks(root: string | undefined, locale: Locale): Promise<PlaybookEntry[]> {
  const byName = new Map<string, PlaybookEntry>()
  const index = builtinIndex()
  for (const file of await yamlFiles(builtinPlaybooksDir())) {
    const e = await entryOf(file, 'builtin', locale, index)
    if (e) byName.set(e.name, e)
  }
  if (root) {
    assertConfined(root, path.join(root, 'playbooks'))
    for (const file of await yamlFiles(path.join(root, 'playbooks'))) {
      assertConfined(root, file) // a cloned workspace's playbooks/x.yaml may point at a file elsewhere
      const e = await entryOf(file, 'workspace', locale)
      if (e) byName.set(e.name, e)
    }
  }
  return [...byName.values()].sort((a, b) => (a.source === b.source ? 0 : a.source === 'workspace' ? -1 : 1) || a.name.localeCompare(b.name))
}
