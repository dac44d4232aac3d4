import {readFileSync} from 'node:fs'
import path from 'node:path'
import {type Locale, resolveLocale} from '../i18n/locale.js'
import {COMMUNITY_FILE, findWorkspaceRoot, localeLine} from '../workspace/find.js'

/** The value of `--name VALUE` or `--name=VALUE` in a command line, if given. */
export function argValue(argv: readonly string[], flag: string): string | undefined {
  const at = argv.indexOf(flag)
  if (at >= 0) return argv[at + 1]
  return argv.find((a) => a.startsWith(flag + '='))?.slice(flag.length + 1)
}

/** The command line without `--lang X` and `--workspace X`, which choose how help is shown, not what it is about. */
export function withoutLocaleFlags(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' || argv[i] === '--workspace') i++
    else if (!argv[i].startsWith('--lang=') && !argv[i].startsWith('--workspace=')) out.push(argv[i])
  }
  return out
}

/**
 * The language of help and of errors met before a command runs, chosen like every message: --lang, then the
 * workspace's locale (--workspace, COMMOPS_WORKSPACE or the nearest community.yaml), then LANG. Reads one line of one
 * file and loads no messages, so `--help` stays fast.
 */
export function commandLineLocale(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Locale {
  const dir = argValue(argv, '--workspace') ?? env.COMMOPS_WORKSPACE
  let workspaceLocale: string | undefined
  try {
    const root = dir ? path.resolve(cwd, dir) : findWorkspaceRoot(cwd)
    if (root) workspaceLocale = localeLine(readFileSync(path.join(root, COMMUNITY_FILE), 'utf8'))
  } catch {
    workspaceLocale = undefined // no readable community.yaml: the next choice decides
  }
  return resolveLocale(argValue(argv, '--lang'), workspaceLocale, env)
}
