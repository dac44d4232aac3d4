import {cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {StoreError} from '../../src/errors.js'
import {CURRENT_VERSION, Store, upgradeDb} from '../../src/store/index.js'
import {ShapeProblem} from '../../src/store/migrations.js'
import {readResponses, sweepResponses} from '../../src/survey/io-responses.js'
import {ingestResponses, surveyResults} from '../../src/survey/service.js'
import type {SurveyResponse} from '../../src/survey/types.js'

const FIXTURE = path.join(import.meta.dirname, '..', 'fixtures', 'store', 'db-v1.json')
const NOW = new Date('2026-11-05T10:00:00Z')
let root: string

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'commops-layout-'))
  await writeFile(path.join(root, 'community.yaml'), 'apiVersion: commops/v1\nkind: Community\nname: Demo\n')
  await mkdir(path.join(root, '.commops'))
  await cp(FIXTURE, path.join(root, '.commops', 'db.json'))
})

afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

const old = async () => JSON.parse(await readFile(FIXTURE, 'utf8')) as {responses: SurveyResponse[]}
const dbText = () => readFile(path.join(root, '.commops', 'db.json'), 'utf8')

describe('store version 2: responses out of db.json', () => {
  it('moves an old store’s responses into one NDJSON batch per survey and file, data before the index', async () => {
    const before = await old()
    const db = await Store.at(root).read()
    expect(db.version).toBe(CURRENT_VERSION)
    expect(db.responseBatches).toEqual([
      {id: 'RB1', survey: 'S1', source: 'data/a.csv', responses: 2, ingestedAt: '2026-11-01T10:00:00.000Z'},
      {id: 'RB2', survey: 'S2', source: 'data/c.csv', responses: 1, ingestedAt: '2026-11-01T10:00:00.000Z'},
      {id: 'RB3', survey: 'S1', source: 'data/b.csv', responses: 1, ingestedAt: '2026-11-01T10:00:00.000Z'},
    ])
    // Run ids (R1) keep their own counter.
    expect(db.counters).toMatchObject({R: 1, RB: 3})
    const onDisk = JSON.parse(await dbText()) as Record<string, unknown>
    expect(onDisk.version).toBe(CURRENT_VERSION)
    expect(onDisk).not.toHaveProperty('responses')
    expect(await readdir(path.join(root, '.commops', 'responses', 'S1'))).toEqual(['RB1.ndjson', 'RB3.ndjson'])
    expect(await readResponses(root, db, 'S1')).toEqual(before.responses.filter((r) => r.survey === 'S1'))
    expect(await readResponses(root, db, 'S2')).toEqual(before.responses.filter((r) => r.survey === 'S2'))
    expect(await readdir(path.join(root, '.commops'))).not.toContain('db.json.lock')
    // Everything else is as it was.
    expect(db.tasks).toHaveLength(1)
    expect(db.runs[0].id).toBe('R1')
  })

  it('a migration killed after the data files, before the index, is simply done again', async () => {
    // What a crash leaves: batch files (one half-written) and the old db.json naming none of them.
    const dir = path.join(root, '.commops', 'responses', 'S1')
    await mkdir(dir, {recursive: true})
    await writeFile(path.join(dir, 'RB1.ndjson'), '{"survey":"S1","rowHash":"a1","ans')
    const db = await Store.at(root).read()
    expect(await readResponses(root, db, 'S1')).toHaveLength(3)
    expect(await Store.at(root).read()).toEqual(db)
  })

  it('scores migrated responses and ingests new ones beside them without duplicating old rows', async () => {
    const store = Store.at(root)
    expect((await surveyResults(store, {survey: 'S1'})).results.n).toBe(3)
    await mkdir(path.join(root, 'data'))
    const full = path.join(root, 'data', 'new.csv')
    await writeFile(full, 'nps,region\n8,north\n')
    const first = await ingestResponses(store, {survey: 'S1', file: {full, display: 'data/new.csv', source: 'data/new.csv'}, now: NOW})
    expect(first.added).toHaveLength(1)
    const again = await ingestResponses(store, {survey: 'S1', file: {full, display: 'data/new.csv', source: 'data/new.csv'}, now: NOW})
    expect(again).toMatchObject({added: [], duplicates: 1})
    const db = await store.read()
    expect(db.responseBatches.map((b) => b.id)).toEqual(['RB1', 'RB2', 'RB3', 'RB4'])
    expect(db.responseBatches[3]).toMatchObject({survey: 'S1', source: 'data/new.csv', responses: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/)})
    const {results} = await surveyResults(store, {survey: 'S1', segment: 'region'})
    expect(results.n).toBe(4)
    expect(results.segments?.groups.map((g) => [g.value, g.n])).toEqual([
      ['North', 3],
      ['South', 1],
    ])
  })

  it('an ingest that finds some of its rows stored meanwhile by another stores only the rest, in a batch of its own', async () => {
    const store = Store.at(root)
    await mkdir(path.join(root, 'data'))
    const file = (name: string) => ({full: path.join(root, 'data', name), display: `data/${name}`, source: `data/${name}`})
    await writeFile(file('a.csv').full, 'nps,region\n7,north\n6,south\n')
    await writeFile(file('b.csv').full, 'nps,region\n7,north\n6,south\n2,east\n')
    // b.csv has been read and its responses written when a.csv's ingest stores two of the same rows, before b's update
    const other = Store.at(root)
    let first = true
    vi.spyOn(store, 'update').mockImplementation(async (fn) => {
      if (first) {
        first = false
        expect((await ingestResponses(other, {survey: 'S1', file: file('a.csv'), now: NOW})).added).toHaveLength(2)
      }
      return other.update(fn)
    })
    const b = await ingestResponses(store, {survey: 'S1', file: file('b.csv'), now: NOW})
    vi.restoreAllMocks()
    expect(b).toMatchObject({duplicates: 2})
    expect(b.added).toHaveLength(1)
    const db = await store.read()
    expect(db.responseBatches.slice(3)).toMatchObject([
      {id: 'RB4', source: 'data/a.csv', responses: 2},
      {id: 'RB5', source: 'data/b.csv', responses: 1},
    ])
    const dir = path.join(root, '.commops', 'responses', 'S1')
    const lines = (await readFile(path.join(dir, 'RB5.ndjson'), 'utf8')).split('\n')
    expect(lines).toHaveLength(2)
    expect(JSON.parse(lines[0])).toMatchObject({answers: {nps: 2}, source: {file: 'data/b.csv', line: 4}})
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(await readResponses(root, db, 'S1')).toHaveLength(6)
  })

  it('an ingest sweeps batch files no index entry names and temp files of dead processes; readers never see them', async () => {
    const store = Store.at(root)
    const db = await store.read()
    const dir = path.join(root, '.commops', 'responses', 'S1')
    // A batch renamed by an ingest that died before writing the index, and a dead process's temp file.
    await writeFile(path.join(dir, 'RB9.ndjson'), '{"half')
    await writeFile(path.join(dir, '.tmp-999999999-abcd.ndjson'), '{"half')
    expect(await readResponses(root, db, 'S1')).toHaveLength(3)
    await mkdir(path.join(root, 'data'))
    const full = path.join(root, 'data', 'new.csv')
    await writeFile(full, 'nps,region\n8,north\n')
    await ingestResponses(store, {survey: 'S1', file: {full, display: 'data/new.csv', source: 'data/new.csv'}, now: NOW})
    expect((await readdir(dir)).sort()).toEqual(['RB1.ndjson', 'RB3.ndjson', 'RB4.ndjson'])
    expect(await readResponses(root, await store.read(), 'S1')).toHaveLength(4)
    expect(await sweepResponses(root, new Set(['RB1', 'RB2', 'RB3', 'RB4']))).toEqual([])
  })

  it('a batch file the index names but the disk lacks is a store error, not a stack trace', async () => {
    const db = await Store.at(root).read()
    await rm(path.join(root, '.commops', 'responses', 'S2', 'RB2.ndjson'))
    const error = await readResponses(root, db, 'S2').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).msg).toMatchObject({key: 'store.batchMissing', params: {id: 'RB2'}})
  })

  it('an older commops (reading up to version 1) refuses this store as newer instead of dropping the responses', async () => {
    const db = await Store.at(root).read()
    const raw = JSON.parse(await dbText()) as unknown
    expect(() => upgradeDb(raw, [], 1)).toThrow(ShapeProblem)
    expect(() => upgradeDb(raw, [], 1)).toThrow(new RegExp(`version ${CURRENT_VERSION} is newer than 1`))
    expect(db.version).toBe(CURRENT_VERSION)
  })
})
