import {createHash} from 'node:crypto'
import {mkdtemp, readdir, readFile, lstat, readlink} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {openWorkspace, type Workspace} from '../../src/workspace/index.js'
import {initWorkspace} from '../../src/workspace/init.js'

/** A fresh workspace from the bundled sample in a temp folder. */
export async function sampleWorkspace(locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<Workspace> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'commops-test-')), 'ws')
  await initWorkspace({dir, name: 'x', locale, timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
  return openWorkspace({flag: dir})
}

/** Every file and folder under a root with a hash of its content (symlinks by target), for "nothing changed" checks. */
export async function treeHash(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(dir: string): Promise<void> {
    for (const e of await readdir(dir, {withFileTypes: true})) {
      const full = path.join(dir, e.name)
      const rel = path.relative(root, full)
      const info = await lstat(full)
      if (info.isSymbolicLink()) out[rel] = `link:${await readlink(full)}`
      else if (e.isDirectory()) {
        out[rel + '/'] = `dir:${info.mtimeMs}`
        await walk(full)
      } else
        out[rel] =
          createHash('sha256')
            .update(await readFile(full))
            .digest('hex') + `:${info.mtimeMs}`
    }
  }
  await walk(root)
  return out
}

/** The README's `init` example: a zh-CN WeChat and Discord community, no questions asked. */
export const README_INIT = [
  'init',
  'acme',
  '--name',
  'Acme 米粉俱乐部',
  '--locale',
  'zh-CN',
  '--timezone',
  'Asia/Shanghai',
  '--platform',
  'wechat',
  '--platform',
  'discord',
  '--yes',
]
