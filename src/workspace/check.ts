import type {RawProblem} from '../schema/kind-def.js'
import {closest} from '../util/suggest.js'

const asArray = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object' && !Array.isArray(x)) : []

/** Cross-references in community.yaml: channels that exist, unique ids, levels in order, shares that add up. */
export function checkCommunity(value: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = []
  // each list read out of the value once (asArray makes a new array), then used by every check below
  const platforms = asArray(value.platforms)
  const platformChannels = platforms.map((p) => asArray(p.channels))
  const channels = platformChannels.flatMap((list) => list.map((c) => String(c.id)))
  const channelRef = (pointer: string, ref: unknown) => {
    if (typeof ref !== 'string' || channels.includes(ref)) return
    const best = closest(ref, channels)
    problems.push({
      path: pointer,
      rule: 'community.unknownChannel',
      msg: {key: 'community.unknownChannel', params: {channel: ref}},
      hint: {
        key: 'community.unknownChannel.hint',
        params: {channels: channels.join(', ') || '—', suggest: best ? {$msg: {key: 'suggest.didYouMean', params: {value: best}}} : ''},
      },
    })
  }
  const content = (value.content ?? {}) as Record<string, unknown>
  const pillars = asArray(content.pillars)
  const activities = asArray(value.activities)
  const audience = (value.audience ?? {}) as Record<string, unknown>
  const personas = asArray(audience.personas)
  pillars.forEach((p, i) => channelRef(`/content/pillars/${i}/channel`, p.channel))
  activities.forEach((a, i) => channelRef(`/activities/${i}/channel`, a.channel))
  personas.forEach((p, i) =>
    (Array.isArray(p.channels) ? p.channels : []).forEach((c, j) => {
      if (!channels.includes(String(c)) && !platforms.some((pl) => pl.id === c)) channelRef(`/audience/personas/${i}/channels/${j}`, c)
    }),
  )

  const unique = (list: Array<Record<string, unknown>>, base: string, field = 'id') => {
    const seen = new Set<string>()
    list.forEach((item, i) => {
      const id = item[field]
      if (typeof id !== 'string' && typeof id !== 'number') return
      if (seen.has(String(id)))
        problems.push({
          path: `${base}/${i}/${field}`,
          rule: 'community.duplicateId',
          msg: {key: field === 'name' ? 'community.duplicateName' : 'community.duplicateId', params: {id}},
        })
      seen.add(String(id))
    })
  }
  unique(platforms, '/platforms')
  const seenChannels = new Set<string>()
  platformChannels.forEach((list, i) =>
    list.forEach((c, j) => {
      if (seenChannels.has(String(c.id)))
        problems.push({
          path: `/platforms/${i}/channels/${j}/id`,
          rule: 'community.duplicateId',
          msg: {key: 'community.duplicateId', params: {id: c.id}},
        })
      seenChannels.add(String(c.id))
    }),
  )
  unique(pillars, '/content/pillars')
  unique(activities, '/activities')
  unique(personas, '/audience/personas')
  const incentives = (value.incentives ?? {}) as Record<string, unknown>
  const levels = asArray(incentives.levels)
  unique(asArray(incentives.badges), '/incentives/badges')
  unique(levels, '/incentives/levels', 'level')
  const multipliers = asArray(incentives.multipliers)
  unique(multipliers, '/incentives/multipliers')
  // a campaign's last day (included) on or after its first: dates as YYYY-MM-DD (the schema's format) compare as text
  multipliers.forEach((m, i) => {
    if (typeof m.from === 'string' && typeof m.to === 'string' && m.to < m.from)
      problems.push({
        path: `/incentives/multipliers/${i}/to`,
        rule: 'community.dateOrder',
        msg: {key: 'community.dateOrder', params: {from: m.from, to: m.to}},
        hint: {key: 'community.dateOrder.hint'},
      })
  })
  unique(asArray(incentives.honours), '/incentives/honours')
  // `members list --level` takes an engagement level's id or name: each names one level
  const engagement = (value.engagement ?? {}) as Record<string, unknown>
  const engagementLevels = asArray(engagement.levels)
  unique(engagementLevels, '/engagement/levels')
  unique(engagementLevels, '/engagement/levels', 'name')

  levels.forEach((l, i) => {
    if (
      i > 0 &&
      typeof l.threshold === 'number' &&
      typeof levels[i - 1].threshold === 'number' &&
      l.threshold <= (levels[i - 1].threshold as number)
    ) {
      problems.push({
        path: `/incentives/levels/${i}/threshold`,
        rule: 'community.levelOrder',
        msg: {key: 'community.levelOrder', params: {level: l.level, threshold: l.threshold, previous: levels[i - 1].threshold}},
      })
    }
  })
  const shares = personas.map((p) => p.share).filter((s): s is number => typeof s === 'number')
  const total = shares.reduce((a, b) => a + b, 0)
  if (shares.length > 0 && total > 1.0001) {
    problems.push({
      path: '/audience/personas',
      rule: 'community.shares',
      severity: 'warning',
      msg: {key: 'community.shares', params: {total: total.toFixed(2)}},
    })
  }
  return problems
}
