// Writes the bundled activity samples (templates/samples/activity.<locale>.ndjson) that `init --sample` copies to
// data/: run once, commit the output. Seeded: running it again gives the same bytes.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {root} from './lib.mjs'

/** Each sample matches its community (templates/community/sample.<locale>.yaml): its channels, platform and zone. */
const SAMPLES = {
  'zh-CN': {
    names: 'zh',
    platform: 'wechat',
    offsetMinutes: 480, // Asia/Shanghai
    channels: {talk: ['wechat-main', 'forum-tips', 'forum-feedback'], welcome: 'wechat-newbie', content: 'wechat-notice', events: 'forum-events'},
  },
  en: {
    names: 'en',
    platform: 'discord',
    offsetMinutes: 120, // Europe/Berlin in summer (CEST all through June–September)
    channels: {
      talk: ['discord-help', 'forum-help', 'gh-discussions', 'forum-showcase'],
      welcome: 'discord-contributors',
      content: 'discord-announcements',
      events: 'discord-stage',
    },
  },
}

/** mulberry32, seeded: the member sheet's attributes are the same on every run. */
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

/** The member sheet of each sample (data/members.csv): the headers a community team would use, attributes by weight. */
const SHEETS = {
  'zh-CN': {
    header: ['编号', '姓名', '微信', 'QQ', '性别', '年龄', '地区', '职业', '兴趣', '标签', '加入时间'],
    prefix: 'M',
    gender: [
      ['男', 5],
      ['女', 5],
    ],
    region: [
      ['上海', 6],
      ['北京', 5],
      ['杭州', 3],
      ['深圳', 3],
      ['成都', 2],
      ['广州', 2],
      ['南京', 1],
      ['武汉', 1],
    ],
    occupation: [
      ['设计师', 3],
      ['工程师', 5],
      ['学生', 4],
      ['教师', 2],
      ['自由职业', 2],
      ['产品经理', 2],
      ['摄影师', 1],
    ],
    interests: ['人像', '风光', '街拍', '胶片', '后期', '器材', '旅行'],
    tags: [
      ['志愿者', 1],
      ['讲师', 1],
      ['种子用户', 2],
      ['', 12],
    ],
    // one member in four also gives a QQ number: the import links it to their WeChat account
    qq: 0.25,
  },
  en: {
    header: ['id', 'name', 'discord', 'github', 'gender', 'age', 'region', 'occupation', 'interests', 'tags', 'joined'],
    prefix: 'M',
    gender: [
      ['male', 5],
      ['female', 5],
    ],
    region: [
      ['Berlin', 5],
      ['London', 4],
      ['Paris', 3],
      ['Madrid', 2],
      ['Warsaw', 2],
      ['Lisbon', 1],
    ],
    occupation: [
      ['designer', 3],
      ['engineer', 5],
      ['student', 4],
      ['teacher', 2],
      ['freelancer', 2],
      ['photographer', 1],
    ],
    interests: ['portrait', 'landscape', 'street', 'film', 'editing', 'gear', 'travel'],
    tags: [
      ['doc', 1],
      ['translation', 1],
      ['seed', 2],
      ['', 12],
    ],
    qq: 0.25,
  },
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v))

/** The sample's member sheet: one row per member of the activity, joined on their first join (or first event). */
function memberSheet(locale, events) {
  const sheet = SHEETS[locale]
  const random = rng(13)
  const pick = (weighted) => {
    let r = random() * weighted.reduce((a, [, w]) => a + w, 0)
    for (const [v, w] of weighted) if ((r -= w) < 0) return v
    return weighted[0][0]
  }
  const first = new Map()
  for (const e of events) {
    if (e.member.endsWith(':*')) continue
    const seen = first.get(e.member)
    const day = e.ts.slice(0, 10)
    if (!seen) first.set(e.member, {day, join: e.type === 'join' ? day : undefined})
    else if (e.type === 'join' && seen.join === undefined) seen.join = day
  }
  const rows = [sheet.header.join(',')]
  let n = 0
  for (const [identity, seen] of first) {
    n++
    const id = identity.slice(identity.indexOf(':') + 1)
    const interests = sheet.interests.filter(() => random() < 0.25)
    const other = random() < sheet.qq ? (locale === 'zh-CN' ? String(20000 + n * 37) : `${id.replace(/[^a-z0-9]/g, '')}-gh`) : ''
    const age = 18 + Math.floor(random() * 30)
    const row = [
      `${sheet.prefix}${String(n).padStart(3, '0')}`,
      locale === 'zh-CN' ? id : id.replace(/_.*$/, ''),
      id,
      other,
      pick(sheet.gender),
      age,
      pick(sheet.region),
      pick(sheet.occupation),
      interests.join(locale === 'zh-CN' ? '、' : ';'),
      pick(sheet.tags),
      seen.join ?? seen.day,
    ]
    rows.push(row.map(cell).join(','))
  }
  return rows.join('\n') + '\n'
}

const dir = path.join(root, 'templates', 'samples')
mkdirSync(dir, {recursive: true})
for (const [locale, options] of Object.entries(SAMPLES)) {
  const lines = []
  const events = []
  for (const e of generateEvents({seed: 2026, from: '2026-06-01', to: '2026-09-30', members: 250, activity: 0.4, ...options})) {
    const line = eventLine(e)
    lines.push(line)
    events.push(JSON.parse(line))
  }
  const file = path.join(dir, `activity.${locale}.ndjson`)
  writeFileSync(file, lines.join('\n') + '\n')
  console.log(`${path.relative(root, file)}: ${lines.length} events`)
  const sheet = path.join(dir, `members.${locale}.csv`)
  writeFileSync(sheet, memberSheet(locale, events))
  console.log(`${path.relative(root, sheet)}: ${events.length && memberSheet(locale, events).split('\n').length - 2} members`)
}
