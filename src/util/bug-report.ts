/** What a bug report needs: the versions, where to report, the stack under DEBUG=commops. */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Translate} from '../i18n/index.js'
import {packageRoot} from './paths.js'

interface Product {
  version: string
  /** Where to report a bug: package.json `bugs`, else its repository's issues; undefined when it has neither. */
  reportUrl?: string
  /** The package folder, so a missing file of commops itself is told apart from a user's wrong path. */
  root?: string
}

let product: Product | undefined

type UrlField = string | {url?: string} | undefined

/** commops' version and where to report bugs, from its own package.json (read once). */
export function productInfo(): Product {
  if (product) return product
  try {
    const root = packageRoot()
    const pj = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version?: string; bugs?: UrlField; repository?: UrlField}
    product = {version: pj.version ?? 'unknown', reportUrl: reportUrl(pj), root}
  } catch {
    product = {version: 'unknown'}
  }
  return product
}

/** Where a package.json says to report bugs: `bugs`, else its repository's issues (GitHub), else undefined. */
export function reportUrl(pj: {bugs?: UrlField; repository?: UrlField}): string | undefined {
  return urlOf(pj.bugs) ?? issuesOf(urlOf(pj.repository))
}

function urlOf(field: UrlField): string | undefined {
  return typeof field === 'string' ? field : field?.url
}

function issuesOf(repository: string | undefined): string | undefined {
  if (!repository) return undefined
  const github = /^(?:github:|git\+https:\/\/github\.com\/|https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repository)
  return github ? `https://github.com/${github[1]}/issues` : repository.replace(/^git\+/, '')
}

/** `commops 0.1.0, Node v20.20.0, linux x64`: the versions a bug report needs. */
export function versionsLine(): string {
  return `commops ${productInfo().version}, Node ${process.version}, ${process.platform} ${process.arch}`
}

/** True when DEBUG names commops (`commops`, `commops:*`, a list holding it) or everything (`*`). */
export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return /commops|(^|[\s,])\*($|[\s,])/.test(env.DEBUG ?? '')
}

/** The message and hint for an unexpected error: "this is a commops bug", the versions and where to report it. */
export function describeBug(error: unknown, t: Translate): {message: string; hint: string} {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  const params = {where: productInfo().reportUrl ?? t('error.bug.tracker'), versions: versionsLine()}
  return {message: t('error.bug', {error: text}), hint: t(debugEnabled() ? 'error.bug.hintDebug' : 'error.bug.hint', params)}
}

/** Writes the error's stack to stderr when DEBUG names commops. */
export function debugStack(error: unknown): void {
  if (debugEnabled()) process.stderr.write(`${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`)
}
