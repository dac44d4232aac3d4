import {readFileSync} from 'node:fs'
import {readYamlFile} from '../util/text-file.js'
import path from 'node:path'
import {ValidationError, formatLocation, type SourceLocation} from '../errors.js'
import {type Locale, resolveLocale} from '../i18n/index.js'
import {validateText} from '../schema/validate.js'
import {parseWithPositions} from '../schema/yaml-source.js'
import {communityKind} from './kind.js'
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

/** Finds, reads and validates the workspace; an invalid community.yaml stops with its first problem located. */
export async function openWorkspace(options: {flag?: string; cwd?: string; lang?: string} = {}): Promise<Workspace> {
  const root = requireWorkspaceRoot({flag: options.flag, cwd: options.cwd})
  const communityFile = path.join(root, COMMUNITY_FILE)
  const text = readYamlFile(communityFile, COMMUNITY_FILE)
  const locale = resolveLocale(options.lang, localeLine(text))
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
  const community = docs[0].value as Community
  return {root, communityFile, community, locale: resolveLocale(options.lang, community.locale), timezone: community.timezone}
}

/** Where a JSON pointer sits in the workspace's community.yaml (the nearest existing node for a missing field). */
export function locateInCommunity(ws: Pick<Workspace, 'communityFile'>, pointer: string): SourceLocation {
  try {
    const doc = parseWithPositions(readFileSync(ws.communityFile, 'utf8'), ws.communityFile).docs[0]
    return doc ? {file: ws.communityFile, ...doc.locate(pointer)} : {file: ws.communityFile}
  } catch {
    return {file: ws.communityFile}
  }
}

export {formatLocation}
