// A seeded generator of community activity in canonical events (DESIGN.md "Canonical event"), for the bundled demo
// sample, the SQL agreement test and the benches. Same options and seed → the same events, byte for byte.
//
// The model: members join over the range (a founding wave first), each with a heavy-tailed (Pareto) activity level
// that decays from their join day at a rate of their own; days follow a weekly rhythm and hours an evening peak.
// Interactions are posts (new topics), replies and reactions (to earlier messages of the channel), questions (some
// answered within 24 h, some later, some never); staff publish content that members view; meetups collect
// registrations and attendance; a few members convert; some leave and are silent afterwards.

const TYPES_OF_INTERACTION = [
  ['post', 0.34],
  ['reply', 0.33],
  ['reaction', 0.22],
  ['question', 0.11],
]
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.5, 2.5, 3, 3, 3.2, 3.5, 3, 2.8, 2.8, 3, 3.2, 3.5, 4.5, 5.5, 6, 5, 2.5]
/** Monday first: weekdays busier than the weekend. */
const WEEKDAY = [1.05, 1.1, 1.1, 1.05, 0.95, 0.7, 0.65]

const ZH = {
  surnames:
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
  given: [
    '伟',
    '芳',
    '娜',
    '敏',
    '静',
    '磊',
    '强',
    '洋',
    '艳',
    '勇',
    '军',
    '杰',
    '娟',
    '涛',
    '明',
    '超',
    '霞',
    '平',
    '刚',
    '桂英',
    '晓东',
    '小红',
    '子涵',
    '梓萱',
    '浩然',
    '一诺',
    '欣怡',
    '宇轩',
    '雨桐',
    '思远',
    '嘉怡',
    '俊杰',
    '佳琪',
    '文博',
    '若曦',
    '天佑',
  ],
}
const EN_NAMES = ['alex', 'sam', 'maria', 'li', 'noah', 'emma', 'yuki', 'omar', 'lena', 'jonas', 'ana', 'ravi', 'mia', 'felix', 'sara', 'tom']
/** Talk channels, then where members join, where staff publish content, where meetups are announced. */
const CHANNELS = {
  zh: {talk: ['闲聊大厅', '摄影技巧', '器材交流', '作品点评'], welcome: '新人报到', content: '公众号', events: '活动群'},
  en: {talk: ['general', 'tips', 'gear', 'critique'], welcome: 'welcome', content: 'blog', events: 'events'},
}

/** mulberry32: small, fast, good enough for synthetic data. */
function rng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function poisson(random, mean) {
  if (mean <= 0) return 0
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gauss(random)))
  const l = Math.exp(-mean)
  let k = 0
  let p = random()
  while (p > l) {
    k++
    p *= random()
  }
  return k
}

function gauss(random) {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

function pickWeighted(random, weights, total) {
  let x = random() * total
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]
    if (x < 0) return i
  }
  return weights.length - 1
}

const pad = (n, w = 2) => String(n).padStart(w, '0')

/** `YYYY-MM-DD` plus `days`. */
export function addDays(date, days) {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

function offsetText(minutes) {
  const sign = minutes < 0 ? '-' : '+'
  const m = Math.abs(minutes)
  return `${sign}${pad(Math.floor(m / 60))}:${pad(m % 60)}`
}

function memberNames(random, count, style, platform) {
  if (style === 'id') return Array.from({length: count}, (_, i) => `${platform}:${100000 + i}`)
  const seen = new Map()
  const names = []
  for (let i = 0; i < count; i++) {
    const base =
      style === 'zh'
        ? ZH.surnames[Math.floor(random() * ZH.surnames.length)] + ZH.given[Math.floor(random() * ZH.given.length)]
        : EN_NAMES[Math.floor(random() * EN_NAMES.length)] + '_' + 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    names.push(`${platform}:${n === 1 ? base : `${base}${n}`}`)
  }
  return names
}

/**
 * Yields canonical events, day by day, each day in time order. Options: `seed`, `from`/`to` (`YYYY-MM-DD`, the data's
 * range), `members` (how many ever join), `activity` (mean interactions per member-day at the start, before the
 * heavy tail and decay; default 0.6), `offsetMinutes` (the community's UTC offset, default 480 = Asia/Shanghai),
 * `names` ('zh', 'en' or 'id': platform ids), `platform` (member prefix, default 'csv'), `channels`
 * ({talk: [ids], welcome, content, events}; default by `names`).
 */
export function* generateEvents(options) {
  const o = {activity: 0.6, offsetMinutes: 480, names: 'zh', platform: 'csv', ...options}
  const random = rng(o.seed ?? 1)
  const days = daysBetween(o.from, o.to)
  const place = o.channels ?? CHANNELS[o.names === 'zh' ? 'zh' : 'en']
  const channels = [...place.talk, place.welcome]
  const style = place
  const names = memberNames(random, o.members, o.names, o.platform)
  const offset = offsetText(o.offsetMinutes)
  const firstWeekday = (new Date(`${o.from}T00:00:00Z`).getUTCDay() + 6) % 7
  const hourTotal = HOURS.reduce((a, b) => a + b, 0)

  // members: a founding wave in the first tenth of the range, the rest spread over it
  const members = names.map((name, i) => {
    const founding = random() < 0.35
    const joinDay = founding ? Math.floor(random() * Math.max(1, days / 10)) : Math.floor(random() * days)
    const level = Math.min(40, 0.15 / Math.pow(1 - random(), 1 / 1.3)) // Pareto, alpha 1.3
    const halfLife = random() < 0.3 ? 3 + random() * 10 : 20 + random() * 200
    const leaveDay = random() < 0.12 ? joinDay + 1 + Math.floor(random() * days) : Infinity
    const convertDay = random() < 0.08 ? joinDay + 7 + Math.floor(random() * 60) : Infinity
    return {name, index: i, joinDay, level, decay: Math.LN2 / halfLife, leaveDay, convertDay, home: Math.floor(random() * channels.length)}
  })
  const staff = [...members].sort((a, b) => b.level - a.level).slice(0, Math.max(1, Math.ceil(o.members / 100)))
  for (const s of staff) {
    s.joinDay = 0
    s.leaveDay = Infinity
  }

  let seq = 0
  let topicSeq = 0
  const srcOf = () => `gen:${o.seed ?? 1}:${(seq++).toString(36)}`
  /** Recent messages per channel that replies and reactions answer: {src, member, topic}. */
  const recent = channels.map(() => [])
  /** Events scheduled for a later day (answers, attendance, views), by day index. */
  const later = new Map()
  const schedule = (day, minute, event) => {
    if (day >= days) return
    let bucket = later.get(day)
    if (!bucket) later.set(day, (bucket = []))
    bucket.push({minute, event})
  }
  const present = (m, day) => day >= m.joinDay && day < m.leaveDay
  const meetupEvery = 7

  for (let day = 0; day < days; day++) {
    const date = addDays(o.from, day)
    const weekday = (firstWeekday + day) % 7
    const slots = []
    for (const m of members) {
      if (!present(m, day)) continue
      if (day === m.joinDay) slots.push({minute: minuteOfDay(random, hourTotal), member: m, kind: 'join'})
      const mean = o.activity * m.level * WEEKDAY[weekday] * Math.exp(-m.decay * (day - m.joinDay))
      const n = poisson(random, mean)
      for (let k = 0; k < n; k++) slots.push({minute: minuteOfDay(random, hourTotal), member: m, kind: 'interaction'})
      if (day === m.convertDay) slots.push({minute: minuteOfDay(random, hourTotal), member: m, kind: 'conversion'})
      if (day + 1 === m.leaveDay) slots.push({minute: 1439, member: m, kind: 'leave'})
    }
    slots.push({minute: 600 + Math.floor(random() * 120), member: staff[day % staff.length], kind: 'publish'})
    if (day % meetupEvery === 3) slots.push({minute: 1200, member: staff[0], kind: 'meetup'})
    for (const s of later.get(day) ?? []) slots.push({minute: s.minute, scheduled: s.event})
    later.delete(day)
    slots.sort((a, b) => a.minute - b.minute)

    const out = []
    const ts = (minute, second = 0) => `${date}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}${offset}`
    const emit = ({minute, event: e}) => {
      // a member who left meanwhile does not come back to answer, attend or view
      if (!present(e.by, day)) return
      delete e.by
      e.ts = ts(minute, e.second ?? 0)
      delete e.second
      out.push(e)
    }
    const last = {minute: -1, second: 0}
    for (const slot of slots) {
      if (slot.scheduled) {
        emit({minute: slot.minute, event: slot.scheduled})
        continue
      }
      const m = slot.member
      // seconds grow within a minute, so a reply never precedes what it answers
      const second = slot.minute === last.minute ? Math.max(last.second, Math.floor(random() * 60)) : Math.floor(random() * 60)
      last.minute = slot.minute
      last.second = second
      const base = {ts: ts(slot.minute, second), member: m.name}
      if (slot.kind === 'join') out.push({...base, type: 'join', channel: channels[channels.length - 1], src: srcOf()})
      else if (slot.kind === 'leave') out.push({...base, type: 'leave', channel: channels[channels.length - 1], src: srcOf()})
      else if (slot.kind === 'conversion') out.push({...base, type: 'conversion', channel: style.content, src: srcOf()})
      else if (slot.kind === 'publish') {
        const topic = `c${++topicSeq}`
        const src = srcOf()
        out.push({...base, type: 'content_publish', channel: style.content, topic, src})
        const views = poisson(random, 4 + members.length / 25)
        for (let v = 0; v < views; v++) {
          const viewer = members[Math.floor(random() * members.length)]
          const delay = Math.floor(-Math.log(1 - random()) * 1800)
          const at = slot.minute + delay
          if (Math.floor(at / 1440) + day >= viewer.leaveDay) continue
          const e = {type: 'content_view', member: viewer.name, channel: style.content, topic, src: srcOf(), parent: src, by: viewer}
          schedule(day + Math.floor(at / 1440), at % 1440, e)
        }
      } else if (slot.kind === 'meetup') {
        const topic = `e${++topicSeq}`
        out.push({...base, type: 'content_publish', channel: style.events, topic, src: srcOf()})
        const registrants = members.filter((x) => present(x, day) && random() < Math.min(0.9, 0.03 + x.level * 0.04))
        for (const r of registrants) {
          const at = slot.minute + 5 + Math.floor(random() * 2 * 1440)
          schedule(day + Math.floor(at / 1440), at % 1440, {
            type: 'event_register',
            member: r.name,
            channel: style.events,
            topic,
            src: srcOf(),
            by: r,
          })
          if (random() < 0.62) {
            schedule(day + 4, 1140 + Math.floor(random() * 40), {
              type: 'event_attend',
              member: r.name,
              channel: style.events,
              topic,
              src: srcOf(),
              by: r,
            })
          }
        }
      } else {
        const channel = m.home === channels.length - 1 || random() < 0.3 ? Math.floor(random() * (channels.length - 1)) : m.home
        const pool = recent[channel]
        let type = TYPES_OF_INTERACTION[pickWeighted(random, [0.34, 0.33, 0.22, 0.11], 1)][0]
        if ((type === 'reply' || type === 'reaction') && pool.length === 0) type = 'post'
        const src = srcOf()
        if (type === 'post' || type === 'question') {
          const topic = `${type === 'post' ? 't' : 'q'}${++topicSeq}`
          out.push({...base, type, channel: channels[channel], topic, src})
          pool.push({src, member: m, topic})
          if (pool.length > 40) pool.shift()
          if (type === 'question')
            scheduleAnswers(random, members, m, day, slot.minute, second, {channel: channels[channel], topic, src}, schedule, srcOf, present)
        } else {
          const target = pool[pool.length - 1 - Math.floor(Math.pow(random(), 2) * pool.length)]
          out.push({...base, type, channel: channels[channel], topic: target.topic, src, parent: target.src})
          if (type === 'reply') {
            pool.push({src, member: m, topic: target.topic})
            if (pool.length > 40) pool.shift()
          }
        }
      }
    }
    // answers and views due later the same day
    for (const s of later.get(day) ?? []) emit(s)
    later.delete(day)
    out.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0))
    yield* out
  }
}

function minuteOfDay(random, hourTotal) {
  return pickWeighted(random, HOURS, hourTotal) * 60 + Math.floor(random() * 60)
}

/** 55% of questions get a first answer within 24 h, 20% later (up to five days), 25% never; some get a second one. */
function scheduleAnswers(random, members, asker, day, minute, second, question, schedule, srcOf, present) {
  const r = random()
  if (r >= 0.75) return
  const answers = 1 + (random() < 0.3 ? 1 : 0)
  let delay = r < 0.55 ? Math.floor(-Math.log(1 - random()) * 180) + 1 : 1441 + Math.floor(random() * 4 * 1440)
  if (delay >= 1440 && r < 0.55) delay = 1439 // within 24 h, as drawn
  for (let a = 0; a < answers; a++) {
    let by = members[Math.floor(random() * members.length)]
    for (let tries = 0; tries < 5 && (by === asker || !present(by, day)); tries++) by = members[Math.floor(random() * members.length)]
    if (by === asker) continue
    const at = minute + delay
    const e = {type: 'answer', member: by.name, channel: question.channel, topic: question.topic, src: srcOf(), parent: question.src, by, second}
    schedule(day + Math.floor(at / 1440), at % 1440, e)
    delay += 30 + Math.floor(random() * 600)
  }
}

/** The event as one canonical NDJSON line, keys in DESIGN.md's order. */
export function eventLine(e) {
  const out = {ts: e.ts, type: e.type, member: e.member}
  if (e.channel !== undefined) out.channel = e.channel
  if (e.topic !== undefined) out.topic = e.topic
  out.src = e.src
  if (e.parent !== undefined) out.parent = e.parent
  return JSON.stringify(out)
}
