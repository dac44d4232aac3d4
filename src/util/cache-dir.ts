/** Where commops keeps what it can always recompute: the user's cache folder, never a workspace. */
import os from 'node:os'
import path from 'node:path'

/** $COMMOPS_CACHE_DIR, else the platform's cache folder + commops (as oclif places its own cache, e.g. autocomplete's). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COMMOPS_CACHE_DIR) return path.resolve(env.COMMOPS_CACHE_DIR)
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'commops')
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'commops')
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'commops')
  return path.join(os.homedir(), '.cache', 'commops')
}
