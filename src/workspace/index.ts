import {readFileSync} from 'node:fs'
import {readYamlFile} from '../util/text-file.js'
import path from 'node:path'
import {ValidationError, formatLocation} from '../errors.js'
import {type Locale, resolveLocale} from '../i18n/index.js'
import {BUILD_ID} from '../util/build-id.js'
import {checkedCache} from './checked.js'
import type {Community} from './community.js'
import {COMMUNITY_FILE, localeLine, requireWorkspaceRoot} from './find.js'

export * from './find.js'
export type * from './community.js'

/** An opened workspace: its folder and its validated community profile. */
export interface Workspace {
  root: string
  communityFile: string
  community: Community
  locale: Locale
  timezone: string
}

/** Reads the locale from a community.yaml without validating it, so messages can be in the community's language. */
export async function peekLocale(root: string | undefined): Promise<string | undefined> {
  if (!root) return undefined
  // read at once: a 20 kB file costs less than a round trip through libuv's thread pool, and every command starts here
  let text: string
  try {
    text = readFileSync(path.join(root, COMMUNITY_FILE), 'utf8')
  } catch {
    return undefined
  }
  return localeLine(text)
}

/**
 * Finds, reads and validates the workspace; an invalid community.yaml stops with its first problem located. A text this
 * build has already found valid is taken from the cache of checked profiles (./checked.ts) instead of checked again.
 */
export async function openWorkspace(options: {flag?: string; cwd?: string; lang?: string} = {}): Promise<Workspace> {
  const root = requireWorkspaceRoot({flag: options.flag, cwd: options.cwd})
  const communityFile = path.join(root, COMMUNITY_FILE)
  const text = readYamlFile(communityFile, COMMUNITY_FILE)
  const cache = checkedCache(BUILD_ID)
  let community = cache?.get(text) as Community | undefined
  if (!community) {
    community = await validCommunity(text, communityFile, options.lang)
    cache?.put(text, community)
  }
  return {root, communityFile, community, locale: resolveLocale(options.lang, community.locale), timezone: community.timezone}
}

/** The community profile in `text`; its first error (located) stops the command. */
async function validCommunity(text: string, communityFile: string, lang: string | undefined): Promise<Community> {
  // loaded when the cache misses: the parser, the schema and the checks are most of what a command would load
  const [{validateText}, {communityKind}] = await Promise.all([import('../schema/validate.js'), import('./kind.js')])
  const locale = resolveLocale(lang, localeLine(text))
  const {problems, docs} = validateText(text, communityFile, locale, [communityKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0 || docs.length !== 1 || docs[0].kind !== 'Community') {
    const first = errors[0]
    throw new ValidationError(
      {key: 'workspace.invalid', params: {file: COMMUNITY_FILE, count: errors.length || 1, first: first ? first.message : 'kind: Community'}},
      {
        hint: {key: 'workspace.invalid.hint'},
        location: first ? {file: first.file, line: first.line, col: first.col} : {file: communityFile},
        details: {problems: errors},
      },
    )
  }
  return docs[0].value as Community
}

export {formatLocation}
