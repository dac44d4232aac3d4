/** Identity links a user can make: `members link` and `members unlink`. */
import {StoreError, UsageError, ValidationError} from '../errors.js'
import {readEvents} from '../events/io.js'
import {scanEvents} from '../events/io-columns.js'
import {fromEvents, personEvents} from '../events/io-lite.js'
import type {ResolvedEvent} from '../events/stats.js'
import {importedDays, type Person} from '../events/types.js'
import {dayDate, dayNumber, latestMonthOutside, resolvePeriods} from '../metrics/period.js'
import type {Incident} from '../rules/types.js'
import {nextId, type Db, type Store, type Task} from '../store/index.js'
import {readResponses} from '../survey/io-responses.js'
import type {SurveyResponse} from '../survey/types.js'
import {dateIn} from '../util/dates.js'
import {randomHex} from '../util/hash.js'
import {ActivityTally, ColumnActivity, summarizeActivity, type ActivitySummary, type ActivityView} from './activity.js'
import {allContributors, exportCsv, exportRows, type ExportFormat} from './export.js'
import {personIndex, planLink, planUnlink, resolvePersons, type Persons} from './identity.js'
import {readMemberTable, readRecords, RecordsFile, sweepRecords} from './io-records.js'
import {
  canonicalField,
  mapRecordColumns,
  mergeRecords,
  parseRecordMap,
  presentFields,
  readRecordRow,
  type MemberRecord,
  type RecordColumn,
  type RecordRow,
  type RejectedRecordRow,
} from './records.js'
import {
  findMember,
  joinedOf,
  knownFields,
  matchesFilter,
  memberId,
  memberRows,
  parseWhere,
  firstRows,
  SORTS,
  type MemberExtras,
  type MemberRow,
  type MemberSort,
} from './records-view.js'
import {buildSegments, SMALL_SEGMENT, type SegmentTable, type SurveyJoin} from './segments.js'

/** Joins identities into one person (merging people that already hold any of them); returns that person. */
export async function linkMembers(store: Store, identities: string[], o: {now: Date}): Promise<Person> {
  const now = o.now.toISOString()
  planLink([], identities, {nextId: () => 'P0', now}) // refuse bad input before taking the lock
  return store.update((db) => {
    const plan = planLink(db.memberLinks, identities, {nextId: () => nextId(db, 'P'), now})
    db.memberLinks = plan.people
    return structuredClone(plan.person)
  })
}

/**
 * Takes identities out of their person; returns the identities that were linked. An identity joined to others by a
 * member record (a sheet row with several platform ids) is taken off that record too (a record keeps at least its
 * first identity), so it counts as its own person again; a later import of a sheet that still lists it joins it back.
 */
export async function unlinkMembers(store: Store, identities: string[]): Promise<string[]> {
  planUnlink([], identities)
  const ids = new Set(identities)
  const snapshot = await store.read()
  const records = await readRecords(store.root, snapshot)
  const detached: string[] = []
  const next = records.map((r) => {
    if (r.identities.length < 2 || !r.identities.some((i) => ids.has(i))) return r
    detached.push(...r.identities.filter((i) => ids.has(i)))
    const kept = r.identities.filter((i) => !ids.has(i))
    return {...r, identities: kept.length > 0 ? kept : [r.identities[0]]}
  })
  return withRecords(store, snapshot, detached.length > 0 ? next : undefined, {}, (db) => {
    const plan = planUnlink(db.memberLinks, identities)
    db.memberLinks = plan.people
    return [...new Set([...plan.removed, ...detached])].sort()
  })
}

/**
 * One store update applying `change`, and with `records` the new records file in the same update: written before the
 * lock, committed under it, refused when another import committed records since `snapshot` was read (they would be
 * lost), discarded if the update does not happen. `importedAt`: a new import's time (default: the snapshot's own).
 */
async function withRecords<T>(
  store: Store,
  snapshot: Db,
  records: MemberRecord[] | undefined,
  o: {importedAt?: string},
  change: (db: Db) => T,
): Promise<T> {
  const file = records && (await RecordsFile.write(store.root, records))
  let committed = false
  try {
    return await store.update(async (db) => {
      if (file && records) {
        if (db.memberRecords.snapshot?.file !== snapshot.memberRecords.snapshot?.file)
          throw new StoreError({key: 'members.records.concurrent'}, {hint: {key: 'members.records.rerun'}})
        const id = nextId(db, 'MR')
        await file.commit(id)
        committed = true
        const importedAt = o.importedAt ?? db.memberRecords.snapshot!.importedAt
        db.memberRecords.snapshot = {file: id, count: records.length, hash: file.hash, importedAt}
        await sweepRecords(store.root, new Set([id]))
      }
      return change(db)
    })
  } finally {
    if (file && !committed) await file.discard()
  }
}

// ── member records: import, list, show, segments, export ─────────────────────────────────────────────────────────

/** A member sheet as the user named it. */
export interface MemberFile {
  full: string
  display: string
}

export interface ImportMembersRequest {
  file: MemberFile
  /** `--map "昵称=name,QQ=qq"` (repeatable). */
  maps?: string[]
  encoding?: string
  now: Date
  dryRun?: boolean
}

export interface ImportMembersResult {
  file: string
  encoding: string
  rows: number
  added: number
  updated: number
  unchanged: number
  rejected: RejectedRecordRow[]
  /** Records whose identities were linked into one person. */
  links: number
  /** Records kept after the import. */
  total: number
  columns: RecordColumn[]
  dryRun: boolean
}

/**
 * `members import`: reads and merges the sheet before taking the lock (a dry run stops there), writes every record to
 * a new records file, then under the lock renames it, names it in the index, sweeps the old one and links the
 * identities of records that have several.
 */
export async function importMembers(store: Store, request: ImportMembersRequest): Promise<ImportMembersResult> {
  const map = parseRecordMap(request.maps ?? [])
  const {display} = request.file
  const {table, encoding} = await readMemberTable(request.file.full, display, request.encoding)
  const {columns, unknown} = mapRecordColumns(table.header, map)
  if (unknown.length)
    throw new UsageError(
      {key: 'members.records.unknownColumn', params: {columns: unknown.join(', ')}},
      {hint: {key: 'members.records.unknownColumn.hint', params: {columns: table.header.join(', ')}}},
    )
  if (!columns.some((c) => 'platform' in c.target || ('field' in c.target && (c.target.field === 'id' || c.target.field === 'ids'))))
    throw new ValidationError(
      {key: 'members.records.noKeyColumn', params: {file: display}},
      {
        location: {file: display, line: table.headerLine},
        hint: {key: 'members.records.noKeyColumn.hint', params: {columns: table.header.join(', ')}},
      },
    )
  const rejected: RejectedRecordRow[] = table.problems.map((p) => ({line: p.line, reason: p.reason}))
  const rows: RecordRow[] = []
  for (const r of table.rows) {
    const read = readRecordRow(r.line, r.cells, columns)
    if ('row' in read) rows.push(read.row)
    else rejected.push(read.reject)
  }
  const snapshot = await store.read()
  const now = request.now.toISOString()
  const kept = await readRecords(store.root, snapshot)
  const merged = mergeRecords(kept, rows, presentFields(columns), now)
  rejected.push(...merged.rejected)
  rejected.sort((a, b) => a.line - b.line)
  const touched = new Set(merged.outcomes.map((o) => o.id))
  // a record's identities are one person read from the records file (resolvePersons): nothing to link in db.json
  const before = personIndex(
    snapshot.memberLinks,
    kept.map((r) => r.identities),
  )
  const links = merged.records.filter((r) => touched.has(r.id) && new Set(r.identities.map((i) => before.get(i) ?? i)).size > 1).length
  const result: ImportMembersResult = {
    file: display,
    encoding,
    rows: table.rows.length + table.problems.length,
    added: merged.added,
    updated: merged.updated,
    unchanged: merged.unchanged,
    rejected,
    links,
    total: merged.records.length,
    columns,
    dryRun: request.dryRun === true,
  }
  if (request.dryRun || merged.added + merged.updated === 0) return result
  await sweepRecords(store.root)
  await withRecords(store, snapshot, merged.records, {importedAt: now}, () => undefined)
  return result
}

/** What list, show, segments and export start from: the records, the links, and every member's activity. */
interface Loaded {
  db: Db
  records: MemberRecord[]
  rows: MemberRow[]
  tally: ActivityView & {types?: ActivityTally['types']}
  today: string
}

/** Who is who, from the records already read (rather than reading their file again). */
const personsOf = (db: Db, records: MemberRecord[]): Persons =>
  resolvePersons(
    db.memberLinks,
    records.map((r) => r.identities),
  )

async function loadMembers(
  store: Pick<Store, 'root' | 'read'>,
  o: {zone: string; now: Date; window?: [number, number]; types?: boolean; extras?: MemberExtras},
): Promise<Loaded> {
  const db = await store.read()
  const today = dateIn(o.now, o.zone)
  const t = dayNumber(today)
  // the records after the events and the extras' ledger are read: only the tallies are held meanwhile (~50 MB less at 1M events)
  const tally = await tallyActivity(store.root, db, o.window ?? [t - 29, t], o.types, o.extras?.scan)
  const records = await readRecords(store.root, db)
  const persons = personsOf(db, records)
  return {db, records, rows: memberRows(records, persons, tally, o.extras), tally, today}
}

/**
 * Every member's activity over `window`: in numbers from the column cache (ColumnActivity), else (a ts that is not
 * canonical, a type the cache does not name, or the events by type asked for) from the events as text. The blocks
 * read go to `also` too (the extras' levels), made ready once the scan is done.
 */
async function tallyActivity(
  root: string,
  db: Db,
  window: [number, number],
  types?: boolean,
  also?: MemberExtras['scan'],
): Promise<ActivityView & {types?: ActivityTally['types']}> {
  if (!types) {
    const columns = new ColumnActivity(window)
    let whole = true
    for await (const b of scanEvents(root, db, undefined, true)) {
      if (!columns.addBlock(b)) {
        whole = false
        break
      }
      also?.addBlock(b)
    }
    await also?.ready(whole)
    if (whole) return columns
  } else await also?.ready(false)
  // the tally leaves out `platform:*` events before it reads their ts
  return fromEvents(root, db, () => new ActivityTally(window, {types}), {named: true})
}

function checkFields(fields: string[], known: string[]): void {
  const bad = fields.filter((f) => !known.includes(f))
  if (bad.length)
    throw new UsageError(
      {key: 'members.records.unknownField', params: {fields: bad.join(', ')}},
      {hint: {key: 'members.records.unknownField.hint', params: {fields: known.join(', ')}}},
    )
}

export interface ListMembersRequest {
  zone: string
  now: Date
  locale: string
  sort?: MemberSort
  /** `field=value`, all must hold (`--region 上海` is `region=上海`, `--tag x` is `tags=x`). */
  where?: string[]
  limit?: number
  extras?: MemberExtras
}

/** One member in a list or an export: the record's fields, every identity, and the activity columns. */
export interface MemberItem {
  id: string
  key: string
  name?: string
  identities: string[]
  joined?: string
  region?: string
  occupation?: string
  tags?: string[]
  firstSeen?: string
  lastSeen?: string
  interactions: number
  interactions30d: number
  extras?: Record<string, string | number | undefined>
}

const item = (r: MemberRow): MemberItem => ({
  id: memberId(r),
  key: r.key,
  ...(r.record?.name !== undefined ? {name: r.record.name} : {}),
  identities: r.identities,
  ...(joinedOf(r) !== undefined ? {joined: joinedOf(r)} : {}),
  ...(r.record?.region !== undefined ? {region: r.record.region} : {}),
  ...(r.record?.occupation !== undefined ? {occupation: r.record.occupation} : {}),
  ...(r.record?.tags ? {tags: r.record.tags} : {}),
  ...(r.activity.firstSeen ? {firstSeen: r.activity.firstSeen} : {}),
  ...(r.activity.lastSeen ? {lastSeen: r.activity.lastSeen} : {}),
  interactions: r.activity.interactions,
  interactions30d: r.activity.recent,
  ...(r.extras ? {extras: r.extras} : {}),
})

/** `members list`: the members that pass the filter, sorted, the first `limit`; and how many there are. */
export async function listMembers(
  store: Store,
  request: ListMembersRequest,
): Promise<{members: MemberItem[]; matched: number; total: number; latestMonth?: string}> {
  const where = parseWhere(request.where ?? [])
  const sort = request.sort ?? 'name'
  if (!(SORTS as readonly string[]).includes(sort) && !request.extras?.fields.includes(sort))
    throw new UsageError(
      {key: 'members.records.badSort', params: {sort}},
      {hint: {key: 'members.records.badSort.hint', params: {sorts: [...SORTS, ...(request.extras?.fields ?? [])].join(', ')}}},
    )
  const {db, rows, records, today} = await loadMembers(store, request)
  checkFields(
    where.map((w) => w.field),
    [...knownFields(records, request.extras), 'key'],
  )
  const matched = where.length ? rows.filter((r) => matchesFilter(r, {where})) : rows
  const first = firstRows(matched, sort, request.locale, request.limit ?? matched.length)
  // levels and the 30 days' interactions are today's: with no events in those days, the month of the latest ones
  const latestMonth = latestMonthOutside(today, 30, importedDays(db.eventBatches))
  return {
    members: first.map(item),
    matched: matched.length,
    total: rows.length,
    ...(latestMonth ? {latestMonth} : {}),
  }
}

export interface MemberProfile extends MemberItem {
  record?: MemberRecord
  activity: ActivitySummary
  incidents: Incident[]
  tasks: Task[]
}

/**
 * `members show`: one member by identity, person id, record id or exact name: the record, every identity, the
 * activity summary from their events, incidents naming any of their identities (or their id or name) and the tasks
 * owned by or assigned to them by name.
 */
export async function showMember(store: Store, request: {ref: string; zone: string; now: Date; extras?: MemberExtras}): Promise<MemberProfile> {
  // one member's events are read, not every block: the extras read what they need themselves
  await request.extras?.scan?.ready(false)
  const db = await store.read()
  const today = dateIn(request.now, request.zone)
  const records = await readRecords(store.root, db)
  const persons = personsOf(db, records)
  const empty = {keys: () => [], get: () => ({interactions: 0, recent: 0})}
  const found = findMember(memberRows(records, persons, empty), request.ref)
  const key =
    found?.key ?? persons.index.get(request.ref) ?? (db.memberLinks.some((p) => p.id === request.ref) ? request.ref : undefined) ?? request.ref
  const events: ResolvedEvent[] = []
  const t = dayNumber(today)
  const tally = new ActivityTally([t - 29, t])
  const add = (e: ResolvedEvent) => {
    events.push(e)
    tally.add(e)
  }
  const own = await personEvents(store.root, db, key)
  if (own) own.forEach(add)
  else for await (const e of readEvents(store.root, db, persons.index)) if (e.person === key) add(e)
  if (!found && events.length === 0)
    throw new UsageError({key: 'members.records.notFound', params: {ref: request.ref}}, {hint: {key: 'members.records.notFound.hint'}})
  const row = memberRows(found?.record ? [found.record] : [], persons, tally, request.extras).find((r) => r.key === key)!
  const names = new Set([...row.identities, memberId(row), ...(row.record?.name ? [row.record.name] : [])])
  const owner = row.record?.name
  return {
    ...item(row),
    ...(row.record ? {record: row.record} : {}),
    activity: summarizeActivity(events, today),
    incidents: db.incidents.filter((i) => names.has(i.member)),
    tasks: owner === undefined ? [] : db.tasks.filter((task) => task.owner === owner || task.assignee === owner),
  }
}

export interface SegmentsRequest {
  by: string[]
  zone: string
  now: Date
  /** A period as `metrics --period` takes it; default: the 30 days ending today. */
  period?: string
  /** A custom period instead (`YYYY-MM-DD`, both days included), as `metrics --from/--to` reads it. */
  from?: string
  to?: string
  extras?: MemberExtras
}

/** The survey whose responses were last ingested among those with a member column, its responses by member key. */
async function latestSurvey(store: Pick<Store, 'root'>, db: Db, rows: MemberRow[]): Promise<(SurveyJoin & {id: string}) | undefined> {
  const latest = new Map<string, string>()
  for (const b of db.responseBatches) if ((latest.get(b.survey) ?? '') < b.ingestedAt) latest.set(b.survey, b.ingestedAt)
  const lookup = new Map<string, string>()
  for (const r of rows) {
    for (const i of r.identities) lookup.set(i, r.key)
    lookup.set(r.key, r.key)
    if (r.record) lookup.set(r.record.id, r.key)
  }
  for (const [id] of [...latest].sort((a, b) => b[1].localeCompare(a[1]))) {
    const survey = db.surveys[id]
    if (!survey) continue
    const responses = (await readResponses(store.root, db, id)).filter((r) => r.member !== undefined)
    if (responses.length === 0) continue
    const byKey = new Map<string, SurveyResponse[]>()
    for (const r of responses) {
      const key = lookup.get(r.member!)
      if (key === undefined) continue
      let list = byKey.get(key)
      if (!list) byKey.set(key, (list = []))
      list.push(r)
    }
    return {id, doc: survey.doc, byKey}
  }
  return undefined
}

/** `members segments`: persona tables by the fields of `by`, over a period (activity) with D30 retention and the latest survey. */
/** What segment tables are made from: every member's row over a period's window, and the latest survey joined to them. */
export interface SegmentsSource {
  rows: MemberRow[]
  records: MemberRecord[]
  window: [number, number]
  survey?: SurveyJoin & {id: string}
  extras?: MemberExtras
  /** The month of the latest events imported, when the window holds none of them. */
  latestMonth?: string
}

/** Reads the members and their activity over the request's period once, for as many segment tables as wanted. */
export async function segmentsSource(store: Pick<Store, 'root' | 'read'>, request: Omit<SegmentsRequest, 'by'>): Promise<SegmentsSource> {
  const today = dateIn(request.now, request.zone)
  const period =
    request.period || request.from ? resolvePeriods({period: request.period, from: request.from, to: request.to}, today, request.zone)[0] : undefined
  const window: [number, number] = period ? [dayNumber(period.from), dayNumber(period.to)] : [dayNumber(today) - 29, dayNumber(today)]
  const {db, rows, records} = await loadMembers(store, {...request, window})
  const survey = await latestSurvey(store, db, rows)
  const latestMonth = latestMonthOutside(dayDate(window[1]), window[1] - window[0] + 1, importedDays(db.eventBatches))
  return {
    rows,
    records,
    window,
    ...(survey ? {survey} : {}),
    ...(request.extras ? {extras: request.extras} : {}),
    ...(latestMonth ? {latestMonth} : {}),
  }
}

/** The segment table of members by `by` (fields checked: a usage error names the unknown ones). */
export function segmentTable(
  source: SegmentsSource,
  byFields: string[],
): SegmentTable & {from: string; to: string; survey?: string; smallBelow: number; latestMonth?: string} {
  const {rows, records, window, survey, extras, latestMonth} = source
  const by = byFields.map((f) => (knownFields(records, extras).includes(f) ? f : canonicalField(f)))
  checkFields(by, knownFields(records, extras))
  const absent = extras?.absent?.bind(extras)
  const table = buildSegments(rows, by, {period: window, survey, ...(absent ? {absent: (r, f) => absent(r.key, f)} : {})})
  return {
    ...table,
    from: dayDate(window[0]),
    to: dayDate(window[1]),
    ...(survey ? {survey: survey.id} : {}),
    smallBelow: SMALL_SEGMENT,
    ...(latestMonth ? {latestMonth} : {}),
  }
}

export async function memberSegments(store: Pick<Store, 'root' | 'read'>, request: SegmentsRequest): Promise<ReturnType<typeof segmentTable>> {
  return segmentTable(await segmentsSource(store, request), request.by)
}

export interface ExportMembersRequest {
  format: ExportFormat
  fields: string[]
  anonymize?: boolean
  zone: string
  now: Date
  projectName: string
  extras?: MemberExtras
}

/** `members export`: the text of the export (the caller writes it). An anonymized export makes the workspace's secret on first use. */
export async function exportMembers(store: Store, request: ExportMembersRequest): Promise<{text: string; count: number}> {
  const {rows, records, db, tally} = await loadMembers(store, {...request, types: request.format === 'all-contributors'})
  const known = [...knownFields(records, request.extras), 'key']
  const fields = request.fields.map((f) => (known.includes(f) ? f : canonicalField(f)))
  if (request.format !== 'all-contributors') checkFields(fields, known)
  let salt = db.memberRecords.salt
  if (request.anonymize && salt === undefined) salt = await store.update((fresh) => (fresh.memberRecords.salt ??= randomHex(32)))
  const o = request.anonymize ? {salt} : {}
  if (request.format === 'all-contributors') {
    const doc = allContributors(rows, tally.types!, {projectName: request.projectName, ...o})
    return {text: `${JSON.stringify(doc, null, 2)}\n`, count: doc.contributors.length}
  }
  const items = exportRows(rows, fields, o)
  const text = request.format === 'csv' ? exportCsv(items, fields) : `${JSON.stringify(items, null, 2)}\n`
  return {text, count: items.length}
}
