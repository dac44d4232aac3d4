/** Reading cadences: RRULE text and the English friendly forms, with the offset of any mistake. */
import {isIsoDate} from '../util/dates.js'
import {ValidationError, type Msg} from '../errors.js'
import {closest} from '../util/suggest.js'

export const FREQS = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const
export type Freq = (typeof FREQS)[number]

/** A weekday (0 = Monday … 6 = Sunday), with an ordinal in the month or year (2 = second, -1 = last) or none. */
export interface ByDay {
  day: number
  n?: number
}

/** A parsed cadence: the parts of an RRULE, always with a time of day. */
export interface Cadence {
  /** The cadence as written. */
  text: string
  /** The equivalent RRULE (without DTSTART), e.g. `FREQ=WEEKLY;BYDAY=TU;BYHOUR=20;BYMINUTE=0`. */
  rule: string
  freq: Freq
  interval: number
  byday?: ByDay[]
  bymonthday?: number[]
  bymonth?: number[]
  bysetpos?: number[]
  byweekno?: number[]
  byyearday?: number[]
  byhour: number[]
  byminute: number[]
  wkst?: number
  /** Last local date, inclusive. */
  until?: string
  /** Local date INTERVAL counts from (DTSTART); EPOCH unless the rule sets one. */
  anchor: string
}

export const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
const DAY_WORDS: Record<string, number> = {
  mo: 0,
  mon: 0,
  monday: 0,
  tu: 1,
  tue: 1,
  tues: 1,
  tuesday: 1,
  we: 2,
  wed: 2,
  wednesday: 2,
  th: 3,
  thu: 3,
  thur: 3,
  thurs: 3,
  thursday: 3,
  fr: 4,
  fri: 4,
  friday: 4,
  sa: 5,
  sat: 5,
  saturday: 5,
  su: 6,
  sun: 6,
  sunday: 6,
}
const ORDINAL_WORDS: Record<string, number> = {first: 1, second: 2, third: 3, fourth: 4, fifth: 5, last: -1}
/** Days used by `N/week` when no days are named. */
export const WEEK_SPREAD: Record<number, number[]> = {
  1: [2],
  2: [1, 4],
  3: [0, 2, 4],
  4: [0, 1, 3, 4],
  5: [0, 1, 2, 3, 4],
  6: [0, 1, 2, 3, 4, 5],
  7: [0, 1, 2, 3, 4, 5, 6],
}
/** Days of the month used by `N/month`. */
export const MONTH_SPREAD: Record<number, number[]> = {1: [1], 2: [1, 15], 3: [1, 11, 21], 4: [1, 8, 15, 22]}
const VOCABULARY = [
  'daily',
  'weekly',
  'monthly',
  'yearly',
  'weekdays',
  'weekends',
  'biweekly',
  'fortnightly',
  'quarterly',
  'every',
  'on',
  'at',
  'and',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'times',
  'per',
  'last',
  'first',
  'second',
  'third',
  'fourth',
  ...Object.keys(DAY_WORDS).filter((w) => w.length >= 3),
]

/** A cadence that cannot be read; `offset` is the character in the cadence text where the problem starts. */
export class CadenceError extends ValidationError {
  constructor(
    msg: Msg,
    readonly offset: number,
    hint: Msg = {key: 'cal.cadence.hint'},
  ) {
    super(msg, {code: 'calendar.cadence', hint})
    this.name = 'CadenceError'
  }
}

/** A cadence's parts as read, before defaults (time of day, day of a weekly or monthly rule) are filled in. */
export type Parts = Omit<Cadence, 'text' | 'rule' | 'byhour' | 'byminute' | 'anchor'> & {byhour?: number[]; byminute?: number[]; anchor?: string}

// ---------------------------------------------------------------- RRULE

const RULE_KEYS = [
  'FREQ',
  'INTERVAL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'BYSETPOS',
  'BYWEEKNO',
  'BYYEARDAY',
  'WKST',
  'UNTIL',
  'COUNT',
  'DTSTART',
]

export function parseRule(rule: string, lead: number, text: string): Parts {
  let at = lead
  let body = rule
  if (/^RRULE:/i.test(body)) {
    at += 6
    body = body.slice(6)
  }
  const seen = new Map<string, {value: string; offset: number}>()
  let offset = at
  for (const part of body.split(';')) {
    const here = offset
    offset += part.length + 1
    if (part.trim() === '' && offset > at + body.length) continue // a trailing ;
    const eq = part.indexOf('=')
    if (eq <= 0) throw new CadenceError({key: 'cal.rrule.badPart', params: {cadence: text, part}}, here)
    const key = part.slice(0, eq).trim().toUpperCase()
    const value = part.slice(eq + 1).trim()
    if (!RULE_KEYS.includes(key)) {
      const best = closest(key, RULE_KEYS)
      throw new CadenceError(
        {key: 'cal.rrule.unknownKey', params: {cadence: text, key}},
        here,
        best ? {key: 'suggest.didYouMean', params: {value: best}} : {key: 'cal.rrule.hint'},
      )
    }
    if (seen.has(key)) throw new CadenceError({key: 'cal.rrule.duplicate', params: {cadence: text, key}}, here)
    seen.set(key, {value, offset: here + eq + 1})
  }
  const freqPart = seen.get('FREQ')
  if (!freqPart) throw new CadenceError({key: 'cal.rrule.missingFreq', params: {cadence: text}}, at, {key: 'cal.rrule.hint'})
  const bad = (key: string, expected: string): never => {
    const p = seen.get(key)!
    throw new CadenceError({key: 'cal.rrule.badValue', params: {cadence: text, key, value: p.value, expected}}, p.offset, {key: 'cal.rrule.hint'})
  }
  const freq = freqPart.value.toUpperCase()
  if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freq)) {
    throw new CadenceError({key: 'cal.rrule.tooFine', params: {cadence: text, freq}}, freqPart.offset, {key: 'cal.rrule.tooFine.hint'})
  }
  if (!(FREQS as readonly string[]).includes(freq)) bad('FREQ', FREQS.join(', '))
  if (seen.has('COUNT'))
    throw new CadenceError({key: 'cal.rrule.count', params: {cadence: text}}, seen.get('COUNT')!.offset - 6, {key: 'cal.rrule.count.hint'})
  const ints = (key: string, min: number, max: number, nonZero = false): number[] | undefined => {
    const p = seen.get(key)
    if (!p) return undefined
    const list = p.value.split(',').map((s) => s.trim())
    const nums = list.map((s) => (/^[+-]?\d{1,3}$/.test(s) ? Number(s) : NaN))
    if (nums.some((n) => Number.isNaN(n) || n < min || n > max || (nonZero && n === 0))) bad(key, `${min}…${max}${nonZero ? ', not 0' : ''}`)
    return nums
  }
  const interval = ints('INTERVAL', 1, 999)?.[0] ?? 1
  if ((seen.get('INTERVAL')?.value ?? '').includes(',')) bad('INTERVAL', '1…999')
  let byday: ByDay[] | undefined
  const dayPart = seen.get('BYDAY')
  if (dayPart) {
    byday = dayPart.value.split(',').map((s) => {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(s.trim())
      if (!m) return bad('BYDAY', 'MO…SU, optionally with an ordinal such as 2SA or -1TH')
      const n = m[1] === undefined ? undefined : Number(m[1])
      const limit = freq === 'YEARLY' ? 53 : 5
      if (n !== undefined && (n === 0 || Math.abs(n) > limit)) bad('BYDAY', `ordinals ±1…${limit}`)
      if (n !== undefined && freq !== 'MONTHLY' && freq !== 'YEARLY') {
        throw new CadenceError({key: 'cal.rrule.ordinal', params: {cadence: text, value: s.trim()}}, dayPart.offset, {key: 'cal.rrule.hint'})
      }
      return {day: DAY_CODES.indexOf(m[2].toUpperCase() as (typeof DAY_CODES)[number]), n}
    })
  }
  const second = ints('BYSECOND', 0, 0)
  void second
  const wkstPart = seen.get('WKST')
  let wkst: number | undefined
  if (wkstPart) {
    wkst = DAY_CODES.indexOf(wkstPart.value.toUpperCase() as (typeof DAY_CODES)[number])
    if (wkst < 0) bad('WKST', 'MO…SU')
  }
  const dateValue = (key: string): string | undefined => {
    const p = seen.get(key)
    if (!p) return undefined
    const m = /^(\d{4})-?(\d{2})-?(\d{2})(T\d{6}Z?)?$/.exec(p.value)
    const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : ''
    if (!m || !isIsoDate(iso)) bad(key, 'YYYYMMDD')
    return iso
  }
  const byhour = ints('BYHOUR', 0, 23)
  return {
    freq: freq as Freq,
    interval,
    byday,
    bymonthday: ints('BYMONTHDAY', -31, 31, true),
    bymonth: ints('BYMONTH', 1, 12),
    bysetpos: ints('BYSETPOS', -366, 366, true),
    byweekno: ints('BYWEEKNO', -53, 53, true),
    byyearday: ints('BYYEARDAY', -366, 366, true),
    byhour,
    byminute: ints('BYMINUTE', 0, 59) ?? (byhour ? [0] : undefined),
    wkst,
    until: dateValue('UNTIL'),
    anchor: dateValue('DTSTART'),
  }
}

// ---------------------------------------------------------------- friendly forms

interface Token {
  text: string
  word: string
  offset: number
}

const TIME_RE = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/

function parseTime(token: Token, text: string): {hour: number; minute: number} | undefined {
  const m = TIME_RE.exec(token.word)
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined
  let hour = Number(m[1])
  const minute = Number(m[2] ?? 0)
  if (m[3]) {
    if (hour < 1 || hour > 12) throw new CadenceError({key: 'cal.cadence.badTime', params: {cadence: text, token: token.text}}, token.offset)
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0)
  }
  if (hour > 23 || minute > 59) throw new CadenceError({key: 'cal.cadence.badTime', params: {cadence: text, token: token.text}}, token.offset)
  return {hour, minute}
}

function ordinalOf(word: string): number | undefined {
  if (word in ORDINAL_WORDS) return ORDINAL_WORDS[word]
  const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word)
  return m ? Number(m[1]) : undefined
}

export function parseFriendly(body: string, lead: number, text: string): Parts {
  const tokens: Token[] = [...body.matchAll(/[^\s,&]+/g)].map((m) => ({text: m[0], word: m[0].toLowerCase(), offset: lead + (m.index ?? 0)}))
  let i = 0
  const unknown = (token: Token): never => {
    const best = closest(token.word, VOCABULARY)
    throw new CadenceError(
      {key: 'cal.cadence.unknown', params: {cadence: text, token: token.text}},
      token.offset,
      best ? {key: 'suggest.didYouMean', params: {value: best}} : {key: 'cal.cadence.hint'},
    )
  }
  const p: Parts = {freq: 'WEEKLY', interval: 1}
  let perWeek: number | undefined
  let perMonth: number | undefined
  // only separators (`,`, `&`): nothing to read
  if (tokens.length === 0) throw new CadenceError({key: 'cal.cadence.empty'}, lead)
  const head = tokens[i++]
  const unitFreq: Record<string, Freq> = {
    day: 'DAILY',
    days: 'DAILY',
    week: 'WEEKLY',
    weeks: 'WEEKLY',
    month: 'MONTHLY',
    months: 'MONTHLY',
    year: 'YEARLY',
    years: 'YEARLY',
  }
  const perUnit = /^(\d{1,2})(?:x|×)?\/(day|week|wk|month|mo)$/.exec(head.word)
  const days: ByDay[] = []
  switch (head.word) {
    case 'daily':
      p.freq = 'DAILY'
      break
    case 'weekdays':
      days.push(...[0, 1, 2, 3, 4].map((day) => ({day})))
      break
    case 'weekends':
      days.push({day: 5}, {day: 6})
      break
    case 'weekly':
      break
    case 'biweekly':
    case 'fortnightly':
      p.interval = 2
      break
    case 'monthly':
      p.freq = 'MONTHLY'
      break
    case 'quarterly':
      p.freq = 'MONTHLY'
      p.interval = 3
      break
    case 'yearly':
    case 'annually':
      p.freq = 'YEARLY'
      break
    case 'every': {
      const next = tokens[i]
      if (!next) return unknown(head)
      if (next.word in unitFreq && !next.word.endsWith('s')) {
        p.freq = unitFreq[next.word]
        i++
      } else if (/^\d{1,3}$/.test(next.word) && tokens[i + 1]?.word in unitFreq) {
        p.interval = Number(next.word)
        if (p.interval < 1) throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count: next.text, max: 999}}, next.offset)
        p.freq = unitFreq[tokens[i + 1].word]
        i += 2
      } else if (!(next.word in DAY_WORDS)) return unknown(next)
      break
    }
    default: {
      if (perUnit) {
        const count = Number(perUnit[1])
        const unit = perUnit[2]
        if (unit === 'day')
          throw new CadenceError({key: 'cal.cadence.perDay', params: {cadence: text}}, head.offset, {key: 'cal.cadence.perDay.hint'})
        if (unit === 'week' || unit === 'wk') {
          if (count < 1 || count > 7) throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count, max: 7}}, head.offset)
          perWeek = count
        } else {
          if (count < 1 || count > 4)
            throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count, max: 4}}, head.offset, {
              key: 'cal.cadence.perMonth.hint',
            })
          p.freq = 'MONTHLY'
          perMonth = count
        }
      } else if (
        /^\d{1,2}$/.test(head.word) &&
        ['times', 'x'].includes(tokens[i]?.word) &&
        ['a', 'per', 'each'].includes(tokens[i + 1]?.word) &&
        ['week', 'month'].includes(tokens[i + 2]?.word)
      ) {
        const count = Number(head.word)
        const unit = tokens[i + 2].word
        const max = unit === 'week' ? 7 : 4
        if (count < 1 || count > max) throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count, max}}, head.offset)
        if (unit === 'week') perWeek = count
        else {
          p.freq = 'MONTHLY'
          perMonth = count
        }
        i += 3
      } else if (head.word in DAY_WORDS) {
        i--
      } else return unknown(head)
    }
  }
  let time: {hour: number; minute: number} | undefined
  const monthDays: number[] = []
  for (; i < tokens.length; i++) {
    const tok = tokens[i]
    if (['on', 'and', 'the', 'of', 'each', 'every'].includes(tok.word)) continue
    if (tok.word === 'at') {
      const next = tokens[i + 1]
      if (!next || !parseTime(next, text))
        throw new CadenceError({key: 'cal.cadence.badTime', params: {cadence: text, token: next?.text ?? ''}}, next?.offset ?? tok.offset)
      continue
    }
    const t = /^\d/.test(tok.word) && (tok.word.includes(':') || /[ap]m$/.test(tok.word)) ? parseTime(tok, text) : undefined
    if (t || /^\d{1,2}:/.test(tok.word)) {
      if (!t) throw new CadenceError({key: 'cal.cadence.badTime', params: {cadence: text, token: tok.text}}, tok.offset)
      if (time) throw new CadenceError({key: 'cal.cadence.oneTime', params: {cadence: text}}, tok.offset, {key: 'cal.cadence.oneTime.hint'})
      time = t
      continue
    }
    if (tok.word in DAY_WORDS) {
      if (p.freq !== 'WEEKLY') throw new CadenceError({key: 'cal.cadence.unexpected', params: {cadence: text, token: tok.text}}, tok.offset)
      days.push({day: DAY_WORDS[tok.word]})
      continue
    }
    const ord = ordinalOf(tok.word)
    if (ord !== undefined && p.freq === 'MONTHLY' && perMonth === undefined) {
      const next = tokens[i + 1]
      if (next && next.word in DAY_WORDS) {
        if (ord === 0 || ord > 5) throw new CadenceError({key: 'cal.cadence.badOrdinal', params: {cadence: text, token: tok.text}}, tok.offset)
        days.push({day: DAY_WORDS[next.word], n: ord})
        i++
      } else if (tok.word === 'last') {
        if (next?.word === 'day') i++
        monthDays.push(-1)
      } else {
        if (ord < 1 || ord > 31) throw new CadenceError({key: 'cal.cadence.badMonthDay', params: {cadence: text, token: tok.text}}, tok.offset)
        monthDays.push(ord)
      }
      continue
    }
    if (tok.word === 'day' && p.freq === 'MONTHLY') continue
    const yearly = /^(\d{1,2})-(\d{1,2})$/.exec(tok.word)
    if (yearly && p.freq === 'YEARLY') {
      const month = Number(yearly[1])
      const day = Number(yearly[2])
      if (!isIsoDate(`2024-${yearly[1].padStart(2, '0')}-${yearly[2].padStart(2, '0')}`))
        throw new CadenceError({key: 'cal.cadence.badMonthDay', params: {cadence: text, token: tok.text}}, tok.offset)
      p.bymonth = [month]
      monthDays.push(day)
      continue
    }
    if (tok.word in DAY_WORDS || ord !== undefined)
      throw new CadenceError({key: 'cal.cadence.unexpected', params: {cadence: text, token: tok.text}}, tok.offset)
    return unknown(tok)
  }
  if (perWeek !== undefined) {
    if (days.length > 0 && days.length !== perWeek)
      throw new CadenceError({key: 'cal.cadence.dayCount', params: {cadence: text, count: perWeek, days: days.length}}, lead)
    if (days.length === 0) days.push(...WEEK_SPREAD[perWeek].map((day) => ({day})))
  }
  if (perMonth !== undefined) monthDays.push(...MONTH_SPREAD[perMonth])
  if (p.freq === 'DAILY' && days.length) p.freq = 'WEEKLY'
  if (days.length) p.byday = dedupeDays(days)
  if (monthDays.length) p.bymonthday = [...new Set(monthDays)]
  if (time) {
    p.byhour = [time.hour]
    p.byminute = [time.minute]
  }
  return p
}

export function dedupeDays(days: ByDay[]): ByDay[] {
  const seen = new Set<string>()
  return days.filter((d) => {
    const k = `${d.n ?? ''}${d.day}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
