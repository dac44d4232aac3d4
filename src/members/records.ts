/**
 * Member records (`members import`): columns of a member sheet mapped to fields, rows read into records, and a
 * re-import merged into the records already kept. Pure: a table in, records and per-row outcomes out.
 */
import {UsageError, type Msg} from '../errors.js'
import {isIsoDate} from '../util/dates.js'
import {IDENTITY} from './identity.js'

/** One member as the team knows them: attributes from a sheet, and the platform identities that are theirs. */
export interface MemberRecord {
  /** The sheet's id, or (without an id column) the first identity. */
  id: string
  name?: string
  /** `platform:id`, e.g. `qq:10002`. */
  identities: string[]
  /** `YYYY-MM-DD`. */
  joined?: string
  age?: string
  gender?: string
  region?: string
  occupation?: string
  interests?: string[]
  tags?: string[]
  /** Other columns of the sheet, by header. */
  extra?: Record<string, string>
  /** When an import last changed it (ISO date-time). */
  updatedAt: string
}

/** The index entry of the member records in `db.json`: the records themselves are in `.commops/members/<file>.ndjson`. */
export interface MemberRecordsIndex {
  /** The current records file (`MR1`, `MR2`…) and what it holds; absent before the first import. */
  snapshot?: {file: string; count: number; hash: string; importedAt: string}
  /** The per-workspace secret of `members export --anonymize` (hex), made on first use. */
  salt?: string
}

/** Fields a column can fill. */
export const RECORD_FIELDS = ['id', 'name', 'ids', 'joined', 'age', 'gender', 'region', 'occupation', 'interests', 'tags'] as const
export type RecordField = (typeof RECORD_FIELDS)[number]

/** What a column holds: a field, one platform's ids, another attribute (kept by its header), or nothing. */
export type ColumnTarget = {field: RecordField} | {platform: string} | {extra: string} | {ignore: true}

export interface RecordColumn {
  index: number
  header: string
  target: ColumnTarget
  /** How it was matched: by its header, or by `--map`. */
  how: 'header' | 'map' | 'extra'
}

/** Headers each field is known by (compared folded: NFKC, lower case, without spaces, `_` and `-`). */
const FIELD_ALIASES: Record<RecordField, string[]> = {
  id: ['id', 'memberid', '编号', '成员编号', '会员编号', '成员id', '会员id', '用户id', '用户编号'],
  name: ['name', 'nickname', 'displayname', 'fullname', '姓名', '名字', '昵称', '群昵称', '称呼', '名称'],
  ids: ['ids', 'identities', 'accounts', '账号', '身份', '平台账号'],
  joined: ['joined', 'joindate', 'joinedat', 'joinedon', 'since', '加入时间', '加入日期', '入群时间', '入群日期', '注册时间', '入会时间'],
  age: ['age', 'agegroup', '年龄', '年龄段'],
  gender: ['gender', 'sex', '性别'],
  region: ['region', 'city', 'location', 'province', '地区', '城市', '所在地', '地域', '省份', '所在城市'],
  occupation: ['occupation', 'job', 'profession', 'role', '职业', '工作', '行业'],
  interests: ['interests', 'interest', 'hobbies', '兴趣', '兴趣爱好', '爱好'],
  tags: ['tags', 'tag', 'labels', '标签'],
}

/** Headers of one platform's id column. */
const PLATFORM_ALIASES: Record<string, string[]> = {
  qq: ['qq', 'qq号', 'qq号码'],
  wechat: ['wechat', 'weixin', 'wxid', '微信', '微信号', '微信id'],
  discord: ['discord', 'discordid'],
  slack: ['slack', 'slackid'],
  telegram: ['telegram', 'tg'],
  discourse: ['discourse'],
  github: ['github', 'githubid'],
  email: ['email', 'e-mail', 'mail', '邮箱', '电子邮箱'],
}

/** A header folded for matching: `QQ 号` = `qq号`, `Joined_At` = `joinedat`. */
export const foldHeader = (h: string): string =>
  h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-:：*]+/g, '')

const ALIAS = new Map<string, ColumnTarget>([
  ...Object.entries(FIELD_ALIASES).flatMap(([field, names]) => names.map((n) => [foldHeader(n), {field: field as RecordField}] as const)),
  ...Object.entries(PLATFORM_ALIASES).flatMap(([platform, names]) => names.map((n) => [foldHeader(n), {platform}] as const)),
])

/** A field as the user may name it on the command line: `地区` is `region`, `QQ` is `identities`; any other name as given. */
export function canonicalField(name: string): string {
  const t = ALIAS.get(foldHeader(name))
  if (!t) return name.trim()
  if ('platform' in t || ('field' in t && t.field === 'ids')) return 'identities'
  return 'field' in t ? t.field : name.trim()
}

/** `--map "昵称=name,QQ=qq"` (repeatable, comma-separated): column → field, platform, or `ignore`. */
export function parseRecordMap(specs: string[]): Map<string, ColumnTarget> {
  const map = new Map<string, ColumnTarget>()
  for (const pair of specs
    .flatMap((s) => s.split(/[,，]/))
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=')
    const column = pair.slice(0, eq).trim()
    const to = pair.slice(eq + 1).trim()
    let target: ColumnTarget | undefined
    if ((RECORD_FIELDS as readonly string[]).includes(to)) target = {field: to as RecordField}
    else if (to === 'ignore') target = {ignore: true}
    else if (/^[a-z][a-z0-9_-]*$/.test(to)) target = {platform: to}
    if (eq <= 0 || !target)
      throw new UsageError(
        {key: 'members.records.map.bad', params: {pair, fields: RECORD_FIELDS.join(', ')}},
        {hint: {key: 'members.records.map.hint'}},
      )
    map.set(column, target)
  }
  return map
}

/** What each column of the header holds: `--map` first, then the known headers; any other column is kept as an attribute. */
export function mapRecordColumns(header: string[], map: Map<string, ColumnTarget>): {columns: RecordColumn[]; unknown: string[]} {
  const unknown = [...map.keys()].filter((c) => !header.includes(c) && !header.some((h) => foldHeader(h) === foldHeader(c)))
  const columns = header.map((h, index): RecordColumn => {
    const mapped = map.get(h) ?? [...map.entries()].find(([c]) => foldHeader(c) === foldHeader(h))?.[1]
    if (mapped) return {index, header: h, target: mapped, how: 'map'}
    const known = ALIAS.get(foldHeader(h))
    if (known) return {index, header: h, target: known, how: 'header'}
    return h.trim() === '' ? {index, header: h, target: {ignore: true}, how: 'extra'} : {index, header: h, target: {extra: h.trim()}, how: 'extra'}
  })
  // one column per field, --map first: a second `name` column would silently win over the first
  const seen = new Set<string>()
  for (const c of [...columns].sort((a, b) => Number(b.how === 'map') - Number(a.how === 'map'))) {
    if (!('field' in c.target)) continue
    const field = c.target.field
    if (seen.has(field)) [c.target, c.how] = [{extra: c.header}, 'extra']
    seen.add(field)
  }
  return {columns, unknown}
}

/** A row read into a record's fields; `present` names the fields its file has a column for. */
export interface RecordRow {
  line: number
  id?: string
  name?: string
  identities: string[]
  joined?: string
  age?: string
  gender?: string
  region?: string
  occupation?: string
  interests?: string[]
  tags?: string[]
  extra: Record<string, string>
}

export interface RejectedRecordRow {
  line: number
  reason: Msg
}

const listOf = (cell: string): string[] => [
  ...new Set(
    cell
      .split(/[,，;；、|/]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]

const pad = (n: string) => n.padStart(2, '0')

/** A join date as sheets write it: 2026-06-01, 2026/6/1, 2026.6.1, 2026年6月1日, with or without a time; else undefined. */
export function parseJoined(cell: string): string | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(cell.trim())
  if (!m) return undefined
  const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`
  return isIsoDate(date) ? date : undefined
}

/** One row of cells as a record row, or why it cannot be one. */
export function readRecordRow(line: number, cells: string[], columns: RecordColumn[]): {row: RecordRow} | {reject: RejectedRecordRow} {
  const row: RecordRow = {line, identities: [], extra: {}}
  const reject = (key: string, params: Record<string, unknown> = {}) => ({reject: {line, reason: {key: `members.records.reject.${key}`, params}}})
  for (const c of columns) {
    const cell = (cells[c.index] ?? '').trim()
    const t = c.target
    if ('ignore' in t) continue
    if ('extra' in t) {
      if (cell !== '') row.extra[t.extra] = cell
      continue
    }
    if ('platform' in t) {
      for (const v of cell.split(/[\s,，;；、]+/).filter(Boolean)) {
        const identity = v.startsWith(`${t.platform}:`) ? v : `${t.platform}:${v}`
        if (!IDENTITY.test(identity)) return reject('badIdentity', {value: v, column: c.header})
        row.identities.push(identity)
      }
      continue
    }
    if (cell === '') continue
    switch (t.field) {
      case 'ids':
        for (const v of cell.split(/[\s,，;；、]+/).filter(Boolean)) {
          if (!IDENTITY.test(v)) return reject('badIdentity', {value: v, column: c.header})
          row.identities.push(v)
        }
        break
      case 'joined': {
        const date = parseJoined(cell)
        if (!date) return reject('badDate', {value: cell, column: c.header})
        row.joined = date
        break
      }
      case 'age':
        if (/^\d+$/.test(cell) && (Number(cell) < 1 || Number(cell) > 120)) return reject('badAge', {value: cell, column: c.header})
        row.age = cell
        break
      case 'interests':
      case 'tags':
        row[t.field] = listOf(cell)
        break
      default:
        row[t.field] = cell
    }
  }
  row.identities = [...new Set(row.identities)]
  if (row.id === undefined && row.identities.length === 0) return reject('noKey')
  return {row}
}

/** The fields a file sets on the records it names: those it has a column for (an empty cell clears the field). */
export function presentFields(columns: RecordColumn[]): Set<RecordField | 'extra'> {
  const out = new Set<RecordField | 'extra'>()
  for (const c of columns) {
    if ('field' in c.target) out.add(c.target.field)
    else if ('extra' in c.target) out.add('extra')
  }
  return out
}

export type RowOutcome = 'added' | 'updated' | 'unchanged'

export interface MergeResult {
  records: MemberRecord[]
  outcomes: Array<{line: number; id: string; outcome: RowOutcome}>
  rejected: RejectedRecordRow[]
  added: number
  updated: number
  unchanged: number
}

const SCALARS = ['name', 'joined', 'age', 'gender', 'region', 'occupation'] as const

/** The record a row makes of `old` (or of nothing): the columns the file has replace, identities add up, the rest stays. */
function applyRow(old: MemberRecord | undefined, row: RecordRow, id: string, present: Set<RecordField | 'extra'>, now: string): MemberRecord {
  const next: MemberRecord = old ? {...structuredClone(old), updatedAt: now} : {id, identities: [], updatedAt: now}
  next.identities = [...new Set([...next.identities, ...row.identities])]
  for (const f of SCALARS) {
    if (!present.has(f)) continue
    if (row[f] === undefined) delete next[f]
    else next[f] = row[f]
  }
  for (const f of ['interests', 'tags'] as const) {
    if (!present.has(f)) continue
    if (row[f]?.length) next[f] = row[f]
    else delete next[f]
  }
  if (present.has('extra')) {
    if (Object.keys(row.extra).length > 0) next.extra = {...row.extra}
    else delete next.extra
  }
  return next
}

const same = (a: MemberRecord, b: MemberRecord) => JSON.stringify({...a, updatedAt: ''}) === JSON.stringify({...b, updatedAt: ''})

/**
 * Merges the rows of a file into the kept records: a row updates the record of its id, or (without an id) the record
 * holding one of its identities; else it adds one, keyed by its id or its first identity. An identity already held by
 * another record, or an id twice in the file, rejects the row. Records the file does not name stay as they are.
 */
export function mergeRecords(existing: MemberRecord[], rows: RecordRow[], present: Set<RecordField | 'extra'>, now: string): MergeResult {
  const byId = new Map(existing.map((r) => [r.id, r]))
  const holder = new Map<string, string>()
  for (const r of existing) for (const i of r.identities) holder.set(i, r.id)
  const lineOf = new Map<string, number>()
  const result: MergeResult = {records: [], outcomes: [], rejected: [], added: 0, updated: 0, unchanged: 0}
  const reject = (line: number, key: string, params: Record<string, unknown>) =>
    result.rejected.push({line, reason: {key: `members.records.reject.${key}`, params}})
  for (const row of rows) {
    const id = row.id ?? row.identities.map((i) => holder.get(i)).find((h) => h !== undefined) ?? row.identities[0]
    if (lineOf.has(id)) {
      reject(row.line, 'duplicate', {id, line: lineOf.get(id)})
      continue
    }
    const taken = row.identities.find((i) => holder.has(i) && holder.get(i) !== id)
    if (taken !== undefined) {
      reject(row.line, 'identityTaken', {identity: taken, id: holder.get(taken)})
      continue
    }
    lineOf.set(id, row.line)
    const old = byId.get(id)
    const next = applyRow(old, row, id, present, now)
    let outcome: RowOutcome = 'added'
    if (old) outcome = same(old, next) ? 'unchanged' : 'updated'
    if (outcome === 'unchanged') next.updatedAt = old!.updatedAt
    byId.set(id, next)
    for (const i of next.identities) holder.set(i, id)
    result[outcome]++
    result.outcomes.push({line: row.line, id, outcome})
  }
  result.records = [...byId.values()]
  return result
}
