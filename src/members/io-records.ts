/**
 * The member records' edge with the disk. The records are personal data and can be 100k rows, so they stay out of
 * `db.json`: each import writes every record to `.commops/members/<MRn>.ndjson` (temp file, fsync'd first), and
 * under the store's lock the file is renamed and only then named in `db.memberRecords.snapshot`; the file it
 * replaces is swept. Beside it, `<MRn>.links.json` holds only the identities lists of the records that have two or
 * more (what joins accounts into a person), so the commands that resolve people (every metric, `members award`) read a
 * few bytes instead of scanning 100k records. Reading a member sheet: CSV in UTF-8, UTF-8 with BOM, UTF-16 or GBK, or the first sheet of an xlsx.
 */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, open, readdir, readFile, rename, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {UsageError, ValidationError} from '../errors.js'
import type {Db} from '../store/types.js'
import {decodeCsv, isEncoding, MAX_COLUMNS, headerWidth, parseCsv, RECORD_TOO_LONG, recordTooLong, type ParsedTable} from '../survey/csv.js'
import {sniffInput} from '../survey/sniff.js'
import {parseXlsx} from '../survey/xlsx.js'
import {assertConfined, batchTempOwner, isProcessAlive, readStoreFile, syncDir, tempPathFor, writeNewSynced} from '../util/fs.js'
import {lineAt, parseNdjson, storeLine} from '../util/json.js'
import {resolvePersons, type Persons} from './identity.js'
import type {MemberRecord} from './records.js'

/** `.commops/members` of a workspace. */
export const membersDir = (root: string): string => path.join(root, '.commops', 'members')

const recordsFile = (root: string, id: string) => path.join(membersDir(root), `${id}.ndjson`)
const linksFile = (root: string, id: string) => path.join(membersDir(root), `${id}.links.json`)

/** The largest member sheet read (a 100k-row sheet is a few MB). */
const MAX_INPUT_BYTES = 200 * 1024 * 1024

/** Every member record of the workspace (none before the first import). */
export async function readRecords(root: string, db: Pick<Db, 'memberRecords'>): Promise<MemberRecord[]> {
  const snapshot = db.memberRecords.snapshot
  if (!snapshot) return []
  const file = recordsFile(root, snapshot.file)
  return parseNdjson<MemberRecord>((await readStoreFile(root, file, snapshot.file)).toString('utf8'), file)
}

const NO_RECORDS: Promise<string[][]> = Promise.resolve([])

/** The identities lists of the last records file read (a records file never changes once named: a new import writes a new one). */
let lastIdentities: {file: string; hash: string; lists: Promise<string[][]>} | undefined

/**
 * The identities of every member record that has two or more (the ones that join into a person), read from the
 * records file without parsing the records' other fields; none before the first import.
 */
export function readRecordIdentities(root: string, db: Pick<Db, 'memberRecords'>): Promise<string[][]> {
  const snapshot = db.memberRecords.snapshot
  if (!snapshot) return NO_RECORDS
  const file = recordsFile(root, snapshot.file)
  if (lastIdentities?.file !== file || lastIdentities.hash !== snapshot.hash) {
    const lists = readLinks(root, snapshot.file).then((links) => links ?? readIdentities(root, file, snapshot.file))
    lastIdentities = {file, hash: snapshot.hash, lists}
    lists.catch(() => {
      if (lastIdentities?.lists === lists) lastIdentities = undefined
    })
  }
  return lastIdentities.lists
}

/** The identities lists the import wrote beside the records (undefined: a workspace imported before they were written, or a damaged file). */
async function readLinks(root: string, id: string): Promise<string[][] | undefined> {
  const file = linksFile(root, id)
  assertConfined(root, file)
  let lists: unknown
  try {
    lists = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return undefined
  }
  const valid = Array.isArray(lists) && lists.every((l) => Array.isArray(l) && l.length >= 2 && l.every((x) => typeof x === 'string'))
  return valid ? (lists as string[][]) : undefined
}

/** The identities lists of two or more, as readLinks gives them (a records file's `.links.json`). */
export const identityLists = (records: readonly MemberRecord[]): string[][] =>
  records.filter((r) => r.identities.length >= 2).map((r) => r.identities)

async function readIdentities(root: string, file: string, id: string): Promise<string[][]> {
  const text = (await readStoreFile(root, file, id)).toString('utf8')
  const out: string[][] = []
  const KEY = '"identities":['
  let start = 0
  for (let end = text.indexOf('\n'); start < text.length; end = text.indexOf('\n', start)) {
    if (end < 0) end = text.length
    if (end > start) {
      // the lines are JSON.stringify's: `"identities":[` can only be the key (a quote inside a string is escaped)
      const at = text.indexOf(KEY, start)
      const open = at >= 0 && at < end ? at + KEY.length - 1 : -1
      const [close, count] = open < 0 ? [-1, 0] : arrayEnd(text, open + 1, end)
      if (close < 0) {
        const from = start
        const ids = storeLine<MemberRecord>(text.slice(start, end), file, () => lineAt(text, from)).identities
        if ((ids?.length ?? 0) >= 2) out.push(ids)
      } else if (count >= 2) {
        const from = start
        out.push(storeLine<string[]>(text.slice(open, close + 1), file, () => lineAt(text, from)))
      }
    }
    start = end + 1
  }
  return out
}

/** The `]` closing a JSON array of strings whose content starts at `i` (before `end`) and how many strings it holds; -1 when it is not one. */
function arrayEnd(text: string, i: number, end: number): [number, number] {
  if (text[i] === ']') return [i, 0]
  for (let count = 1; ; count++) {
    if (text[i] !== '"') return [-1, 0]
    for (i++; text[i] !== '"'; i++) {
      if (i >= end) return [-1, 0]
      if (text[i] === '\\') i++
    }
    i++
    if (text[i] === ']') return [i, count]
    if (text[i] !== ',') return [-1, 0]
    i++
  }
}

/** The persons last resolved, by the links they were resolved with (as JSON) and the records' identities. */
let lastPersons: {links: string; lists: string[][]; persons: Persons} | undefined

/**
 * Who is who in a workspace: the people linked by hand (`db.memberLinks`) and the identities of its member records,
 * as resolvePersons joins them. Only the commands that resolve events or members call it: the records file is read
 * then, never by the others.
 */
export async function readPersons(root: string, db: Pick<Db, 'memberLinks' | 'memberRecords'>): Promise<Persons> {
  const lists = await readRecordIdentities(root, db)
  // read before a command's lock and again under it: the second time costs only this comparison
  const links = JSON.stringify(db.memberLinks)
  if (lastPersons?.lists === lists && lastPersons.links === links) return lastPersons.persons
  const persons = resolvePersons(db.memberLinks, lists)
  lastPersons = {links, lists, persons}
  return persons
}

/** The records' temp file, written and fsync'd outside the lock; `commit` names it under the lock. */
export class RecordsFile {
  private constructor(
    private readonly root: string,
    private readonly temp: string,
    private readonly linksTemp: string,
    readonly hash: string,
  ) {}

  static async write(root: string, records: MemberRecord[]): Promise<RecordsFile> {
    const dir = membersDir(root)
    assertConfined(root, dir)
    await mkdir(dir, {recursive: true})
    const temp = tempPathFor(path.join(dir, 'records.ndjson'))
    const handle = await open(temp, 'wx')
    const hash = createHash('sha256')
    try {
      // in chunks: one string of every line could pass the longest string an engine holds
      for (let i = 0; i < records.length; i += 10_000) {
        let chunk = ''
        for (const r of records.slice(i, i + 10_000)) chunk += `${JSON.stringify(r)}\n`
        hash.update(chunk)
        await handle.write(chunk)
      }
      await handle.sync()
    } catch (error) {
      await handle.close()
      await rm(temp, {force: true})
      throw error
    }
    await handle.close()
    const linksTemp = tempPathFor(path.join(dir, 'records.links.json'))
    try {
      await writeNewSynced(linksTemp, JSON.stringify(identityLists(records)))
    } catch (error) {
      await rm(temp, {force: true})
      await rm(linksTemp, {force: true})
      throw error
    }
    return new RecordsFile(root, temp, linksTemp, hash.digest('hex'))
  }

  /** Renames the synced temp files to `<id>.ndjson` and `<id>.links.json` and fsyncs the folder; call it under the store's lock. */
  async commit(id: string): Promise<void> {
    await rename(this.linksTemp, linksFile(this.root, id))
    await rename(this.temp, recordsFile(this.root, id))
    await syncDir(membersDir(this.root))
  }

  async discard(): Promise<void> {
    await rm(this.temp, {force: true})
    await rm(this.linksTemp, {force: true})
  }
}

/**
 * Removes what an interrupted import left (temp files of dead processes) and, when `referenced` is given (under the
 * store's lock), records files the index no longer names. Returns the names removed.
 */
export async function sweepRecords(root: string, referenced?: Set<string>): Promise<string[]> {
  const dir = membersDir(root)
  const gone: string[] = []
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const owner = batchTempOwner(name)
    const file = /^(MR\d+)\.(?:ndjson|links\.json)$/.exec(name)?.[1]
    const stale = owner !== undefined ? !isProcessAlive(owner) : referenced !== undefined && file !== undefined && !referenced.has(file)
    if (!stale) continue
    await rm(path.join(dir, name), {force: true})
    gone.push(name)
  }
  return gone
}

/** Reads a member sheet into a table: CSV in any encoding (or the one given), or the first sheet of an xlsx workbook. */
export async function readMemberTable(full: string, display: string, encoding?: string): Promise<{table: ParsedTable; encoding: string}> {
  if (!existsSync(full)) throw new UsageError({key: 'file.notFound', params: {path: display}}, {hint: {key: 'file.notFound.hint'}})
  if (encoding && !isEncoding(encoding))
    throw new UsageError({key: 'survey.ingest.badEncoding', params: {encoding}}, {hint: {key: 'survey.ingest.badEncoding.hint'}})
  const info = await stat(full)
  if (info.isDirectory())
    throw new UsageError(
      {key: 'fs.isDir', params: {path: display}},
      {code: 'input.isDir', hint: {key: 'input.isDir.hint', params: {folder: display.replace(/[\\/]+$/, ''), example: 'members.csv'}}},
    )
  const notTable = () =>
    new ValidationError(
      {key: 'members.records.notTable', params: {file: display}},
      {location: {file: display}, hint: {key: 'members.records.notTable.hint'}},
    )
  if (info.size > MAX_INPUT_BYTES) throw notTable()
  const data = await readFile(full)
  const sniffed = sniffInput(data)
  if (sniffed.kind === 'foreign') throw notTable()
  if (sniffed.kind === 'xlsx') {
    const read = await parseXlsx(data)
    if (!read.ok) throw notTable()
    return {table: read.table, encoding: 'xlsx'}
  }
  const decoded = decodeCsv(data, encoding)
  if (headerWidth(decoded.text) > MAX_COLUMNS) throw notTable()
  const table = parseCsv(decoded.text)
  const tooLong = table.problems.find((p) => p.reason.key === RECORD_TOO_LONG)
  if (tooLong) throw recordTooLong(tooLong, display)
  return {table, encoding: decoded.encoding}
}
