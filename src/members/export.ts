/**
 * `members export`: only the fields asked for, as CSV (formula-safe), JSON, or an `.all-contributorsrc`; with
 * `anonymize`, ids, names and identities become pseudonyms keyed by the workspace's secret (HMAC-SHA256), the same
 * for a member in every export and never revealing the original. Pure.
 */
import {createHmac} from 'node:crypto'
import {stringifyCsvSafe} from '../util/csv-safe.js'
import {fieldValues, memberId, type MemberRow} from './records-view.js'

export const EXPORT_FORMATS = ['csv', 'json', 'all-contributors'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Fields whose values identify a person: pseudonymized by `anonymize`. */
const IDENTIFYING = new Set(['id', 'key', 'name', 'identities', 'ids'])

/** A stable pseudonym of `value` of a kind (`id`, `name`, `identity`): a keyed hash, so it cannot be reversed or guessed without the secret. */
export function pseudonym(salt: string, kind: string, value: string): string {
  return createHmac('sha256', salt).update(`${kind}\u0000${value}`).digest('hex').slice(0, 12)
}

/** One member's export values: identities keep their platform (`qq:…`), ids and names become `m-…` and `member-…`. */
function anonymized(salt: string, r: MemberRow, field: string, values: string[]): string[] {
  if (field === 'identities' || field === 'ids') return values.map((v) => `${v.slice(0, v.indexOf(':'))}:${pseudonym(salt, 'identity', v)}`)
  if (field === 'name') return [`member-${pseudonym(salt, 'name', memberId(r)).slice(0, 8)}`]
  return [`m-${pseudonym(salt, 'id', memberId(r))}`]
}

export type ExportValue = string | string[] | number | null

const NUMERIC = new Set(['interactions', 'interactions_30d'])

/** The members' values of `fields`, one object per member, in field order. */
export function exportRows(rows: MemberRow[], fields: string[], o: {salt?: string} = {}): Array<Record<string, ExportValue>> {
  return rows.map((r) => {
    const out: Record<string, ExportValue> = {}
    for (const f of fields) {
      let values = fieldValues(r, f)
      if (values && o.salt !== undefined && IDENTIFYING.has(f)) values = anonymized(o.salt, r, f, values)
      const extra = r.extras?.[f]
      if (values === undefined) out[f] = null
      else if (typeof extra === 'number' || NUMERIC.has(f)) out[f] = Number(values[0])
      else out[f] = f === 'identities' || f === 'ids' || f === 'interests' || f === 'tags' ? values : values[0]
    }
    return out
  })
}

/** CSV with a header row; lists joined with a space (identities) or `、`/`,` (interests, tags). */
export function exportCsv(items: Array<Record<string, ExportValue>>, fields: string[]): string {
  const cell = (v: ExportValue) => (Array.isArray(v) ? v.join(' ') : v)
  return stringifyCsvSafe([fields, ...items.map((it) => fields.map((f) => cell(it[f])))])
}

/** all-contributors' contribution types a community's events and tags can show. */
const CONTRIBUTION_OF: Record<string, string> = {
  question: 'question',
  answer: 'question',
  event_register: 'event',
  event_attend: 'event',
  content_publish: 'content',
}
const CONTRIBUTION_TYPES = new Set([
  'a11y',
  'audio',
  'blog',
  'bug',
  'business',
  'code',
  'content',
  'data',
  'design',
  'doc',
  'eventOrganizing',
  'example',
  'financial',
  'fundingFinding',
  'ideas',
  'infra',
  'maintenance',
  'mentoring',
  'platform',
  'plugin',
  'projectManagement',
  'promotion',
  'question',
  'research',
  'review',
  'security',
  'talk',
  'test',
  'translation',
  'tutorial',
  'userTesting',
  'video',
  'event',
])

export interface AllContributors {
  projectName: string
  contributors: Array<{login: string; name: string; avatar_url: string; profile: string; contributions: string[]}>
}

/**
 * The `.all-contributorsrc` shape: members with a contribution type their events show (questions and answers,
 * events, content) or their tags name (`code`, `doc`, `translation`…); login is their GitHub id when they have one.
 */
export function allContributors(
  rows: MemberRow[],
  types: Map<string, Record<string, number>>,
  o: {projectName: string; salt?: string},
): AllContributors {
  const contributors: AllContributors['contributors'] = []
  for (const r of rows) {
    const kinds = new Set<string>()
    for (const t of Object.keys(types.get(r.key) ?? {})) if (CONTRIBUTION_OF[t]) kinds.add(CONTRIBUTION_OF[t])
    for (const tag of r.record?.tags ?? []) if (CONTRIBUTION_TYPES.has(tag)) kinds.add(tag)
    if (kinds.size === 0) continue
    const github = r.identities.find((i) => i.startsWith('github:'))?.slice('github:'.length)
    const login = o.salt !== undefined ? `m-${pseudonym(o.salt, 'id', memberId(r))}` : (github ?? memberId(r))
    const name = o.salt !== undefined ? `member-${pseudonym(o.salt, 'name', memberId(r)).slice(0, 8)}` : (r.record?.name ?? login)
    const profile = o.salt === undefined && github ? `https://github.com/${github}` : ''
    contributors.push({login, name, avatar_url: '', profile, contributions: [...kinds].sort()})
  }
  return {projectName: o.projectName, contributors}
}
