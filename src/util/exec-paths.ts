/**
 * Paths that another tool runs or loads on its own when a person merely clones, opens, installs, builds or
 * commits: CI workflows, editor tasks and settings, git hook managers, package-manager scripts and settings,
 * shell start-up and directory-environment files, and code or executables by their extension. A template (or a
 * playbook) from a stranger writes such a file only when the person says so.
 */

export type ExecKind = 'ci' | 'editor' | 'hooks' | 'package' | 'build' | 'shell' | 'home' | 'code'

/** Folders whose content is run or loaded, wherever they are (an --into may be a sub-folder opened on its own). */
const DIRS: Record<string, ExecKind> = {
  '.circleci': 'ci',
  '.buildkite': 'ci',
  '.woodpecker': 'ci',
  '.vscode': 'editor',
  '.idea': 'editor',
  '.devcontainer': 'editor',
  '.zed': 'editor',
  '.githooks': 'hooks',
  '.husky': 'hooks',
  '.git': 'hooks',
  '.hg': 'hooks',
  '.yarn': 'package',
  '.ssh': 'home',
  '.config': 'home',
  '.local': 'home',
  '.gnupg': 'home',
}

/** Sub-folders run only under a given parent: `.github/workflows/`, `.gitea/actions/`… */
const NESTED: Record<string, ReadonlySet<string>> = {
  '.github': new Set(['workflows', 'actions']),
  '.gitea': new Set(['workflows', 'actions']),
  '.forgejo': new Set(['workflows', 'actions']),
  '.gitlab': new Set(['ci']),
}

const FILES: Record<string, ExecKind> = {
  '.gitlab-ci.yml': 'ci',
  '.travis.yml': 'ci',
  'azure-pipelines.yml': 'ci',
  'bitbucket-pipelines.yml': 'ci',
  '.drone.yml': 'ci',
  '.woodpecker.yml': 'ci',
  'appveyor.yml': 'ci',
  '.appveyor.yml': 'ci',
  jenkinsfile: 'ci',
  '.devcontainer.json': 'editor',
  '.pre-commit-config.yaml': 'hooks',
  '.pre-commit-hooks.yaml': 'hooks',
  'lefthook.yml': 'hooks',
  'lefthook.yaml': 'hooks',
  '.lefthook.yml': 'hooks',
  '.lefthook.yaml': 'hooks',
  'lefthook-local.yml': 'hooks',
  '.gitconfig': 'hooks',
  '.gitmodules': 'hooks',
  'package.json': 'package',
  '.npmrc': 'package',
  '.yarnrc': 'package',
  '.yarnrc.yml': 'package',
  '.pnpmfile.cjs': 'package',
  'bunfig.toml': 'package',
  makefile: 'build',
  gnumakefile: 'build',
  justfile: 'build',
  '.justfile': 'build',
  '.envrc': 'shell',
  '.env': 'shell',
  'mise.toml': 'shell',
  '.mise.toml': 'shell',
  '.bashrc': 'shell',
  '.bash_profile': 'shell',
  '.bash_login': 'shell',
  '.profile': 'shell',
  '.zshrc': 'shell',
  '.zshenv': 'shell',
  '.zprofile': 'shell',
  '.zlogin': 'shell',
}

/** Configuration files some tool loads by a name pattern (`.lintstagedrc.json`, `lint-staged.config.mjs`, `.env.local`). */
const FILE_PATTERNS: Array<[RegExp, ExecKind]> = [
  [/^\.lintstagedrc(\..+)?$/, 'hooks'],
  [/^lint-staged\.config\..+$/, 'hooks'],
  [/^\.huskyrc(\..+)?$/, 'hooks'],
  [/^\.env\..+$/, 'shell'],
  [/\.code-workspace$/, 'editor'],
]

/** Code, scripts and executables: run directly, or loaded by tools that discover config files (`*.config.js`). */
const CODE_EXTENSIONS = new Set(
  'sh bash zsh fish ksh csh ps1 psm1 bat cmd com exe msi vbs wsf js cjs mjs jsx ts cts mts tsx py pyc pth rb pl php jar command desktop lnk scpt applescript so dll dylib'.split(
    ' ',
  ),
)

/** A path segment as the file system would take it: case folded, Windows' trailing dots and spaces dropped. */
const fold = (segment: string) => segment.toLowerCase().replace(/[. ]+$/, '') || segment

/** What runs or loads the file at a relative path (forward slashes), or undefined for a plain file. */
export function execPathKind(rel: string): ExecKind | undefined {
  const segments = rel
    .split(/[\\/]/)
    .filter((s) => s !== '' && s !== '.')
    .map(fold)
  const name = segments.at(-1)
  if (name === undefined) return undefined
  for (const [i, dir] of segments.slice(0, -1).entries()) {
    if (Object.hasOwn(DIRS, dir)) return DIRS[dir]
    if (Object.hasOwn(NESTED, dir) && NESTED[dir].has(segments[i + 1]) && i + 1 < segments.length - 1) return 'ci'
  }
  if (Object.hasOwn(FILES, name)) return FILES[name]
  for (const [pattern, kind] of FILE_PATTERNS) if (pattern.test(name)) return kind
  const dot = name.lastIndexOf('.')
  if (dot > 0 && CODE_EXTENSIONS.has(name.slice(dot + 1))) return 'code'
  return undefined
}

/** The paths among `paths` that another tool runs or loads, each with its kind, in the given order. */
export function execPaths(paths: readonly string[]): Array<{path: string; kind: ExecKind}> {
  return paths.flatMap((p) => {
    const kind = execPathKind(p)
    return kind ? [{path: p, kind}] : []
  })
}
