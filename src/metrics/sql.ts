/**
 * The event metrics of DESIGN.md "Metric definitions" as one DuckDB query over the canonical NDJSON
 * (`.commops/events/*.ndjson`): the path to a warehouse, and the cross-check of the engine (src/metrics/engine.ts)
 * in the bench and tests/unit/metrics-sql.test.ts. It reads the definitions as the engine does:
 * - days are calendar days in the community's zone (`timezone(zone, ts)`); 24 h and hours are absolute time;
 * - interactions are post, reply, reaction, question, answer, event_attend; people are members after `members link`
 *   (`personMap`), and `platform:*` rows (reactions counted without their members) are no one;
 * - a member starts at their first join or first interaction, whichever is earlier, and is a member until a leave
 *   later than their last join; `members_total` counts members at the end of the last day, growth and churn divide
 *   by members at the end of the day before the period;
 * - an answer answers the question its `parent` names, else the earlier question of its `topic`; the asker's own
 *   answers do not count;
 * - `mau`/`wau`/`stickiness` look at the 30 (7) days ending on the period's last day, before the period too;
 *   retention counts the cohort members whose day 7 (30) is within the data, retained when they interact on or after it;
 * - event_participation counts attend and register events; reciprocity links replies and answers of the period to the
 *   author of their parent (a post, reply, question or answer from 30 days before the period on);
 * - a ratio whose denominator is 0 is NULL (n/a), and so is conversion_rate without any conversion event.
 */
import {EVENT_METRICS, INTERACTIONS} from './engine.js'
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

/** The metrics the query returns, one column each, in this order: the engine's event metrics. */
export const SQL_METRICS = EVENT_METRICS

export type SqlMetricId = (typeof SQL_METRICS)[number]

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
bounds AS (SELECT max(day) AS last_day FROM ev),
people AS (
  SELECT person,
    least(min(day) FILTER (WHERE type = 'join'), min(day) FILTER (WHERE ${interaction})) AS start,
    max(ms) FILTER (WHERE type = 'join') AS last_join,
    max(ms) FILTER (WHERE type = 'leave') AS last_leave,
    max(day) FILTER (WHERE type = 'leave') AS leave_day,
    max(day) FILTER (WHERE ${interaction}) AS last_active
  FROM ev GROUP BY person
),
standing AS (
  SELECT *, CASE WHEN last_leave > coalesce(last_join, -9223372036854775807) THEN leave_day END AS gone FROM people WHERE start IS NOT NULL
),
counts AS (
  SELECT
    count(*) FILTER (WHERE start < ${from} AND coalesce(gone >= ${from}, true)) AS at_start,
    count(*) FILTER (WHERE start <= ${to} AND coalesce(gone > ${to}, true)) AS at_end,
    count(*) FILTER (WHERE start BETWEEN ${from} AND ${to}) AS new_members
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
answers AS (SELECT parent, topic, person, ms FROM ev WHERE type = 'answer'),
firsts AS (
  SELECT q.ms, least(
      (SELECT min(a.ms) FROM answers a WHERE a.parent = q.src AND a.person <> q.person),
      (SELECT min(a.ms) FROM answers a WHERE a.parent IS NULL AND a.topic = q.topic AND a.person <> q.person AND a.ms >= q.ms)
    ) AS answered_ms
  FROM per q WHERE q.type = 'question'
),
questions AS (SELECT CASE WHEN answered_ms IS NOT NULL THEN greatest(0, answered_ms - ms) / 3600000.0 END AS hours FROM firsts),
cohort AS (
  SELECT s.start, s.last_active, n.days
  FROM standing s, bounds b, (VALUES (7), (30)) n(days)
  WHERE s.start BETWEEN ${from} AND ${to} AND s.start + n.days <= b.last_day
),
authors AS (
  SELECT src, person FROM ev WHERE type IN ('post', 'reply', 'question', 'answer') AND day BETWEEN ${from} - 30 AND ${to}
),
replies AS (
  SELECT r.person AS author, p.person AS addressee
  FROM per r JOIN authors p ON p.src = r.parent
  WHERE r.type IN ('reply', 'answer')
),
mutual AS (
  SELECT author AS person FROM replies WHERE author <> addressee
  INTERSECT SELECT addressee FROM replies WHERE author <> addressee
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
    (SELECT count(*) FROM per WHERE type = 'event_register') AS registrations,
    (SELECT count(*) FROM per WHERE type = 'event_attend') AS attendances,
    (SELECT count(*) FILTER (WHERE days = 7) FROM cohort) AS cohort_d7,
    (SELECT count(*) FILTER (WHERE days = 7 AND last_active >= start + 7) FROM cohort) AS retained_d7,
    (SELECT count(*) FILTER (WHERE days = 30) FROM cohort) AS cohort_d30,
    (SELECT count(*) FILTER (WHERE days = 30 AND last_active >= start + 30) FROM cohort) AS retained_d30,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'leave') AS left_members,
    (SELECT count(*) FROM ev WHERE type = 'conversion') AS conversions_ever,
    (SELECT count(DISTINCT person) FROM per WHERE type = 'conversion') AS converted,
    (SELECT count(*) FROM per WHERE type = 'content_publish') AS published,
    (SELECT count(*) FROM per WHERE type = 'content_view') AS views,
    (SELECT count(*) FROM replies) AS reply_links,
    (SELECT count(*) FROM active WHERE person IN (SELECT person FROM mutual)) AS reciprocal
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
  f.attendances / nullif(f.registrations, 0) AS event_participation,
  f.retained_d7 / nullif(f.cohort_d7, 0) AS retention_d7,
  f.retained_d30 / nullif(f.cohort_d30, 0) AS retention_d30,
  f.left_members / nullif(c.at_start, 0) AS churn_rate,
  CASE WHEN f.conversions_ever > 0 THEN f.converted / nullif(f.active_members, 0) END AS conversion_rate,
  f.answered / nullif(f.questions, 0) AS answered_share,
  f.views / nullif(f.published, 0) AS content_reach,
  CASE WHEN f.reply_links > 0 THEN f.reciprocal / nullif(f.active_members, 0) END AS reciprocity
FROM counts c, figures f`
}
