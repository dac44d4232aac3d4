import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'

export const COMMUNITY_FILE = 'community.yaml'

/** The `locale:` line of a community.yaml's text, read without parsing or validating it. */
export function localeLine(text: string): string | undefined {
  return /^locale:\s*["']?(zh-CN|en)["']?\s*$/m.exec(text)?.[1]
}

/** The nearest folder at or above `start` that holds community.yaml, like git finds .git. */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = path.resolve(start)
  for (;;) {
    const candidate = path.join(dir, COMMUNITY_FILE)
    if (existsSync(candidate) && statSync(candidate).isFile()) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** The workspace root from --workspace, then COMMOPS_WORKSPACE, then discovery from cwd; undefined when none. */
export function locateWorkspace(options: {flag?: string; cwd?: string; env?: NodeJS.ProcessEnv} = {}): string | undefined {
  const cwd = options.cwd ?? process.cwd()
  const override = options.flag ?? (options.env ?? process.env).COMMOPS_WORKSPACE
  if (override) {
    const root = path.resolve(cwd, override)
    if (!existsSync(path.join(root, COMMUNITY_FILE))) {
      throw new UsageError({key: 'workspace.overrideMissing', params: {dir: root}}, {hint: {key: 'workspace.notFound.hint'}})
    }
    return root
  }
  return findWorkspaceRoot(cwd)
}

/** Like locateWorkspace, but a missing workspace is an error with a hint. */
export function requireWorkspaceRoot(options: {flag?: string; cwd?: string; env?: NodeJS.ProcessEnv} = {}): string {
  const root = locateWorkspace(options)
  if (!root) {
    throw new UsageError(
      {key: 'workspace.notFound', params: {dir: path.resolve(options.cwd ?? process.cwd())}},
      {hint: {key: 'workspace.notFound.hint'}, code: 'workspace.notFound'},
    )
  }
  return root
}
