/**
 * Members' incentives: the points ledger (recompute, manual awards), honour titles, engagement levels and their
 * movement, the engagement score (gravity), badges, the leaderboard, and `standings` (each member's points, title,
 * badges and level) for the member views. Reads the store snapshot and streams the events once per call.
 */
import {UsageError, ValidationError} from '../errors.js'
import {readEvents} from '../events/io.js'
import {scanEvents} from '../events/io-columns.js'
import {importedDays} from '../events/types.js'
import {pick, translator, type Locale, type LocalizedText} from '../i18n/index.js'
import {inputsHash as metricsInputsHash, localToday, periodsOf, type StoreReader} from '../metrics/service.js'
import {latestMonthOutside} from '../metrics/period.js'
import type {Period} from '../metrics/types.js'
import {ZoneDays} from '../metrics/zone-day.js'
import {nextId, type Db, type Store} from '../store/index.js'
import {freeNow} from '../util/free-now.js'
import {sha256Hex} from '../util/hash.js'
import {DateTime} from '../util/luxon.js'
import type {Community} from '../workspace/community.js'
import {badgeRules, badgeState, badgeTypes, earnedBadges, heldBadges, holds, newAwards, type BadgeRecord} from './badges.js'
import {
  EngagementCollector,
  engagementModel,
  levelName,
  gravity,
  levelCounts,
  movement,
  movers,
  type EngagementLevelId,
  type EngagementModel,
  type MemberLevel,
  type Mover,
  type Movement,
} from './engagement.js'
import {IDENTITY, PERSON_ID, type Persons} from './identity.js'
import {boardFor, readLeaders, readMonthInputs, writeBoard} from './io-leaderboard.js'
import {readPersons, readRecords} from './io-records.js'
import {readScoringEvents} from './io-scoring.js'
import {
  appendIncentive,
  commitComputed,
  ComputedWriter,
  discardComputed,
  readIncentiveFile,
  scanEntries,
  sweepLedger,
  type PreparedLedger,
} from './io-ledger.js'
import {
  INCIDENT,
  ledgerRows,
  pointsRules,
  pointTotals,
  round2,
  titleFor,
  titleLevels,
  TypeTally,
  type IncidentInput,
  type LedgerEntry,
  type PointsRules,
} from './points.js'
import type {ScoringEvents} from './scoring.js'
import {allTimeTotals, leadersOf, monthRangeTotals, wholeMonths, type Leader, type PeriodTotals} from './leaderboard.js'
import {MonthColumns} from './month-columns.js'
import {recordKey, uniquelyNamed, type MemberExtras} from './records-view.js'
import {compare, TimelineCollector, type MemberKey} from './timeline.js'

/** What the incentives read of a workspace. */
export interface IncentivesWorkspace {
  root: string
  community: Pick<Community, 'timezone' | 'incentives' | 'engagement'>
}

const MANUAL_FILE = 'manual.ndjson'
const BADGES_FILE = 'badges.ndjson'

/** The time `now` in the community's timezone, ISO with its offset (as events are stored). */
const localIso = (now: Date, zone: string): string => DateTime.fromJSDate(now, {zone}).toISO({suppressMilliseconds: true}) ?? now.toISOString()

/** Every member's engagement at the dates, read from the column blocks as the metrics read them. */
async function engagementAt(ws: IncentivesWorkspace, db: Db, model: EngagementModel, dates: string[]): Promise<EngagementCollector> {
  const collector = new EngagementCollector(model, dates)
  const zone = new ZoneDays(ws.community.timezone)
  for await (const b of scanEvents(ws.root, db)) collector.addBlock(b, zone)
  return collector
}

async function incidentsOf(root: string, db: Db): Promise<Array<{id: string; member: MemberKey; rung: string; at: string}>> {
  const persons = (await readPersons(root, db)).index
  return db.incidents.map((i) => ({id: i.id, member: persons.get(i.member) ?? i.member, rung: i.rung, at: i.at}))
}

/** The hash of the points rules (what a recompute depends on besides the events). */
const rulesHashOf = (ws: IncentivesWorkspace): string => sha256Hex(JSON.stringify(pointsRules(ws.community)))

/** The inputs of a recompute: events, links and incidents. */
const ledgerInputsHash = (db: Db): string =>
  sha256Hex(metricsInputsHash(db) + JSON.stringify(db.incidents.map((i) => [i.id, i.member, i.rung, i.at])))

// ---- points ----

export interface RecomputeResult {
  /** The computed ledger's file, entries and hash. */
  file: string
  entries: number
  hash: string
  /** False when the ledger is byte for byte the one already stored. */
  changed: boolean
  dryRun: boolean
  /** Points in the computed ledger, per event type (`incident` for deductions). */
  byType: Record<string, number>
  /** Manual entries kept beside it. */
  manual: number
  members: number
  /** All-time points of computed and manual entries. */
  total: number
}

/**
 * The computed ledger's lines into `writer`, member by member, and what a recompute reports and stores of them:
 * `sums`, each member's all-time points with its manual entries (`manual`), in the order a Map of them would list
 * them (the ledger's members in its order, then members with manual entries only, by their first): the ledger meets
 * each member once, so no Map of 47k members is filled (~25 ms of a recompute of 1M events).
 */
async function writeComputed(
  events: ScoringEvents,
  incidents: IncidentInput[],
  rules: PointsRules,
  writer: ComputedWriter,
  manual: LedgerEntry[],
): Promise<{entries: number; byType: TypeTally; months: MonthColumns; sums: number[]}> {
  const byType = new TypeTally()
  const months = new MonthColumns()
  // each member's manual points, in the order given
  const manualOf = new Map<MemberKey, number[]>()
  for (const e of manual) {
    const own = manualOf.get(e.member)
    if (own) own.push(e.points)
    else manualOf.set(e.member, [e.points])
  }
  const sums: number[] = []
  let entries = 0
  for (const [member, rows] of ledgerRows(events, incidents, rules)) {
    writer.startMember(member)
    const ordinal = months.append(member)
    // the member's points in all and per month (its rows are in time order: a month's rows come together)
    let total = 0
    let month = ''
    let inMonth = 0
    for (let k = 0; k < rows.n; k++) {
      writer.add(events, rows, k)
      const i = rows.event[k]
      const points = rows.points[k]
      const m = i === -1 ? rows.deduction[k]!.ts.slice(0, 7) : events.month(i)
      byType.add(i === -1 ? INCIDENT : events.type(i), points)
      total = round2(total + points)
      if (m !== month) {
        if (month) months.add(month, ordinal, inMonth)
        month = m
        inMonth = 0
      }
      inMonth = round2(inMonth + points)
    }
    if (month) months.add(month, ordinal, inMonth)
    if (rows.n > 0) {
      const own = manualOf.size > 0 ? manualOf.get(member) : undefined
      if (own) {
        for (const points of own) total = round2(total + points)
        manualOf.delete(member)
      }
      sums.push(total)
    }
    entries += rows.n
    if (writer.due) await writer.flush()
  }
  // the records (~35 MB at 1M events) are freed here, not when V8 next collects: that came after the month totals
  // and the leaderboard or before them, and the peak memory with it
  freeNow(events.release())
  for (const own of manualOf.values()) sums.push(own.reduce((total, points) => round2(total + points), 0))
  return {entries, byType, months, sums}
}

/**
 * `members points --recompute`: the ledger from events × rules, written as a new computed ledger file and switched
 * in the index (manual entries are in their own file and stay); the same events and rules give the same file. The
 * ledger is written as it is computed, member by member, never held whole.
 */
export async function recomputePoints(ws: IncentivesWorkspace, store: Store, o: {now: Date; dryRun?: boolean}): Promise<RecomputeResult> {
  const db = await store.read()
  const rules = pointsRules(ws.community)
  const {index: persons} = await readPersons(ws.root, db)
  const manual = resolved(await readIncentiveFile<LedgerEntry>(ws.root, db.incentives.manual), persons)
  const incidents = await incidentsOf(ws.root, db)
  const writer = await ComputedWriter.open(ws.root, {dryRun: o.dryRun})
  let prepared: PreparedLedger | undefined
  try {
    // the events are held by writeComputed alone, which frees them once the ledger is written: before the month totals and the leaderboard are made
    const {entries, byType, months, sums} = await writeComputed(
      await readScoringEvents(ws.root, db, persons, (type) => !!rules.points[type]),
      incidents,
      rules,
      writer,
      manual,
    )
    const hash = await writer.digest()
    const summary = {
      entries,
      byType: byType.totals(),
      manual: manual.length,
      members: sums.length,
      total: round2(sums.reduce((a, b) => a + b, 0)),
    }
    const same = db.incentives.computed?.hash === hash
    if (o.dryRun) return {file: db.incentives.computed?.file ?? '', hash, changed: !same, dryRun: true, ...summary}
    // the month totals and the leaderboard are made while the ledger's fsync runs (prepare waits for it)
    const monthsJson = months.json()
    const board = boardFor(db, hash, months, persons, manual)
    prepared = await writer.prepare(hash, {
      now: o.now.toISOString(),
      rulesHash: rulesHashOf(ws),
      inputsHash: ledgerInputsHash(db),
      months: monthsJson,
    })
    const ready = prepared
    const entry = await store.update(async (fresh) => {
      let stored = fresh.incentives.computed
      // a ledger stored before month totals were kept gets them now
      if (stored?.hash === hash && stored.months) await discardComputed(ready)
      else {
        await commitComputed(ws.root, ready)
        stored = fresh.incentives.computed = ready.entry
      }
      // swept whether or not the ledger changed: a recompute killed before its commit leaves its temp files (as big
      // as the ledger), and the next recompute mostly finds nothing new
      await sweepLedger(ws.root, new Set([stored.file, stored.months ?? '']))
      return stored
    })
    prepared = undefined
    await writeBoard(ws.root, board)
    return {file: entry.file, hash, changed: !same, dryRun: false, ...summary}
  } finally {
    if (prepared) await discardComputed(prepared).catch(() => undefined)
    else await writer.abandon()
  }
}

/** Entries keyed by an identity that has since been linked, keyed by its person (as events are). */
function resolved<T extends {member: MemberKey}>(items: T[], persons: Map<string, string>): T[] {
  if (persons.size === 0) return items
  for (const item of items) item.member = persons.get(item.member) ?? item.member
  return items
}

/** Every ledger entry: the computed ledger, then the manual entries; identities linked since resolved to their person. */
export async function readLedger(root: string, db: Pick<Db, 'incentives' | 'memberLinks' | 'memberRecords'>): Promise<LedgerEntry[]> {
  return resolved(
    [...(await readIncentiveFile<LedgerEntry>(root, db.incentives.computed)), ...(await readIncentiveFile<LedgerEntry>(root, db.incentives.manual))],
    (await readPersons(root, db)).index,
  )
}

/**
 * Points per member for each range of days (`from`/`to` optional, both included) in one pass over the ledger, the
 * computed ledger streamed rather than held; identities linked since resolved to their person.
 */
async function streamedTotals(root: string, db: Db, ranges: Array<{from?: string; to?: string}>): Promise<Array<Map<MemberKey, number>>> {
  const persons = (await readPersons(root, db)).index
  const totals = ranges.map(() => new Map<MemberKey, number>())
  const add = (entries: LedgerEntry[]) => ranges.forEach((r, k) => pointTotals(resolved(entries, persons), r, totals[k]))
  // the ranges' days as YYYYMMDD numbers, for the lines read in place
  const asNumber = (day: string | undefined, none: number) => (day === undefined ? none : Number(day.replaceAll('-', '')))
  const bounds = ranges.map((r) => [asNumber(r.from, -Infinity), asNumber(r.to, Infinity)])
  let member = ''
  let key = ''
  await scanEntries(root, db.incentives.computed, {
    head(day, m, points) {
      if (m !== member) key = persons.get((member = m)) ?? m
      for (let k = 0; k < bounds.length; k++)
        if (day >= bounds[k][0] && day <= bounds[k][1]) totals[k].set(key, round2((totals[k].get(key) ?? 0) + points))
      return false
    },
    entry: (e) => add([e]),
  })
  add(await readIncentiveFile<LedgerEntry>(root, db.incentives.manual))
  return totals
}

/** A member as the user names it (an identity or a person id), as the key the incentives use; `persons` from readPersons. */
export function memberKey(db: Pick<Db, 'memberLinks'>, persons: Persons, member: string): MemberKey {
  if (PERSON_ID.test(member)) {
    if (!db.memberLinks.some((p) => p.id === member))
      throw new ValidationError({key: 'members.incentives.unknownPerson', params: {id: member}}, {hint: {key: 'members.link.identityHint'}})
    return member
  }
  if (!IDENTITY.test(member))
    throw new UsageError({key: 'members.link.badIdentity', params: {id: member}}, {hint: {key: 'members.incentives.memberHint'}})
  return persons.index.get(member) ?? member
}

/**
 * A member named as `members list` and `members show` name them too: a record's id (`M004`) or its exact name is
 * taken to the record's first identity (`record:M004` for a record without one), for memberKey. An identity or a person
 * id is returned as it is, without reading the records.
 */
export async function memberRef(root: string, db: Pick<Db, 'memberRecords'>, member: string): Promise<string> {
  if (PERSON_ID.test(member) || IDENTITY.test(member)) return member
  const records = await readRecords(root, db)
  const record =
    records.find((r) => r.id === member) ??
    uniquelyNamed(
      records,
      member,
      (r) => r.name,
      (r) => r.id,
    )
  return record ? (record.identities[0] ?? `record:${record.id}`) : member
}

/**
 * What the three changes under the lock (award, give and revoke a badge) start from: the records file read before the
 * lock (readPersons keeps it for the read under it), and the member as named resolved by memberRef.
 */
async function refBeforeLock(root: string, store: Store, member: string): Promise<string> {
  const db = await store.read()
  await readPersons(root, db)
  return memberRef(root, db, member)
}

export interface AwardRequest {
  member: string
  /** A number, or the text the user typed (`50`, `-20`). */
  points: number | string
  reason: string
  by?: string
  now: Date
}

/** `members award`: one manual award (or deduction, negative) appended to the manual ledger; recomputes keep it. */
export async function awardPoints(ws: IncentivesWorkspace, store: Store, r: AwardRequest): Promise<LedgerEntry> {
  const points = typeof r.points === 'string' ? (/^\s*[-+]?\d+(\.\d+)?\s*$/.test(r.points) ? Number(r.points) : Number.NaN) : r.points
  if (!Number.isFinite(points) || points === 0 || Math.abs(points) > 1_000_000)
    throw new UsageError({key: 'members.incentives.badPoints', params: {value: String(r.points)}}, {hint: {key: 'members.incentives.badPoints.hint'}})
  const reason = r.reason.trim()
  if (!reason) throw new UsageError({key: 'members.incentives.noReason'}, {hint: {key: 'members.incentives.noReason.hint'}})
  const ts = localIso(r.now, ws.community.timezone)
  const ref = await refBeforeLock(ws.root, store, r.member)
  const award = await store.update(async (db) => {
    const member = memberKey(db, await readPersons(ws.root, db), ref)
    const entry: LedgerEntry = {ts, member, points: round2(points), id: nextId(db, 'A'), reason, ...(r.by ? {by: r.by} : {})}
    db.incentives.manual = await appendIncentive(ws.root, MANUAL_FILE, db.incentives.manual, [entry], r.now.toISOString())
    return entry
  })
  // the stored leaderboard is not rewritten here (that reads every month's totals: ~0.5 s at 1M events, where an
  // award is one short update); it no longer matches the awards, so `members top` and the dashboard work the
  // standings out until the next recompute
  return award
}

export interface PointsView {
  member: MemberKey
  /** The name on the member's record, when there is one. */
  name?: string
  points: number
  title?: {level: number; title: LocalizedText}
}

export interface TopResult {
  period: Period
  rows: Array<PointsView & {rank: number; total: number}>
  /** The computed ledger's date (absent: never recomputed). */
  computedAt?: string
  /** When nobody earned points in the period: the month (`2026-09`) of the latest event imported, to try instead. */
  latestMonth?: string
}

/** Points in a period and up to its end, from the whole ledger. */
async function ledgerTotals(root: string, db: Db, period: Period): Promise<PeriodTotals> {
  const [inPeriod, upTo] = await streamedTotals(root, db, [{from: period.from, to: period.to}, {to: period.to}])
  return {inPeriod, totals: () => upTo}
}

/**
 * The leaders of a period: stored (io-leaderboard.ts) when the store has not changed since; else, for a period of whole
 * months, from the computed ledger's month totals and the manual entries, without reading the computed ledger (1M
 * events make it ~100 MB); else from the whole ledger.
 */
async function periodLeaders(root: string, db: Db, period: Period, limit: number): Promise<Leader[]> {
  const stored = await readLeaders(root, db, period, limit)
  if (stored) return stored
  const inputs = wholeMonths(period) ? await readMonthInputs(root, db) : undefined
  return leadersOf(inputs ? monthRangeTotals(inputs, period) : await ledgerTotals(root, db, period), limit)
}

/**
 * `members top`: points earned in the period (a label, or a period already resolved), highest first (ties share a
 * rank), with each member's title by all-time points up to the period's end.
 */
export async function topMembers(
  ws: IncentivesWorkspace,
  store: StoreReader,
  o: {period?: string | Period; limit?: number; now?: Date},
): Promise<TopResult> {
  const [period] =
    typeof o.period === 'object'
      ? [o.period]
      : periodsOf({root: ws.root, community: {timezone: ws.community.timezone}}, {period: o.period ?? 'month', now: o.now})
  const db = await store.read()
  const limit = o.limit ?? 20
  const levels = titleLevels(ws.community)
  const rows: TopResult['rows'] = []
  let rank = 0
  for (const [i, [member, points, total]] of (await periodLeaders(ws.root, db, period, limit)).entries()) {
    if (i === 0 || points !== rows[i - 1].points) rank = i + 1
    const title = titleFor(total, levels)
    rows.push({rank, member, points, total, ...(title ? {title} : {})})
  }
  // the names of the members' records, when they have one
  if (rows.length && Object.keys(db.memberRecords).length) {
    const persons = (await readPersons(ws.root, db)).index
    const names = new Map<string, string>()
    for (const r of await readRecords(ws.root, db)) if (r.name !== undefined) names.set(recordKey(r, persons), r.name)
    for (const row of rows) {
      const name = names.get(row.member)
      if (name !== undefined) row.name = name
    }
  }
  const latestMonth = rows.length === 0 ? importedDays(db.eventBatches)?.last.slice(0, 7) : undefined
  return {
    period,
    rows,
    ...(db.incentives.computed ? {computedAt: db.incentives.computed.updatedAt} : {}),
    ...(latestMonth !== undefined && latestMonth !== period.label ? {latestMonth} : {}),
  }
}

export interface LedgerSummary {
  /** When the ledger was last recomputed (absent: never). */
  computedAt?: string
  computed: number
  manual: number
  members: number
  total: number
}

/** The stored ledger in numbers (for `members points` without --recompute). */
export async function ledgerSummary(ws: IncentivesWorkspace, store: StoreReader): Promise<LedgerSummary> {
  const db = await store.read()
  // the month totals when the store keeps them (a few MB at 1M events), not the ~100 MB computed ledger
  const inputs = await readMonthInputs(ws.root, db)
  const totals = inputs ? allTimeTotals(inputs) : (await streamedTotals(ws.root, db, [{}]))[0]
  return {
    ...(db.incentives.computed ? {computedAt: db.incentives.computed.updatedAt} : {}),
    computed: db.incentives.computed?.entries ?? 0,
    manual: db.incentives.manual?.entries ?? 0,
    members: totals.size,
    total: round2([...totals.values()].reduce((a, b) => a + b, 0)),
  }
}

/** One member's ledger and total (for `members points --member`). */
export async function memberPoints(ws: IncentivesWorkspace, store: StoreReader, member: string): Promise<PointsView & {entries: LedgerEntry[]}> {
  const db = await store.read()
  const persons = await readPersons(ws.root, db)
  const key = memberKey(db, persons, await memberRef(ws.root, db, member))
  const entries: LedgerEntry[] = []
  const take = (chunk: LedgerEntry[]) => {
    for (const e of resolved(chunk, persons.index)) if (e.member === key) entries.push(e)
  }
  // only the member's lines are parsed (the lines of one identity come together)
  let last = ''
  let match = false
  await scanEntries(ws.root, db.incentives.computed, {
    head(_day, member) {
      if (member !== last) match = (persons.index.get((last = member)) ?? member) === key
      return match
    },
    whole: (e) => take([e]),
    entry: (e) => take([e]),
  })
  take(await readIncentiveFile<LedgerEntry>(ws.root, db.incentives.manual))
  const points = round2(entries.reduce((a, e) => a + e.points, 0))
  const title = titleFor(points, titleLevels(ws.community))
  return {member: key, points, ...(title ? {title} : {}), entries}
}

// ---- engagement levels ----

export interface LevelsResult {
  period: Period
  /** The period before, whose end the movement is measured from. */
  previous: Period
  windowDays: number
  /** The weight of each event type in the score (the model's, defaults filled in). */
  weights: Partial<Record<string, number>>
  /** In the model's order: a member is in the first level whose minScore and newWithinDays they meet. */
  levels: Array<{
    id: EngagementLevelId
    name: LocalizedText
    weight: number
    minScore?: number
    newWithinDays?: number
    members: number
    before: number
    change: number
  }>
  movement: Movement
  gravity: {now: number; before: number; change: number}
  /** The month of the latest events imported, when the window ending with the period holds none of them. */
  latestMonth?: string
}

async function levelPair(
  ws: IncentivesWorkspace,
  store: StoreReader,
  o: {period?: string; now?: Date},
): Promise<{
  model: EngagementModel
  period: Period
  previous: Period
  before: Map<MemberKey, MemberLevel>
  after: Map<MemberKey, MemberLevel>
  latestMonth?: string
}> {
  const [previous, period] = periodsOf(
    {root: ws.root, community: {timezone: ws.community.timezone}},
    {period: o.period ?? 'month', last: 2, now: o.now},
  )
  const model = engagementModel(ws.community)
  const db = await store.read()
  const collector = await engagementAt(ws, db, model, [previous.to, period.to])
  const latest = latestMonthOutside(period.to, model.windowDays, importedDays(db.eventBatches))
  return {model, period, previous, before: collector.levelsAt(0), after: collector.levelsAt(1), ...(latest ? {latestMonth: latest} : {})}
}

function levelsResult(x: Awaited<ReturnType<typeof levelPair>>): LevelsResult {
  const now = levelCounts(x.model, x.after)
  const before = levelCounts(x.model, x.before)
  const g = {now: gravity(x.model, now), before: gravity(x.model, before)}
  return {
    period: x.period,
    previous: x.previous,
    windowDays: x.model.windowDays,
    weights: x.model.weights,
    levels: x.model.levels.map((l) => ({
      id: l.id,
      name: l.name ?? l.id,
      weight: l.weight,
      ...(l.minScore !== undefined ? {minScore: l.minScore} : {}),
      ...(l.newWithinDays !== undefined ? {newWithinDays: l.newWithinDays} : {}),
      members: now[l.id],
      before: before[l.id],
      change: now[l.id] - before[l.id],
    })),
    movement: movement(x.model, x.before, x.after),
    gravity: {...g, change: round2(g.now - g.before)},
    ...(x.latestMonth ? {latestMonth: x.latestMonth} : {}),
  }
}

/** `members levels`: members per engagement level at the end of the period and of the one before, and the movement. */
export async function engagementLevels(ws: IncentivesWorkspace, store: StoreReader, o: {period?: string; now?: Date} = {}): Promise<LevelsResult> {
  return levelsResult(await levelPair(ws, store, o))
}

export interface GravityResult extends LevelsResult {
  movers: {up: Mover[]; down: Mover[]}
}

/** `members gravity`: the engagement score now and at the end of the period before, and who moved up or down most. */
export async function engagementGravity(
  ws: IncentivesWorkspace,
  store: StoreReader,
  o: {period?: string; limit?: number; now?: Date} = {},
): Promise<GravityResult> {
  const pair = await levelPair(ws, store, o)
  return {...levelsResult(pair), movers: movers(pair.model, pair.before, pair.after, o.limit ?? 10)}
}

// ---- badges ----

export interface BadgesResult {
  /** Badges the rules awarded in this run (none on a dry run: `pending` lists them). */
  awarded: BadgeRecord[]
  pending: BadgeRecord[]
  dryRun: boolean
  /** Holders per badge, every rule listed. */
  badges: Array<{id: string; name: LocalizedText; kind: string; holders: number}>
  /** With `member`: that member's badges. */
  member?: {member: MemberKey; badges: Array<{id: string; name: LocalizedText; awardedAt: string}>}
}

async function badgeRecords(root: string, db: Pick<Db, 'incentives' | 'memberLinks' | 'memberRecords'>): Promise<BadgeRecord[]> {
  return resolved(await readIncentiveFile<BadgeRecord>(root, db.incentives.badges), (await readPersons(root, db)).index)
}

/** The badges the rules award that are not yet stored (computed from events and the ledger). */
async function pendingBadges(ws: IncentivesWorkspace, db: Db): Promise<BadgeRecord[]> {
  const rules = badgeRules(ws.community).filter((r) => r.kind !== 'manual')
  if (rules.length === 0) return []
  // only the types the rules read, each member's timeline made in turn
  const collector = new TimelineCollector(badgeTypes(rules))
  for await (const e of readEvents(ws.root, db)) collector.add(e)
  const ledgers = new Map<MemberKey, LedgerEntry[]>()
  if (rules.some((r) => r.kind === 'points')) {
    const entries = [...(await readLedger(ws.root, db))].sort(
      (a, b) => Date.parse(a.ts) - Date.parse(b.ts) || compare(a.src ?? a.id ?? '', b.src ?? b.id ?? ''),
    )
    for (const e of entries) {
      const list = ledgers.get(e.member) ?? []
      list.push(e)
      ledgers.set(e.member, list)
    }
  }
  return newAwards(earnedBadges(collector.each(), ledgers, rules), badgeState(await badgeRecords(ws.root, db)))
}

/** `members badges`: awards the badges the rules give that are not stored yet (once each; a revocation sticks), then lists them. */
export async function runBadges(ws: IncentivesWorkspace, store: Store, o: {member?: string; dryRun?: boolean; now: Date}): Promise<BadgesResult> {
  const db = await store.read()
  const member = o.member === undefined ? undefined : memberKey(db, await readPersons(ws.root, db), await memberRef(ws.root, db, o.member))
  const pending = await pendingBadges(ws, db)
  let awarded: BadgeRecord[] = []
  if (!o.dryRun && pending.length > 0) {
    awarded = await store.update(async (fresh) => {
      const state = badgeState(await badgeRecords(ws.root, fresh))
      const add = pending.filter((p) => !state.has(`${p.badge}\u0000${p.member}`))
      if (add.length > 0) fresh.incentives.badges = await appendIncentive(ws.root, BADGES_FILE, fresh.incentives.badges, add, o.now.toISOString())
      return add
    })
  }
  return {awarded, pending: o.dryRun ? pending : [], dryRun: !!o.dryRun, ...(await badgeListing(ws, store, member))}
}

async function badgeListing(ws: IncentivesWorkspace, store: StoreReader, member?: MemberKey): Promise<Pick<BadgesResult, 'badges' | 'member'>> {
  const db = await store.read()
  const held = heldBadges(badgeState(await badgeRecords(ws.root, db)))
  const rules = badgeRules(ws.community)
  const names = new Map(rules.map((r) => [r.id, r.name]))
  const holders = new Map<string, number>()
  for (const list of held.values()) for (const b of list) holders.set(b.id, (holders.get(b.id) ?? 0) + 1)
  const badges = rules.map((r) => ({id: r.id, name: r.name, kind: r.kind, holders: holders.get(r.id) ?? 0}))
  if (member === undefined) return {badges}
  return {badges, member: {member, badges: (held.get(member) ?? []).map((b) => ({id: b.id, name: names.get(b.id) ?? b.id, awardedAt: b.awardedAt}))}}
}

/** `members badges --award ID --member X --reason …`: a badge given by hand (a manual badge, or again after a revocation). */
export async function giveBadge(
  ws: IncentivesWorkspace,
  store: Store,
  o: {badge: string; member: string; reason?: string; now: Date},
): Promise<BadgeRecord> {
  knownBadge(ws, o.badge)
  const date = localIso(o.now, ws.community.timezone)
  const ref = await refBeforeLock(ws.root, store, o.member)
  return store.update(async (db) => {
    const member = memberKey(db, await readPersons(ws.root, db), ref)
    const state = badgeState(await badgeRecords(ws.root, db))
    if (holds(state, o.badge, member))
      throw new ValidationError(
        {key: 'members.incentives.badgeHeld', params: {badge: o.badge, member}},
        {hint: {key: 'members.incentives.badgeHeld.hint'}},
      )
    const record: BadgeRecord = {op: 'award', badge: o.badge, member, date, manual: true, ...(o.reason?.trim() ? {reason: o.reason.trim()} : {})}
    db.incentives.badges = await appendIncentive(ws.root, BADGES_FILE, db.incentives.badges, [record], o.now.toISOString())
    return record
  })
}

/** `members badges --revoke ID --member X --reason …`: takes a badge back; the rules never award it to them again. */
export async function revokeBadge(
  ws: IncentivesWorkspace,
  store: Store,
  o: {badge: string; member: string; reason: string; now: Date},
): Promise<BadgeRecord> {
  const reason = o.reason.trim()
  if (!reason) throw new UsageError({key: 'members.incentives.noReason'}, {hint: {key: 'members.incentives.noReason.hint'}})
  knownBadge(ws, o.badge)
  const date = localIso(o.now, ws.community.timezone)
  const ref = await refBeforeLock(ws.root, store, o.member)
  return store.update(async (db) => {
    const member = memberKey(db, await readPersons(ws.root, db), ref)
    const state = badgeState(await badgeRecords(ws.root, db))
    if (!holds(state, o.badge, member))
      throw new ValidationError(
        {key: 'members.incentives.badgeNotHeld', params: {badge: o.badge, member}},
        {hint: {key: 'members.incentives.badgeNotHeld.hint'}},
      )
    const record: BadgeRecord = {op: 'revoke', badge: o.badge, member, date, reason}
    db.incentives.badges = await appendIncentive(ws.root, BADGES_FILE, db.incentives.badges, [record], o.now.toISOString())
    return record
  })
}

function knownBadge(ws: IncentivesWorkspace, badge: string): void {
  const ids = badgeRules(ws.community).map((r) => r.id)
  if (!ids.includes(badge))
    throw new UsageError(
      {key: 'members.incentives.unknownBadge', params: {badge, badges: ids.join(', ') || '—'}},
      {hint: {key: 'members.incentives.unknownBadge.hint'}},
    )
}

// ---- standings: the seam the member views use ----

/** A member's incentive standing: points, title by points, badges held and engagement level. */
export interface Standing {
  points: number
  title?: {level: number; title: LocalizedText}
  badges: Array<{id: string; awardedAt: string}>
  level?: EngagementLevelId
  /** The member's latest event by then was `leave`: no level. */
  left?: true
}

/**
 * Every member's standing at a local date `at` (default: today in the community's timezone): points of ledger
 * entries up to that day, the title they reach, badges held now, and the engagement level at that day. Keys are
 * member keys (person id when linked, else the identity), in no particular order; a member with no points, badges or
 * events is absent.
 */
export async function standings(ws: IncentivesWorkspace, store: StoreReader, o: {at?: string; now?: Date} = {}): Promise<Map<MemberKey, Standing>> {
  const at = o.at ?? localToday(o.now ?? new Date(), ws.community.timezone)
  const db = await store.read()
  return standingsOf(ws, db, at, await engagementAt(ws, db, engagementModel(ws.community), [at]))
}

/** The standings at `at` with the levels of `collector` (every event added, at the one date `at`). */
async function standingsOf(ws: IncentivesWorkspace, db: Db, at: string, collector: EngagementCollector): Promise<Map<MemberKey, Standing>> {
  // looked up by member, never listed in order: nothing to sort
  const levels = collector.levelsAt(0, {sorted: false})
  const left = collector.leftAt(0)
  const [totals] = await streamedTotals(ws.root, db, [{to: at}])
  const held = heldBadges(badgeState(await badgeRecords(ws.root, db)))
  const titles = titleLevels(ws.community)
  const out = new Map<MemberKey, Standing>()
  const add = (key: MemberKey) => {
    if (out.has(key)) return
    const points = totals.get(key) ?? 0
    const title = titleFor(points, titles)
    const level = levels.get(key)?.level
    out.set(key, {points, ...(title ? {title} : {}), badges: held.get(key) ?? [], ...(level ? {level} : {}), ...(left.has(key) ? {left: true} : {})})
  }
  for (const keys of [levels.keys(), left, totals.keys(), held.keys()]) for (const key of keys) add(key)
  return out
}

/**
 * The standings as extra member columns for `members list`, `show`, `segments` and `export`: `points`, `title` (in
 * `locale`), `level` (its id), `level_name` (in `locale`; "left" for a member whose latest event was `leave`) and
 * `badges` (ids, comma-separated); a member who left is `absent` from `level` for that reason (`left`).
 */
export async function incentiveExtras(ws: IncentivesWorkspace, store: StoreReader, o: {now?: Date; locale: Locale}): Promise<MemberExtras> {
  const at = localToday(o.now ?? new Date(), ws.community.timezone)
  const db = await store.read()
  const model = engagementModel(ws.community)
  // the levels from the blocks of the member views' own scan of the events when they are given all of them
  const collector = new EngagementCollector(model, [at])
  const zone = new ZoneDays(ws.community.timezone)
  let all: Map<MemberKey, Standing> | undefined
  const standing = (key: MemberKey) => {
    if (!all) throw new Error('incentiveExtras: read before scan.ready')
    return all.get(key)
  }
  const levelNameOf = levelLabel(ws.community, o.locale)
  const leftName = translator(o.locale)('members.incentives.level.left')
  return {
    fields: ['points', 'title', 'level', 'level_name', 'badges'],
    scan: {
      addBlock: (b) => collector.addBlock(b, zone),
      async ready(fed) {
        all ??= await standingsOf(ws, db, at, fed ? collector : await engagementAt(ws, db, model, [at]))
      },
    },
    get(key) {
      const s = standing(key)
      if (!s) return undefined
      return {
        points: s.points,
        title: s.title ? pick(s.title.title, o.locale) : undefined,
        level: s.level,
        level_name: s.level !== undefined ? levelNameOf(s.level) : s.left ? leftName : undefined,
        badges: s.badges.length ? s.badges.map((b) => b.id).join(',') : undefined,
      }
    },
    // a member who left has no level: segments by level show them as a group of their own, as members list names them
    absent: (key, field) => (field === 'level' && standing(key)?.left ? 'left' : undefined),
  }
}

/** An engagement level's name in `locale`, by its id, as members list and members levels show it (an unknown id as it is). */
export function levelLabel(community: IncentivesWorkspace['community'], locale: Locale): (id: string) => string {
  const model = engagementModel(community)
  return (id) => pick(levelName(model, id), locale)
}

/** A badge's name in `locale`, by its id, as `members badges` shows it (an id no longer declared as it is). */
export function badgeLabel(community: IncentivesWorkspace['community'], locale: Locale): (id: string) => string {
  const names = new Map(badgeRules(community).map((b) => [b.id, b.name]))
  return (id) => {
    const name = names.get(id)
    return name === undefined ? id : pick(name, locale)
  }
}

/** The id of an engagement level named by its id or by its name in either language (`core`, `核心`, `Core`). */
export function levelIdOf(community: IncentivesWorkspace['community'], text: string): EngagementLevelId {
  const model = engagementModel(community)
  const want = text.trim().toLowerCase()
  const names = (l: EngagementModel['levels'][number]) => [l.id, ...(typeof l.name === 'string' ? [l.name] : Object.values(l.name ?? {}))]
  const found = model.levels.find((l) => names(l).some((n) => n?.toLowerCase() === want))
  if (found) return found.id
  throw new UsageError(
    {key: 'members.incentives.unknownLevel', params: {level: text}},
    {hint: {key: 'members.incentives.unknownLevel.hint', params: {levels: model.levels.map((l) => l.id).join(', ')}}},
  )
}
