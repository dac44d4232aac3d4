/** The column cache beside each batch: written at import, read by the metrics, never trusted blindly. */
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {eventLine, generateEvents} from '../../scripts/lib/gen-events.mjs'
import {BLOCK, blocksOf, hash53, hash53Ascii, stringKey, typeName, type EventBlock, type PersonBlock} from '../../src/events/columns.js'
import {readEvents} from '../../src/events/io.js'
import {batchBlocks, ColumnWriter, scanEvents, type KnownTables} from '../../src/events/io-columns.js'
import {importEvents, listEvents} from '../../src/events/service.js'
import {isoAt, jsonText, KEPT} from '../../src/events/ts-text.js'
import {LatestEvents, matches, StatsCounter, type ResolvedEvent} from '../../src/events/stats.js'
import {forEachEvent, personEvents} from '../../src/events/io-lite.js'
import {ActivityTally} from '../../src/members/activity.js'
import {linkMembers} from '../../src/members/service.js'
import {computeMetrics} from '../../src/metrics/service.js'
import {tsMillis} from '../../src/metrics/zone-day.js'
import {Store} from '../../src/store/index.js'

const ZONE = 'Asia/Shanghai'
let root: string
let store: Store

/** Each event of some blocks as one comparable row. */
function rows(blocks: PersonBlock[]): string[] {
  const out: string[] = []
  for (const b of blocks)
    for (let i = 0; i < b.length; i++)
      out.push(
        [
          b.ms[i],
          typeName(b.type[i]),
          b.tables.members[b.member[i]],
          b.persons[b.member[i]],
          b.channel[i] < 0 ? '-' : b.tables.channels[b.channel[i]],
          b.topic[i] < 0 ? '-' : b.tables.topics[b.topic[i]],
          b.src[i],
          b.parent[i],
          b.personKeys[b.member[i]],
        ].join('|'),
      )
  return out
}

/** The same rows from the NDJSON, through the line reader. */
async function expected(): Promise<string[]> {
  const all: ResolvedEvent[] = []
  for await (const e of readEvents(root, await store.read())) all.push({...e})
  return rows([...blocksOf(all)])
}

/** Rows of every block as it comes (a block's arrays are reused by the next one). */
async function scanned(): Promise<string[]> {
  const out: string[] = []
  for await (const b of scanEvents(root, await store.read())) out.push(...rows([b]))
  return out
}

const cols = () => path.join(root, '.commops', 'events', 'B1.cols')
const ndjson = () => path.join(root, '.commops', 'events', 'B1.ndjson')
const ws = () => ({root, community: {timezone: ZONE, goals: []}})
const figures = async () => (await computeMetrics(ws(), store, {period: '2026-08', now: new Date('2026-12-01T00:00:00Z')})).values

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-cols-'))
  const lines: string[] = []
  for (const e of generateEvents({seed: 5, from: '2026-06-01', to: '2026-09-30', members: 1200, names: 'id', platform: 'discord'}))
    lines.push(eventLine(e))
  await writeFile(path.join(root, 'activity.ndjson'), lines.join('\n') + '\n')
  store = Store.at(root)
  await importEvents(store, {path: path.join(root, 'activity.ndjson'), display: 'activity.ndjson', zone: ZONE, now: new Date()})
  await linkMembers(store, ['discord:100003', 'discord:100004'], {now: new Date()})
}, 60_000)

describe('hash53', () => {
  it('of ASCII bytes is the hash of their string', () => {
    for (const text of ['', 'a', 'discord:1234567890', 't:42', 'x'.repeat(300)]) {
      const bytes = Buffer.from(`"${text}"`, 'latin1')
      expect(hash53Ascii(bytes, 1, bytes.length - 1)).toBe(hash53(text))
    }
    expect(hash53('a')).not.toBe(hash53('b'))
  })
})

describe('column cache', () => {
  it('reads members as bytes whose keys are the keys of their strings, escapes and all, and makes the strings when asked', async () => {
    const members = ['csv:小王', 'csv:a"b\\c', 'csv:tab\there', 'qq:*', 'discord:1', 'csv:\u2028x', 'csv:😀', 'csv:\ud800']
    const events = members.map((member, i) => ({ts: `2026-08-0${i + 1}T10:00:00+08:00`, type: 'post' as const, member, src: `x${i}`}))
    const dir = path.join(root, '.commops', 'events')
    await writeFile(path.join(dir, 'B9.ndjson'), events.map((e) => JSON.stringify(e)).join('\n') + '\n')
    const writer = await ColumnWriter.create(path.join(dir, 'B9.cols'))
    for (const e of events) writer.push(e)
    await writer.finish(path.join(dir, 'B9.ndjson'))
    const blocks: string[][] = []
    for await (const b of batchBlocks(root, {id: 'B9', events: events.length})) {
      const bytes = b.tables.memberBytes!
      expect(bytes.length).toBe(members.length)
      blocks.push(members.map((_, i) => `${bytes.key(i)} ${bytes.anonymous(i)}`))
      expect(b.tables.members).toEqual(members)
    }
    expect(blocks).toEqual([members.map((m) => `${stringKey(m)} ${m.endsWith(':*')}`)])
    expect(new Set(members.map(stringKey)).size).toBe(members.length)
    expect(stringKey('discord:1')).toBe(hash53('discord:1'))
  })

  it('is written at import and gives every event of the NDJSON, in order, with linked persons', async () => {
    const want = await expected()
    expect(want.length).toBeGreaterThan(BLOCK) // more than one block
    expect((await stat(cols())).size).toBeGreaterThan(0)
    const got = await scanned()
    expect(got).toEqual(want)
    // spot-check one row by hand against its line
    const first = JSON.parse((await readFile(ndjson(), 'utf8')).split('\n')[0]) as ResolvedEvent
    expect(got[0].split('|').slice(0, 3)).toEqual([String(tsMillis(first.ts)), first.type, first.member])
    expect(got[0].split('|')[6]).toBe(String(hash53(first.src)))
    expect(got.some((r) => r.split('|')[3] === 'P1')).toBe(true)
    // topics are kept as their hash only (the cache holds no topic text)
    const topical = JSON.parse((await readFile(ndjson(), 'utf8')).split('\n').find((l) => l.includes('"topic"'))!) as ResolvedEvent
    expect(got.some((r) => r.split('|')[5] === String(hash53(topical.topic!)))).toBe(true)
    expect((await readFile(cols())).includes(Buffer.from(`"${topical.topic}"`))).toBe(false)
  })

  it('reads the next block while the caller works on one, never over it; a caller that stops early leaves the cache whole', async () => {
    const want = await expected()
    const out: string[] = []
    let texts = 0
    for await (const b of scanEvents(root, await store.read(), undefined, true)) {
      // the next block's read is under way: it ends meanwhile, into the other buffers
      await new Promise((resolve) => setTimeout(resolve, 5))
      out.push(...rows([b]))
      texts += b.text!.ends.length
    }
    expect(out).toEqual(want)
    expect(texts).toBe(2 * want.length)
    for await (const b of batchBlocks(root, {id: 'B1', events: want.length}, undefined, true)) {
      expect(b.length).toBe(BLOCK)
      break
    }
    const before = await readFile(cols())
    expect(await scanned()).toEqual(want)
    expect(Buffer.compare(await readFile(cols()), before)).toBe(0)
  })

  it('is rebuilt when missing, with the same bytes as at import and the same figures', async () => {
    const before = await readFile(cols())
    const want = await figures()
    await rm(cols())
    expect(await figures()).toEqual(want)
    expect(Buffer.compare(await readFile(cols()), before)).toBe(0)
    // the blocks read while it is rebuilt are those of the NDJSON
    const rowsWanted = await expected()
    await rm(cols())
    expect(await scanned()).toEqual(rowsWanted)
    expect(Buffer.compare(await readFile(cols()), before)).toBe(0)
  })

  it('is rebuilt from an NDJSON of any line shape as the line reader reads it: CRLF, blank lines, long lines, multi-byte text, no last newline', async () => {
    const lines = (await readFile(ndjson(), 'utf8')).trimEnd().split('\n')
    // a line far longer than a read, a member and topic in several UTF-8 bytes each (split between reads somewhere)
    const long = JSON.parse(lines[5]) as Record<string, unknown>
    lines[5] = JSON.stringify({...long, note: '长'.repeat(30_000)})
    for (let i = 10; i < lines.length; i += 97) lines[i] = JSON.stringify({...JSON.parse(lines[i]), member: 'discord:小王', topic: '话题ü'})
    const text = lines
      .map((l, i) => (i % 3 === 0 ? `${l}\r\n` : i % 7 === 0 ? `${l}\n\n` : `${l}\n`))
      .join('')
      .trimEnd()
    await writeFile(ndjson(), text)
    await rm(cols())
    const want = await expected()
    expect(await scanned()).toEqual(want) // rebuilt on the way
    const rebuilt = await readFile(cols())
    expect(await scanned()).toEqual(want) // from the cache
    // a damaged second block: the rest from the NDJSON, its first lines skipped
    const bad = Buffer.from(rebuilt)
    bad[16 + 37 * BLOCK + rebuilt.readUInt32LE(8) + 16 + 100] ^= 0x5a
    await writeFile(cols(), bad)
    expect(await scanned()).toEqual(want)
  })

  it('a damaged block, tables or trailer, or another version, falls back to the NDJSON', async () => {
    const want = await expected()
    const good = await readFile(cols())
    const damage = async (at: number) => {
      const bad = Buffer.from(good)
      bad[at] ^= 0x5a
      await writeFile(cols(), bad)
    }
    // a byte in the second block (after the first's body and text): the first block from the cache, the rest from the
    // NDJSON; the cache goes
    await damage(16 + 37 * BLOCK + good.readUInt32LE(8) + 16 + 100)
    expect(await scanned()).toEqual(want)
    // the topics' hashes (where the tables start), the members (just before the trailer), the version in the trailer
    for (const at of [good.readDoubleLE(good.length - 64 + 32), good.length - 64 - 3, good.length - 64 + 8]) {
      await damage(at)
      expect(await scanned()).toEqual(want)
      expect(Buffer.compare(await readFile(cols()), good)).toBe(0) // rebuilt
    }
    // cut short
    await writeFile(cols(), good.subarray(0, good.length - 1000))
    expect(await scanned()).toEqual(want)
  })

  it('tables spelled otherwise than the writer spells them are not used, even with a good checksum: the NDJSON is read', async () => {
    const want = await expected()
    const good = await readFile(cols())
    const t = good.length - 64 // the trailer
    const tablesAt = good.readDoubleLE(t + 32)
    const topicBytes = good.readUInt32LE(t + 60) * 8
    const jsonAt = tablesAt + topicBytes
    const {members, channels} = JSON.parse(good.toString('utf8', jsonAt, t)) as {members: string[]; channels: string[]}
    // the same tables as valid JSON of the same length, keys the other way round, with its checksum (FNV-1a, as written)
    const respelled = Buffer.from(JSON.stringify({channels, members}))
    expect(respelled.length).toBe(t - jsonAt)
    const bad = Buffer.from(good)
    respelled.copy(bad, jsonAt)
    let h = 0x811c9dc5
    for (const byte of bad.subarray(tablesAt, t)) h = Math.imul(h ^ byte, 0x01000193)
    expect(h >>> 0).not.toBe(good.readUInt32LE(t + 28))
    bad.writeUInt32LE(h >>> 0, t + 28)
    await writeFile(cols(), bad)
    expect(await scanned()).toEqual(want)
    expect(Buffer.compare(await readFile(cols()), good)).toBe(0) // rebuilt as the writer spells it
  })

  it('read again with the tables of the first read, gives the same rows and parses no table again', async () => {
    const known: KnownTables = new Map()
    const read = async () => {
      const tables = new Set<PersonBlock['tables']>()
      const out: string[] = []
      for await (const b of scanEvents(root, await store.read(), known)) {
        tables.add(b.tables)
        out.push(...rows([b]))
      }
      return {tables, out}
    }
    const first = await read()
    const second = await read()
    expect(second.out).toEqual(first.out)
    expect(second.out).toEqual(await expected())
    expect([...second.tables]).toEqual([...first.tables])
    expect(second.tables.values().next().value).toBe(first.tables.values().next().value)
    // other tables under the same batch id (the cache rebuilt from a changed NDJSON) are read, not taken from before
    const text = await readFile(ndjson(), 'utf8')
    await writeFile(ndjson(), text.replace('"discord:', '"qq:'))
    await rm(cols())
    await scanned() // rebuilds the cache
    const third = await read()
    expect(third.tables.values().next().value).not.toBe(first.tables.values().next().value)
    expect(third.out).toEqual(await expected())
  })

  it('a cache that is not of its NDJSON (changed under it) is not used', async () => {
    const text = await readFile(ndjson(), 'utf8')
    const lines = text.trimEnd().split('\n')
    const last = JSON.parse(lines.at(-1)!) as ResolvedEvent
    // same length, another member: only the NDJSON says so
    const other = last.member.replace(/\d$/, (d) => String((Number(d) + 1) % 10))
    lines[lines.length - 1] = lines.at(-1)!.replace(`"${last.member}"`, `"${other}"`)
    await writeFile(ndjson(), lines.join('\n') + '\n')
    const got = await scanned()
    expect(got.at(-1)!.split('|')[2]).toBe(other)
    expect(got).toEqual(await expected())
  })

  /** Each event's ts and src as a block's text gives them back (JSON string contents), and whether its ts was kept. */
  const texts = (b: EventBlock): string[] => {
    const out: string[] = []
    const t = b.text!
    const scratch = Buffer.alloc(25)
    for (let i = 0; i < b.length; i++) {
      const start = i === 0 ? 0 : t.ends[2 * i - 1]
      const kept = t.offset[i] === KEPT
      const ts = kept
        ? Buffer.from(t.bytes.subarray(start, t.ends[2 * i])).toString()
        : scratch.toString('latin1', 0, isoAt(b.ms, i, t.offset[i], scratch, 0))
      out.push(`${ts}|${Buffer.from(t.bytes.subarray(t.ends[2 * i], t.ends[2 * i + 1])).toString()}|${kept}`)
    }
    return out
  }
  const textsOf = async (id = 'B1', events?: number): Promise<string[]> => {
    const out: string[] = []
    const batch = (await store.read()).eventBatches.find((x) => x.id === id) ?? {id, events: events!}
    for await (const b of batchBlocks(root, batch, undefined, true)) out.push(...texts(b))
    return out
  }
  /** The same from the lines of the NDJSON: a ts is kept unless it is the canonical spelling of a whole second. */
  const linesOf = async (file = ndjson()): Promise<string[]> =>
    (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as ResolvedEvent)
      .map((e) => {
        const ms = tsMillis(e.ts)
        const offset = /[+-]\d\d:\d\d$/.test(e.ts) ? (e.ts.at(-6) === '-' ? -1 : 1) * (Number(e.ts.slice(-5, -3)) * 60 + Number(e.ts.slice(-2))) : 0
        const written = Number.isFinite(ms) ? new Date(ms + offset * 60_000).toISOString().slice(0, 19) + e.ts.slice(-6) : ''
        const canonical = e.ts.length === 25 && ms % 1000 === 0 && written === e.ts
        return `${jsonText(e.ts).toString()}|${jsonText(e.src).toString()}|${!canonical}`
      })

  it('keeps each event’s ts and src for a reader that asks (the points ledger), whatever they hold; a canonical ts as its offset', async () => {
    const odd = [
      {ts: '2026-08-01T10:00:00+08:00', src: 'plain'},
      {ts: '2026-08-01T10:00:00.250+08:00', src: 'qq:引号"和\\反斜杠'},
      {ts: '2026-08-01T02:00:00Z', src: 'qq:😀\u0001\ud800'},
      {ts: '2026-08-01T10:00:00-03:30', src: 'x'.repeat(70_000)},
      {ts: '2026-08-01T24:00:00+08:00', src: 'not a time of day'},
      {ts: '1969-12-31T23:59:59+00:00', src: 'before 1970'},
    ].map((e, i) => ({...e, type: 'post' as const, member: `qq:${i}`}))
    const dir = path.join(root, '.commops', 'events')
    await writeFile(path.join(dir, 'B9.ndjson'), odd.map((e) => JSON.stringify(e)).join('\n') + '\n')
    const writer = await ColumnWriter.create(path.join(dir, 'B9.cols'))
    for (const e of odd) writer.push(e, tsMillis(e.ts))
    await writer.finish(path.join(dir, 'B9.ndjson'))
    const got = await textsOf('B9', odd.length)
    expect(got).toEqual(await linesOf(path.join(dir, 'B9.ndjson')))
    expect(got.map((r) => r.endsWith('|false'))).toEqual([true, false, false, true, false, true])
    // the generated batch, several blocks, as imported
    const want = await linesOf()
    expect(want.length).toBeGreaterThan(BLOCK)
    expect(await textsOf()).toEqual(want)
    // a reader that does not ask gets no text
    for await (const b of scanEvents(root, await store.read())) expect(b.text).toBeUndefined()
  })

  it('a damaged text, or one that is not JSON string contents (with a good checksum), is not used: the NDJSON is read', async () => {
    const want = await linesOf()
    const good = await readFile(cols())
    const textAt = 16 + 37 * BLOCK
    // a byte of the first block's src bytes
    const bad = Buffer.from(good)
    const bytesAt = textAt + 2 * BLOCK + 8 * BLOCK
    // a digit of the first src (`gen:5:0`)
    const digitAt = bytesAt + good.subarray(bytesAt, bytesAt + 8).findIndex((c) => c >= 0x30 && c <= 0x39)
    bad[digitAt] ^= 0x01
    await writeFile(cols(), bad)
    expect(await textsOf()).toEqual(want)
    expect(await stat(cols()).catch(() => undefined)).toBeUndefined() // the cache goes, to be made again
    expect(await scanned()).toEqual(await expected())
    expect(Buffer.compare(await readFile(cols()), good)).toBe(0)
    // with the text's checksum made again (FNV-1a over words, seeded with the event count, as written): another digit
    // in a src is used as it is (the checksum is right), a quote is not (the NDJSON is read)
    const size = good.readUInt32LE(8)
    const withByte = (byte: number): Buffer => {
      const crafted = Buffer.from(good)
      crafted[digitAt] = byte
      const words = new Uint32Array(crafted.buffer.slice(crafted.byteOffset + textAt, crafted.byteOffset + textAt + size))
      let h = BLOCK
      for (const w of words) h = Math.imul(h ^ w, 0x01000193)
      crafted.writeUInt32LE(h >>> 0, 12)
      return crafted
    }
    expect(digitAt).toBeGreaterThan(bytesAt)
    const digit = good[digitAt] === 0x37 ? 0x38 : 0x37
    await writeFile(cols(), withByte(digit))
    const edited = await textsOf()
    expect(edited).not.toEqual(want)
    expect(edited.filter((r, i) => r !== want[i])).toHaveLength(1)
    await writeFile(cols(), withByte(0x22))
    expect(await textsOf()).toEqual(want)
  })

  it('gives one person’s events (ts and src as the batch spells them) as the lines do, linked identities together', async () => {
    const dir = path.join(root, '.commops', 'events')
    const odd = [
      {ts: '2026-08-01T10:00:00.250+08:00', type: 'post', member: 'discord:100003', src: 'qq:引号"和\\反斜杠'},
      {ts: '2026-08-01T02:00:00Z', type: 'reply', member: 'discord:100004', src: 'x😀\u0001'},
    ]
    await writeFile(ndjson(), (await readFile(ndjson(), 'utf8')) + odd.map((e) => JSON.stringify(e)).join('\n') + '\n')
    await rm(path.join(dir, 'B1.cols'))
    const db = await store.read()
    db.eventBatches[0].events += odd.length
    const lines = async (person: string) => {
      const out: object[] = []
      for await (const e of readEvents(root, db)) if (e.person === person) out.push({ts: e.ts, type: e.type, member: e.member, src: e.src, person})
      return out
    }
    // P1 links discord:100003 and discord:100004; another member alone
    for (const person of ['P1', 'discord:100010', 'nobody']) {
      const want = await lines(person)
      expect(await personEvents(root, db, person)).toEqual(want)
      if (person === 'P1') expect(want.slice(-2)).toEqual(odd.map((e) => ({...e, person})))
    }
    // every member's activity, as the lines give it
    const fromLines = new ActivityTally([20_600, 20_700], {types: true})
    for await (const e of readEvents(root, db)) fromLines.add(e)
    const fromCache = new ActivityTally([20_600, 20_700], {types: true})
    expect(await forEachEvent(root, db, (e) => fromCache.add(e), {named: true})).toBe(true)
    const all = (t: ActivityTally) => [...t.keys()].sort().map((k) => [k, t.get(k), t.types!.get(k)])
    expect(all(fromCache)).toEqual(all(fromLines))
    expect(fromCache.get('P1').firstSeen).toBeDefined()
    // and the counts of events stats (channels and anonymous events too)
    const viaLines = new StatsCounter()
    for await (const e of readEvents(root, db)) viaLines.add(e)
    const viaCache = new StatsCounter()
    expect(await forEachEvent(root, db, (e) => viaCache.add(e), {channel: true})).toBe(true)
    expect(viaCache.result()).toEqual(viaLines.result())
    expect(Object.keys(viaLines.result().byChannel).length).toBeGreaterThan(1)
  })

  it('lists the latest events found in the cache, only their lines parsed, as reading every line lists them', async () => {
    const db = await store.read()
    const persons = new Map([
      ['discord:100003', 'P1'],
      ['discord:100004', 'P1'],
    ])
    for (const request of [
      {last: 20},
      {last: 5, type: 'answer' as const},
      {last: 3, member: 'P1'},
      {last: 7, channel: 'critique', since: '2026-08-01', until: '2026-08-02'},
      {last: 100_000},
    ]) {
      const latest = new LatestEvents(request.last)
      const person = request.member
      const bounds = (day: string | undefined, end: boolean) =>
        day === undefined ? undefined : Date.parse(`${day}T${end ? '23:59:59.999' : '00:00:00'}+08:00`)
      const filter = {type: request.type, channel: request.channel, person, since: bounds(request.since, false), until: bounds(request.until, true)}
      for await (const e of readEvents(root, db))
        if (matches({...e, person: persons.get(e.member) ?? e.member}, filter)) latest.add({...e, person: persons.get(e.member) ?? e.member})
      const got = await listEvents(store, {...request, zone: ZONE})
      expect(got.matched).toBe(latest.total)
      expect(got.events).toEqual(latest.result())
    }
  })
})
