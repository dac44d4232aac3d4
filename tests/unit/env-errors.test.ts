/** Errors that come from the machine or the paths given are one clear message naming the path, never "a commops bug". */
import {mkdir, mkdtemp, rm, symlink} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CommopsError, fromSystemError} from '../../src/errors.js'
import {common} from '../../src/i18n/messages/common.js'
import {Store} from '../../src/store/index.js'
import {resolveOut, resolveOutDir} from '../../src/util/out-path.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commops-env-'))
})
afterEach(() => rm(dir, {recursive: true, force: true}))

const sysError = (code: string, p?: string) => Object.assign(new Error(code), {code, path: p, syscall: 'open'})

describe('system errors', () => {
  it.each(['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ELOOP', 'ENAMETOOLONG', 'EBUSY', 'EIO', 'EMFILE'])(
    '%s is an expected error naming the path, with a hint in both languages',
    (code) => {
      const e = fromSystemError(sysError(code, '/ws/.commops/db.json'))!
      expect(e).toBeInstanceOf(CommopsError)
      expect(e.exitCode).toBe(1)
      for (const key of [e.msg.key, e.hint!.key]) for (const lang of ['en', 'zh-CN'] as const) expect(common[key][lang]).toBeTruthy()
      expect(common[e.msg.key].en.replace('{path}', String(e.msg.params?.path))).toContain('/ws/.commops/db.json')
    },
  )

  it('a store that is a folder names the store file', async () => {
    await mkdir(path.join(dir, '.commops', 'db.json'), {recursive: true})
    const error = await Store.at(dir)
      .read()
      .catch((e: unknown) => e)
    expect(fromSystemError(error)?.msg).toEqual({key: 'fs.isDir', params: {path: path.join(dir, '.commops', 'db.json')}})
  })

  it('a dangling --out folder is refused, naming the symlink', async () => {
    await symlink(path.join(dir, 'gone'), path.join(dir, 'dl'))
    for (const f of [() => resolveOut('dl/x.csv', 'x.csv', dir), () => resolveOut('dl/', 'x.csv', dir), () => resolveOutDir('dl', dir)]) {
      expect(f).toThrow(expect.objectContaining({msg: {key: 'out.dangling', params: {path: 'dl', target: path.join(dir, 'gone')}}}))
    }
  })
})
