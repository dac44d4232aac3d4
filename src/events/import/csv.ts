/** CSV activity (WeChat group exporters, spreadsheets): columns mapped to event fields by name, types in zh or en. */
import {Readable} from 'node:stream'
import {ValidationError} from '../../errors.js'
import {CsvLines, type CsvContext} from '../../util/csv-lines.js'
import {sha256Hex} from '../../util/hash.js'
import {parseTime} from '../time.js'
import {EVENT_TYPES, type ByteStream, type CanonicalEvent, type EventType, type ImportItem, type ParseContext} from '../types.js'
import {reject} from './common.js'
import {decodeText} from './decode.js'

export const MAP_FIELDS = ['ts', 'member', 'type', 'channel', 'topic', 'src', 'parent', 'text'] as const
export type MapField = (typeof MAP_FIELDS)[number]

/** How a CSV's columns become events: column name → field, the member's platform, extra type names. */
export interface CsvMapping {
  map: Record<string, MapField>
  /** Prefix of members written without one (`csv` → `csv:小王`). */
  platform: string
  /** Type cell values of this source (`10000` → `skip`), on top of the built-in zh/en names. */
  types?: Record<string, EventType | 'skip'>
  /** A preset: columns it names may be missing from a file, except those of ts and member. */
  loose?: boolean
}

const TYPE_NAMES: Record<EventType, string[]> = {
  join: ['加入', '入群', '进群', '加群', '新成员', 'joined'],
  leave: ['退出', '退群', '离开', '离群', 'left', 'quit'],
  post: ['发言', '消息', '发帖', '帖子', '文本', '主题', 'message', 'msg', 'topic'],
  reply: ['回复', '回帖', '评论', 'comment'],
  reaction: ['点赞', '表情', '表态', '反应', '赞', 'like', 'react'],
  question: ['提问', '问题', 'ask'],
  answer: ['回答', '解答', '答复'],
  event_register: ['报名', 'register', 'registration', 'rsvp'],
  event_attend: ['签到', '参加', '出席', '参会', 'attend', 'attended', 'checkin', 'check-in'],
  content_publish: ['发布', '发文', '推文', 'publish', 'published'],
  content_view: ['阅读', '浏览', '查看', 'view', 'read'],
  conversion: ['转化', '购买', '下单', '付费', 'purchase', 'convert'],
}

const TYPE_LOOKUP = new Map<string, EventType>(
  EVENT_TYPES.flatMap((t) => [[t, t] as const, [t.replace('_', '-'), t] as const, ...TYPE_NAMES[t].map((n) => [n.toLowerCase(), t] as const)]),
)

/** The event type a cell names (zh or en, any case), the source's own names first; undefined when unknown. */
export function typeFromName(value: string, own: CsvMapping['types'] = {}): EventType | 'skip' | undefined {
  const v = value.trim()
  return own[v] ?? TYPE_LOOKUP.get(v.toLowerCase())
}

/** Parses `时间=ts,昵称=member` (column=field, several flags or comma lists); throws on an unknown field. */
export function parseMap(specs: string[]): Record<string, MapField> {
  const map: Record<string, MapField> = {}
  for (const pair of specs
    .flatMap((s) => s.split(','))
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=')
    const column = pair.slice(0, eq).trim()
    const field = pair.slice(eq + 1).trim() as MapField
    if (eq <= 0 || !MAP_FIELDS.includes(field)) {
      throw new ValidationError({key: 'events.map.bad', params: {pair, fields: MAP_FIELDS.join(', ')}}, {exitCode: 2, hint: {key: 'events.map.hint'}})
    }
    map[column] = field
  }
  return map
}

function sniffDelimiter(first: string): string {
  const line = first.split(/\r?\n/, 1)[0] ?? ''
  const count = (ch: string) => line.split(ch).length - 1
  const best = ['\t', ';'].find((d) => count(d) > count(','))
  return best ?? ','
}

const KNOWN_PREFIX = /^(discord|slack|qq|wechat|telegram|discourse|csv|github|email|[a-z][a-z0-9-]{1,15}):\S/

/** Events of a CSV file under a mapping: every row an event, or a rejected row with its line and reason. */
export async function* parseCsv(bytes: ByteStream, ctx: ParseContext, mapping: CsvMapping, encoding?: string): AsyncGenerator<ImportItem> {
  const {parse} = await import('csv-parse')
  const text = decodeText(bytes, encoding)
  const first = await text.next()
  if (first.done) return
  const lines = new CsvLines()
  async function* all(): AsyncGenerator<string> {
    lines.feed(first.value as string)
    yield first.value as string
    for await (const piece of text) {
      lines.feed(piece)
      yield piece
    }
  }
  // a record the parser cannot read (a quote never closed, a record too long) refuses the file, at the line it starts
  let failed: {line: number; code: string; message: string} | undefined
  const records = Readable.from(all()).pipe(
    parse({
      delimiter: sniffDelimiter(first.value),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: lines.onRecord,
      on_skip: (err: (Error & CsvContext & {code?: string}) | undefined) => {
        const code = err?.code ?? 'CSV'
        failed ??= {line: lines.skipped(err ?? {}), code, message: err?.message ?? code}
      },
    }),
  )
  let header: string[] | undefined
  let columns: Partial<Record<MapField, number>> = {}
  let previous = {key: '', n: 0}
  for await (const {record, line} of records as AsyncIterable<{record: string[]; line: number}>) {
    if (failed && failed.line < line) break
    if (!header) {
      header = record.map((h) => h.trim())
      columns = resolveColumns(header, mapping, ctx)
      continue
    }
    const at = `${ctx.display}:${line}`
    if (record.length !== header.length) {
      yield reject(at, 'csvWidth', {got: record.length, expected: header.length})
      continue
    }
    const cell = (f: MapField) => (columns[f] === undefined ? '' : (record[columns[f]] ?? '').trim())
    const ts = parseTime(cell('ts'), ctx.zone)
    if (!ts) {
      yield reject(at, 'badTime', {value: cell('ts')})
      continue
    }
    const type = columns.type === undefined ? 'post' : typeFromName(cell('type'), mapping.types)
    if (type === 'skip') {
      yield {skip: 'system'}
      continue
    }
    if (!type) {
      yield reject(at, 'badType', {value: cell('type'), types: EVENT_TYPES.join(', ')})
      continue
    }
    const who = cell('member')
    if (!who) {
      yield reject(at, 'noMember')
      continue
    }
    const member = KNOWN_PREFIX.test(who) ? who : `${mapping.platform}:${who}`
    const channel = ctx.channel ?? (cell('channel') || undefined)
    const event: CanonicalEvent = {ts, type, member, src: '', ...(channel ? {channel} : {})}
    if (cell('topic')) event.topic = cell('topic')
    if (cell('parent')) event.parent = cell('parent')
    if (cell('src')) event.src = `${mapping.platform}:${cell('channel')}:${cell('src')}`
    else {
      // no id in the source: a hash of what the row says, numbered when identical rows follow each other
      const key = sha256Hex(JSON.stringify([ts, member, type, cell('channel'), cell('topic'), cell('text')])).slice(0, 24)
      previous = key === previous.key ? {key, n: previous.n + 1} : {key, n: 0}
      event.src = `${mapping.platform}:h${key}#${previous.n}`
    }
    yield {event}
  }
  if (failed) {
    const unclosed = failed.code === 'CSV_QUOTE_NOT_CLOSED'
    throw new ValidationError(unclosed ? {key: 'events.csv.quoteNotClosed'} : {key: 'events.csv.syntax', params: {reason: failed.message}}, {
      location: {file: ctx.display, line: failed.line},
      hint: {key: unclosed ? 'events.csv.quoteNotClosed.hint' : 'events.csv.syntax.hint'},
    })
  }
}

function resolveColumns(header: string[], mapping: CsvMapping, ctx: ParseContext): Partial<Record<MapField, number>> {
  const columns: Partial<Record<MapField, number>> = {}
  const missing: string[] = []
  for (const [column, field] of Object.entries(mapping.map)) {
    const i =
      header.findIndex((h) => h === column) >= 0
        ? header.findIndex((h) => h === column)
        : header.findIndex((h) => h.toLowerCase() === column.toLowerCase())
    if (i >= 0) columns[field] = i
    else if (!mapping.loose || field === 'ts' || field === 'member') missing.push(column)
  }
  const need = (['ts', 'member'] as const).filter((f) => columns[f] === undefined && !Object.values(mapping.map).includes(f))
  if (missing.length > 0 || need.length > 0) {
    throw new ValidationError(
      {
        key: missing.length > 0 ? 'events.csv.missingColumns' : 'events.csv.unmapped',
        params: {missing: missing.join(', '), fields: need.join(', '), columns: header.join(', ')},
      },
      {location: {file: ctx.display, line: 1}, hint: {key: 'events.map.hint'}},
    )
  }
  return columns
}
