import {mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {userCacheDir} from '../../src/util/cache-dir.js'
import {CHECKED_KEEP, checkedCache} from '../../src/workspace/checked.js'

describe('the cache of checked community profiles', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'commops-checked-'))
  })
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('is off without a build (running from the sources)', () => {
    expect(checkedCache(undefined, dir)).toBeUndefined()
  })

  it('gives back a value kept for the same text and build, and nothing for another text or build', () => {
    const cache = checkedCache('b1', dir)!
    cache.put('name: A\n', {name: 'A', n: [1, 2]})
    expect(cache.get('name: A\n')).toEqual({name: 'A', n: [1, 2]})
    expect(cache.get('name: A \n')).toBeUndefined()
    expect(checkedCache('b2', dir)!.get('name: A\n')).toBeUndefined()
  })

  it('treats a damaged or non-object entry as a miss', () => {
    const cache = checkedCache('b1', dir)!
    cache.put('x', {a: 1})
    const [file] = readdirSync(dir)
    writeFileSync(path.join(dir, file), '{"a": ')
    expect(cache.get('x')).toBeUndefined()
    writeFileSync(path.join(dir, file), 'null')
    expect(cache.get('x')).toBeUndefined()
  })

  it('keeps only values JSON carries exactly', () => {
    const cache = checkedCache('b1', dir)!
    cache.put('d', {founded: new Date(0)})
    cache.put('u', {a: undefined, b: 1})
    expect(readdirSync(dir)).toEqual([])
  })

  it('never fails a command: an unwritable folder is no cache', () => {
    const file = path.join(dir, 'a-file')
    writeFileSync(file, '')
    const cache = checkedCache('b1', path.join(file, 'checked'))!
    expect(() => cache.put('x', {a: 1})).not.toThrow()
    expect(cache.get('x')).toBeUndefined()
  })

  it(`keeps the ${CHECKED_KEEP} most recent entries`, () => {
    const cache = checkedCache('b1', dir)!
    for (let i = 0; i < CHECKED_KEEP; i++) cache.put(`t${i}`, {i})
    for (const [k, name] of readdirSync(dir).entries()) utimesSync(path.join(dir, name), 1000 + k, 1000 + k)
    const oldest = readdirSync(dir)[0]
    cache.put('newest', {i: -1})
    const names = readdirSync(dir)
    expect(names).toHaveLength(CHECKED_KEEP)
    expect(names).not.toContain(oldest)
    expect(
      JSON.parse(
        readFileSync(
          path.join(
            dir,
            names.find((n) => readFileSync(path.join(dir, n), 'utf8') === '{"i":-1}')!,
          ),
          'utf8',
        ),
      ),
    ).toEqual({i: -1})
  })

  it('lives in the user cache folder: $COMMOPS_CACHE_DIR, else $XDG_CACHE_HOME/commops', () => {
    expect(userCacheDir({COMMOPS_CACHE_DIR: '/c/d'})).toBe(path.resolve('/c/d'))
    expect(userCacheDir({XDG_CACHE_HOME: '/x'})).toBe(path.join('/x', 'commops'))
  })
})
