import {existsSync, statSync} from 'node:fs'
import {mkdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError, UsageError, ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {validateText} from '../schema/validate.js'
import {assertConfined, writeFileAtomic} from '../util/fs.js'
import {templatesDir} from '../util/paths.js'
import {COMMUNITY_FILE} from './find.js'
import {communityKind} from './kind.js'
import {gitignoreWithEntries, SCHEMAS_DIR, schemaFiles} from './skeleton.js'

export interface InitOptions {
  dir: string
  name: string
  description?: string
  locale: Locale
  timezone: string
  platforms: string[]
  type: string
  /** Start from the full bundled sample instead of the generic starter. */
  sample?: boolean
  force?: boolean
}

export interface InitResult {
  root: string
  created: string[]
  kept: string[]
}

/** Where `init --sample` puts the sample community's activity. */
export const SAMPLE_ACTIVITY = 'data/activity.ndjson'
/** Where `init --sample` puts the sample community's member sheet (`members import data/members.csv`). */
export const SAMPLE_MEMBERS = 'data/members.csv'

const CHANNEL_NAMES: Record<Locale, string> = {'zh-CN': '主群', en: 'Main'}

const yamlString = (s: string) => JSON.stringify(s)

/** The platforms block of the starter: one platform per type with a main channel. */
function platformsBlock(platforms: string[], locale: Locale): string {
  if (platforms.length === 0) return '  []'
  return platforms
    .map((p) => `  - id: ${p}\n    type: ${p}\n    channels:\n      - id: ${p}-main\n        name: ${yamlString(CHANNEL_NAMES[locale])}`)
    .join('\n')
}

/** Renders the starter community.yaml for the answers given. */
export async function renderCommunity(o: InitOptions): Promise<string> {
  if (o.sample) {
    const text = await readFile(templatesDir('community', `sample.${o.locale}.yaml`), 'utf8')
    return `# yaml-language-server: $schema=.commops/schemas/community.schema.json\n${text}`
  }
  const template = await readFile(templatesDir('init', `community.${o.locale}.yaml`), 'utf8')
  const values: Record<string, string> = {
    name: yamlString(o.name),
    description: yamlString(o.description ?? ''),
    timezone: yamlString(o.timezone),
    type: o.type,
  }
  return template
    .replace(/^\{\{platforms\}\}$/m, () => platformsBlock(o.platforms, o.locale))
    .replace(/\{\{(name|description|timezone|type)\}\}/g, (_, k: string) => values[k])
}

/** Creates a workspace: community.yaml, playbooks/, data/, .commops/schemas and .gitignore entries. */
export async function initWorkspace(o: InitOptions): Promise<InitResult> {
  const root = path.resolve(o.dir)
  const communityFile = path.join(root, COMMUNITY_FILE)
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new UsageError({key: 'init.notDir', params: {path: o.dir}}, {hint: {key: 'init.notDir.hint'}})
  }
  if (existsSync(communityFile) && !o.force) {
    throw new CommopsError({key: 'init.exists', params: {dir: root}}, {hint: {key: 'init.exists.hint'}, location: {file: communityFile}})
  }
  // a cloned workspace given to `init --force` must not make it write elsewhere through a symlink
  for (const p of [COMMUNITY_FILE, '.gitignore', 'playbooks', 'data', '.commops', SCHEMAS_DIR]) assertConfined(root, path.join(root, p))
  const text = await renderCommunity(o)
  // the starter's placeholders are warnings for the user to clear later, not a reason to refuse
  const problems = validateText(text, communityFile, o.locale, [communityKind]).problems.filter((p) => p.severity === 'error')
  if (problems.length > 0) {
    const p = problems[0]
    throw new ValidationError(
      {key: 'workspace.invalid', params: {file: COMMUNITY_FILE, count: problems.length, first: p.message}},
      {location: {file: p.file, line: p.line, col: p.col}, hint: {key: 'init.invalid.hint'}},
    )
  }
  const created: string[] = []
  const kept: string[] = []
  for (const sub of ['playbooks', 'data', '.commops']) {
    const dir = path.join(root, sub)
    if (existsSync(dir)) kept.push(sub + '/')
    else {
      await mkdir(dir, {recursive: true})
      created.push(sub + '/')
    }
  }
  await writeFileAtomic(communityFile, text, {root})
  created.push(COMMUNITY_FILE)
  if (o.sample) {
    // a quarter of the sample community's activity, for `events import data/activity.ndjson` and the metrics
    const activity = path.join(root, SAMPLE_ACTIVITY)
    if (existsSync(activity)) kept.push(SAMPLE_ACTIVITY)
    else {
      await writeFileAtomic(activity, await readFile(templatesDir('samples', `activity.${o.locale}.ndjson`)), {root})
      created.push(SAMPLE_ACTIVITY)
    }
    const members = path.join(root, SAMPLE_MEMBERS)
    if (existsSync(members)) kept.push(SAMPLE_MEMBERS)
    else {
      await writeFileAtomic(members, await readFile(templatesDir('samples', `members.${o.locale}.csv`)), {root})
      created.push(SAMPLE_MEMBERS)
    }
  }
  for (const f of schemaFiles()) await writeFileAtomic(path.join(root, f.path), f.content, {root})
  created.push(`${SCHEMAS_DIR}/`)
  const gitignore = path.join(root, '.gitignore')
  const updated = gitignoreWithEntries(existsSync(gitignore) ? await readFile(gitignore, 'utf8') : '')
  if (updated !== undefined) {
    await writeFileAtomic(gitignore, updated, {root})
    created.push('.gitignore')
  }
  return {root, created, kept}
}
