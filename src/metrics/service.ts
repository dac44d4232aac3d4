/**
 * Metrics of a workspace: `metrics`, `retention`, `funnel`, the metrics step and the scorecard call these. They read
 * the store snapshot and stream the events as columns (io-columns.ts); nothing is written but a batch's
 * missing column cache.
 */
import path from 'node:path'
import {dateIn, isIsoDate, relativeDate} from '../util/dates.js'
import {UsageError} from '../errors.js'
import {eventsDir} from '../events/io.js'
import {importedDays} from '../events/types.js'
import {scanEvents, type KnownTables} from '../events/io-columns.js'
import {readPersons} from '../members/io-records.js'
import {metricsSql} from './sql.js'
import type {Db} from '../store/index.js'
import {readResponses} from '../survey/io-responses.js'
import {listSurveys} from '../survey/lookup.js'
import {sha256Hex} from '../util/hash.js'
import type {Community} from '../workspace/community.js'
import {buildFunnel, buildRetention, CohortCollector, cohortPeriods, type Funnel, type RetentionTable} from './cohorts.js'
import {EVENT_METRICS, MetricsEngine} from './engine.js'
import {PersonIds} from './person-ids.js'
import {calendarAdherence, engagementScore, SURVEY_METRICS, surveyMetrics} from './non-event.js'
import {EngagementCollector, engagementModel} from '../members/engagement.js'
import {ZoneDays} from './zone-day.js'
import {dayNumber, resolvePeriods, type PeriodRequest} from './period.js'
import {METRICS} from '../schema/kinds/common.js'
import type {MetricFilter, MetricId, MetricSet, MetricValue, Period} from './types.js'

/** What the metrics read of a workspace. */
export interface MetricsWorkspace {
  root: string
  community: Pick<Community, 'timezone' | 'goals'> & Partial<Pick<Community, 'engagement'>>
}

/** Anything that gives a store snapshot (a Store, or a step's snapshot wrapped as `{read: async () => db}`). */
export interface StoreReader {
  read(): Promise<Db>
}

export interface MetricsRequest extends PeriodRequest {
  /** A resolved period, instead of `period`/`from`/`to`. */
  window?: Period
  /** Resolved periods, instead of those: all from one pass over the events. */
  windows?: Period[]
  filter?: MetricFilter
  /** Keep the days behind daily figures (for `--explain`). */
  days?: boolean
  /** The clock, for the default period (the last full month). */
  now?: Date
  /** Only these metrics (default: all): the others are neither computed nor returned. */
  metrics?: readonly MetricId[]
}

/** The community's local date today (dateIn: no Intl.DateTimeFormat, whose data a metrics run does without). */
export const localToday = (now: Date, zone: string): string => dateIn(now, zone)

/** The periods a request names in the community's timezone (usage errors for bad input). */
export function periodsOf(ws: MetricsWorkspace, request: MetricsRequest): Period[] {
  if (request.window) return [request.window]
  if (request.windows?.length) return request.windows
  return resolvePeriods(request, localToday(request.now ?? new Date(), ws.community.timezone), ws.community.timezone)
}

/** The filter with its empty parts left out. */
function cleanFilter(filter: MetricFilter = {}): MetricFilter {
  const out: MetricFilter = {}
  if (filter.channel?.length) out.channel = [...filter.channel]
  if (filter.platform?.length) out.platform = [...filter.platform]
  return out
}

/** A hash of everything the figures depend on: event batches, member links and records, survey responses, the calendar. */
export function inputsHash(db: Db): string {
  return sha256Hex(
    JSON.stringify({
      batches: db.eventBatches.map((b) => [b.id, b.hash, b.events]),
      links: db.memberLinks.map((p) => [p.id, p.members]),
      // the records join identities too (a records file never changes once named)
      ...(db.memberRecords.snapshot ? {records: db.memberRecords.snapshot.hash} : {}),
      responses: db.responseBatches.map((b) => [b.id, b.survey, b.hash ?? '', b.responses]),
      calendar: db.calendar.map((i) => [i.id, i.date, i.status]),
    }),
  )
}

type SurveyInput = Parameters<typeof surveyMetrics>[0]

/** Every survey with its responses (read once, whatever the number of periods). */
async function surveysOf(root: string, db: Db): Promise<SurveyInput> {
  return Promise.all(listSurveys(db).map(async (s) => ({id: s.id, doc: s.doc, responses: await readResponses(root, db, s.id)})))
}

/** The values of `wanted` in METRICS order. */
const order = (values: MetricValue[], wanted: ReadonlySet<MetricId>): MetricValue[] => {
  const byId = new Map<MetricId, MetricValue>(values.map((v) => [v.id, v]))
  return METRICS.filter((id) => wanted.has(id))
    .map((id) => byId.get(id)!)
    .filter(Boolean)
}

/** Every metric (or those of `request.metrics`) for each of several periods, from one pass over the events. */
export async function metricSeries(ws: MetricsWorkspace, store: StoreReader, request: MetricsRequest): Promise<MetricSet[]> {
  const periods = periodsOf(ws, request)
  const db = await store.read()
  const filter = cleanFilter(request.filter)
  const wanted = new Set<MetricId>(request.metrics?.length ? request.metrics : METRICS)
  const eventIds = EVENT_METRICS.filter((id) => wanted.has(id))
  // one numbering of people for every reader of the pass
  const ids = new PersonIds()
  const engines = eventIds.length ? periods.map((period) => new MetricsEngine({period, filter, days: request.days, metrics: eventIds, ids})) : []
  const engagement = wanted.has('engagement_score')
    ? new EngagementCollector(
        engagementModel(ws.community),
        periods.map((p) => p.to),
        ids,
      )
    : undefined
  const zone = new ZoneDays(periods[0].zone)
  if (engines.length || engagement) {
    // reciprocity reads the events twice: the tables of the first read are kept for the second (only then: a batch's
    // tables are otherwise let go when the next batch is read)
    const known: KnownTables | undefined = eventIds.includes('reciprocity') ? new Map() : undefined
    for await (const b of scanEvents(ws.root, db, known)) {
      for (const engine of engines) engine.addBlock(b)
      engagement?.addBlock(b, zone)
    }
    // reciprocity: the events once more, for the authors of the messages the replies name (engine.ts)
    const again = engines.filter((engine) => engine.wantsAuthors)
    if (again.length) for await (const b of scanEvents(ws.root, db, known)) for (const engine of again) engine.addAuthors(b)
  }
  const hash = inputsHash(db)
  const surveys = SURVEY_METRICS.some((id) => wanted.has(id)) ? await surveysOf(ws.root, db) : undefined
  return periods.map((period, i) => ({
    period,
    filter,
    values: order(
      [
        ...(engines[i]?.result() ?? []),
        ...(surveys ? surveyMetrics(surveys, period) : []),
        ...(wanted.has('calendar_adherence') ? [calendarAdherence(db.calendar, period)] : []),
        ...(engagement ? [engagementScore(engagement, i, period.to, importedDays(db.eventBatches))] : []),
      ],
      wanted,
    ),
    inputsHash: hash,
  }))
}

/** Every metric for one period (the last one when the request names several). */
export async function computeMetrics(ws: MetricsWorkspace, store: StoreReader, request: MetricsRequest = {}): Promise<MetricSet> {
  const periods = periodsOf(ws, request)
  const sets = await metricSeries(ws, store, {...request, window: periods[periods.length - 1]})
  return sets[0]
}

export interface RetentionRequest {
  unit?: 'week' | 'month'
  /** How many cohorts, ending with the last full unit (default 8). */
  last?: number
  /** A day (`YYYY-MM-DD`): the cohorts end with the last full unit on or before it, instead of before today. */
  to?: string
  filter?: MetricFilter
  now?: Date
}

/** `retention`: cohorts of the last full weeks (or months) × units since joining, with D7 and D30. */
export async function retentionTable(
  ws: MetricsWorkspace,
  store: StoreReader,
  request: RetentionRequest = {},
): Promise<RetentionTable & {filter: MetricFilter}> {
  const zone = ws.community.timezone
  const unit = request.unit ?? 'week'
  const n = request.last ?? 8
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError({key: 'metrics.last.bad', params: {value: String(n)}}, {hint: {key: 'metrics.period.hint'}})
  if (request.to !== undefined && !isIsoDate(request.to))
    throw new UsageError({key: 'metrics.period.bad', params: {value: request.to}}, {hint: {key: 'metrics.period.hint'}})
  // the cohorts end with the last full unit before "today": the day after --to when it is given
  const today = request.to ? relativeDate('+1d', request.to)! : localToday(request.now ?? new Date(), zone)
  const cohorts = cohortPeriods(unit, n, today, zone)
  const db = await store.read()
  const filter = cleanFilter(request.filter)
  const collector = new CohortCollector(zone, dayNumber(cohorts[0].from), filter)
  for await (const b of scanEvents(ws.root, db)) collector.addBlock(b)
  return {...buildRetention(collector, cohorts, unit, zone), filter}
}

/** `funnel`: join → first interaction → active in 4 of the next 8 weeks → conversion, for one period's joiners (default: the last full quarter). */
export async function funnel(ws: MetricsWorkspace, store: StoreReader, request: MetricsRequest = {}): Promise<Funnel & {filter: MetricFilter}> {
  const periods = periodsOf(ws, {...request, period: request.period ?? (request.from || request.to ? undefined : 'quarter')})
  const period = periods[periods.length - 1]
  const db = await store.read()
  const filter = cleanFilter(request.filter)
  const collector = new CohortCollector(ws.community.timezone, dayNumber(period.from), filter)
  for await (const b of scanEvents(ws.root, db)) collector.addBlock(b)
  return {...buildFunnel(collector, period), filter}
}

/**
 * `metrics --sql`: the event metrics of one period as a DuckDB query over the workspace's own batch files, with its
 * linked identities, so a community whose history outgrows one process can run the same definitions in a warehouse.
 */
export async function metricsSqlOf(ws: MetricsWorkspace, store: StoreReader, request: MetricsRequest = {}): Promise<{period: Period; sql: string}> {
  const periods = periodsOf(ws, request)
  const period = periods[periods.length - 1]
  const db = await store.read()
  const files = db.eventBatches.map((b) => path.join(eventsDir(ws.root), `${b.id}.ndjson`))
  const sql = metricsSql({
    period,
    zone: ws.community.timezone,
    files,
    personMap: (await readPersons(ws.root, db)).index,
    filter: cleanFilter(request.filter),
  })
  return {period, sql}
}
