/**
 * The event metrics of DESIGN.md "Metric definitions" as one DuckDB query over the canonical NDJSON
 * (`.commops/events/*.ndjson`): the path to a warehouse, and the cross-check of the engine in the bench.
 *
 * Readings of the definitions, shared with the engine:
 * - days are calendar days in the community's zone (`timezone(zone, ts)`); 24 h and hours are absolute time;
 * - interactions are post, reply, reaction, question, answer, event_attend; people are members after `members link`
 *   (`personMap`), and `platform:*` rows (reactions counted without their members) are no one;
 * - a member joins at their first join event, or else at their first event of any kind; they are a member at an
 *   instant when they joined before it and their last leave before it (if any) is older than their last join;
 *   `members_total` is members at the end of the period, growth and churn divide by members at its start;
 * - questions are answered by answer events whose `parent` is the question's `src` (any time after);
 * - `mau`/`wau`/`stickiness` look at the 30 (7) days ending on the period's last day, before the period too;
 *   retention looks at all the activity after the join, after the period too;
 * - a ratio whose denominator is 0 is NULL (n/a).
 */
import type {MetricId} from '../schema/kinds/common.js'
import type {MetricFilter, Period} from './types.js'

export interface MetricsSqlRequest {
  period: Pick<Period, 'from' | 'to'>
  /** The community's IANA timezone. */
  zone: string
  /** The NDJSON files to read (absolute paths, or globs DuckDB understands). */
  files: string[]
  /** Linked identities: member → the person it belongs to (db.memberLinks, e.g. through personIndex). */
  personMap?: ReadonlyMap<string, string> | Readonly<Record<string, string>>
  filter?: MetricFilter
}

/** The metrics the query returns, one column each, in this order. */
export const SQL_METRICS = [
  'members_total',
  'new_members',
  'growth_rate',
  'active_members',
  'dau',
  'wau',
  'mau',
  'stickiness',
  'interactions_per_active',
  'topic_participation',
  'response_rate_24h',
  'median_first_response_h',
  'event_participation',
  'retention_d7',
  'retention_d30',
  'churn_rate',
  'conversion_rate',
  'answered_share',
  'content_reach',
  'reciprocity',
] as const satisfies readonly MetricId[]

export type SqlMetricId = (typeof SQL_METRICS)[number]

const INTERACTIONS = ['post', 'reply', 'reaction', 'question', 'answer', 'event_attend']
const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A SQL string literal. */
function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

function list(values: readonly string[]): string {
  return values.map(lit).join(', ')
}

function date(value: string): string {
  if (!DAY.test(value)) throw new RangeError(`not a day: ${value}`)
  return `DATE ${lit(value)}`
}

function linksTable(map: MetricsSqlRequest['personMap']): string {
  const pairs: Array<[string, string]> =
    map === undefined ? [] : map instanceof Map ? [...(map as ReadonlyMap<string, string>)] : Object.entries(map as Record<string, string>)
  if (pairs.length === 0) return 'links(member, person) AS (SELECT NULL::VARCHAR, NULL::VARCHAR WHERE false)'
  return `links(member, person) AS (VALUES ${pairs.map(([m, p]) => `(${lit(m)}, ${lit(p)})`).join(', ')})`
}

function filterClause(filter: MetricFilter | undefined): string {
  const parts = ["r.member NOT LIKE '%:*'"]
  if (filter?.channel?.length) parts.push(`r.channel IN (${list(filter.channel)})`)
  if (filter?.platform?.length) parts.push(`split_part(r.member, ':', 1) IN (${list(filter.platform)})`)
  return parts.join(' AND ')
}

/** One DuckDB statement returning one row: a column per SQL_METRICS id, NULL where the figure is n/a. */
export function metricsSql(request: MetricsSqlRequest): string {
  const {zone, files} = request
  const from = date(request.period.from)
  const to = date(request.period.to)
  const interaction = `type IN (${list(INTERACTIONS)})`
  const columns = "{ts: 'VARCHAR', type: 'VARCHAR', member: 'VARCHAR', channel: 'VARCHAR', topic: 'VARCHAR', src: 'VARCHAR', parent: 'VARCHAR'}"
  return `WITH
raw AS (SELECT * FROM read_ndjson([${list(files)}], columns = ${columns})),
${linksTable(request.personMap)},
ev AS (
  SELECT r.type, r.src, r.parent, r.topic, coalesce(l.person, r.member) AS person,
    epoch_ms(CAST(r.ts AS TIMESTAMPTZ)) AS ms,
    CAST(timezone(${lit(zone)}, CAST(r.ts AS TIMESTAMPTZ)) AS DATE) AS day
  FROM raw r LEFT JOIN links l ON l.member = r.member
  WHERE ${filterClause(request.filter)}
),
per AS (SELECT * FROM ev WHERE day BETWEEN ${from} AND ${to}),
ia AS (SELECT * FROM ev WHERE ${interaction}),
inter AS (SELECT * FROM per WHERE ${interaction}),
joined AS (SELECT person, coalesce(min(day) FILTER (WHERE type = 'join'), min(day)) AS join_day FROM ev GROUP BY person),
standing AS (
  SELECT j.person, j.join_day,
    max(e.ms) FILTER (WHERE e.type = 'join' AND e.day < ${from}) AS join_before_start,
    max(e.ms) FILTER (WHERE e.type = 'leave' AND e.day < ${from}) AS leave_before_start,
    max(e.ms) FILTER (WHERE e.type = 'join' AND e.day <= ${to}) AS join_before_end,
    max(e.ms) FILTER (WHERE e.type = 'leave' AND e.day <= ${to}) AS leave_before_end
  FROM joined j JOIN ev e USING (person) GROUP BY j.person, j.join_day
),
counts AS (
  SELECT
    count(*) FILTER (WHERE join_day < ${from} AND (leave_before_start IS NULL OR join_before_start > leave_before_start)) AS at_start,
    count(*) FILTER (WHERE join_day <= ${to} AND (leave_before_end IS NULL OR join_before_end > leave_before_end)) AS at_end,
    count(*) FILTER (WHERE join_day BETWEEN ${from} AND ${to}) AS new_members
  FROM standing
),
active AS (SELECT DISTINCT person FROM inter),
inter_daily AS (SELECT day, count(DISTINCT person) AS n FROM inter GROUP BY day),
daily AS (SELECT day, count(DISTINCT person) AS n FROM ia WHERE day BETWEEN ${to} - 29 AND ${to} GROUP BY day),
topics AS (
  SELECT topic, count(DISTINCT person) AS n FROM inter
  WHERE topic IS NOT NULL AND topic IN (SELECT topic FROM per WHERE type = 'reply' AND topic IS NOT NULL)
  GROUP BY topic
),
questions AS (
  SELECT q.src, (min(a.ms) - q.ms) / 3600000.0 AS hours
  FROM per q LEFT JOIN ev a ON a.type = 'answer' AND a.parent = q.src
  WHERE q.type = 'question' GROUP BY q.src, q.ms
),
cohort AS (
  SELECT j.person,
    bool_or(i.day >= j.join_day + 7) AS d7,
    bool_or(i.day >= j.join_day + 30) AS d30
  FROM joined j LEFT JOIN ia i USING (person)
  WHERE j.join_day BETWEEN ${from} AND ${to} GROUP BY j.person
),
replies AS (
  SELECT r.person AS author, p.person AS addressee
  FROM per r JOIN ev p ON p.src = r.parent
  WHERE r.type = 'reply' AND p.person <> r.person
),
figures AS (
  SELECT
    (SELECT count(*) FROM active) AS active_members,
    (SELECT count(*) FROM inter) AS interactions,
    (SELECT coalesce(sum(n), 0) FROM inter_daily) AS active_days,
    (SELECT coalesce(sum(n), 0) FROM daily) AS active_days_30,
    (SELECT count(DISTINCT person) FROM ia WHERE day BETWEEN ${to} - 29 AND ${to}) AS mau,
    (SELECT count(DISTINCT person) FROM ia WHERE day BETWEEN ${to} - 6 AND ${to}) AS wau,
    (SELECT avg(n) FROM topics) AS topic_participation,
    (SELECT count(*) FROM questions) AS questions,
    (SELECT count(*) FROM questions WHERE hours <= 24) AS answered_24h,
    (SELECT count(*) FROM questions WHERE hours IS NOT NULL) AS answered,
    (SELECT median(hours) FROM questions) AS median_first_response_h,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'event_register') AS registrants,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'event_attend') AS attendees,
    (SELECT count(*) FROM cohort) AS cohort,
    (SELECT count(*) FILTER (WHERE d7) FROM cohort) AS retained_d7,
    (SELECT count(*) FILTER (WHERE d30) FROM cohort) AS retained_d30,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'leave') AS left_members,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'conversion') AS converted,
    (SELECT count(*) FROM per WHERE type = 'content_publish') AS published,
    (SELECT count(*) FROM per WHERE type = 'content_view') AS views,
    (SELECT count(*) FROM active a
      WHERE a.person IN (SELECT author FROM replies) AND a.person IN (SELECT addressee FROM replies)) AS reciprocal
)
SELECT
  c.at_end AS members_total,
  c.new_members AS new_members,
  c.new_members / nullif(c.at_start, 0) AS growth_rate,
  f.active_members AS active_members,
  f.active_days / (${to} - ${from} + 1) AS dau,
  f.wau AS wau,
  f.mau AS mau,
  (f.active_days_30 / 30) / nullif(f.mau, 0) AS stickiness,
  f.interactions / nullif(f.active_members, 0) AS interactions_per_active,
  f.topic_participation AS topic_participation,
  f.answered_24h / nullif(f.questions, 0) AS response_rate_24h,
  f.median_first_response_h AS median_first_response_h,
  f.attendees / nullif(f.registrants, 0) AS event_participation,
  f.retained_d7 / nullif(f.cohort, 0) AS retention_d7,
  f.retained_d30 / nullif(f.cohort, 0) AS retention_d30,
  f.left_members / nullif(c.at_start, 0) AS churn_rate,
  f.converted / nullif(f.active_members, 0) AS conversion_rate,
  f.answered / nullif(f.questions, 0) AS answered_share,
  f.views / nullif(f.published, 0) AS content_reach,
  f.reciprocal / nullif(f.active_members, 0) AS reciprocity
FROM counts c, figures f`
}
