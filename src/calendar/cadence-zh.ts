/** Reading cadences written in Chinese: 每天、工作日、每周二、每周2次、每月1日、每月最后一个周四… */
import {CadenceError, dedupeDays, MONTH_SPREAD, WEEK_SPREAD, type Parts} from './cadence-parse.js'

const ZH_DAYS: Record<string, number> = {一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6}

const ZH_TIME = '(?:(\\d{1,2})[:：](\\d{2}))?'
const ZH_DAY = '[一二三四五六日天]'

/** `每天 9:00`, `工作日`, `每周二 20:00`, `每两周四`, `每周二、五`, `每周2次`, `每月1日`, `每月最后一天`, `每月第二个周六 14:00`, `每月最后一个周四`. */
export function parseChinese(body: string, lead: number, text: string): Parts {
  const s = body.replace(/\s+/g, '')
  const withTime = (p: Parts, h?: string, m?: string): Parts => {
    if (h === undefined) return p
    const hour = Number(h)
    const minute = Number(m)
    if (hour > 23 || minute > 59)
      throw new CadenceError({key: 'cal.cadence.badTime', params: {cadence: text, token: `${h}:${m}`}}, lead + Math.max(0, body.indexOf(h)))
    return {...p, byhour: [hour], byminute: [minute]}
  }
  let m: RegExpExecArray | null
  if ((m = new RegExp(`^(?:每天|每日)${ZH_TIME}$`).exec(s))) return withTime({freq: 'DAILY', interval: 1}, m[1], m[2])
  if ((m = new RegExp(`^(?:每个)?工作日${ZH_TIME}$`).exec(s)))
    return withTime({freq: 'WEEKLY', interval: 1, byday: [0, 1, 2, 3, 4].map((day) => ({day}))}, m[1], m[2])
  if ((m = new RegExp(`^每周(\\d)次${ZH_TIME}$`).exec(s))) {
    const count = Number(m[1])
    if (count < 1 || count > 7) throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count, max: 7}}, lead)
    return withTime({freq: 'WEEKLY', interval: 1, byday: WEEK_SPREAD[count].map((day) => ({day}))}, m[2], m[3])
  }
  if ((m = new RegExp(`^每(两|二|2|三|3)?(?:周|星期)(${ZH_DAY}(?:[、,，和及]?${ZH_DAY})*)?${ZH_TIME}$`).exec(s))) {
    const interval = m[1] === undefined ? 1 : ['两', '二', '2'].includes(m[1]) ? 2 : 3
    const byday = m[2] ? dedupeDays([...m[2]].filter((ch) => ch in ZH_DAYS).map((ch) => ({day: ZH_DAYS[ch]}))) : undefined
    return withTime({freq: 'WEEKLY', interval, byday}, m[3], m[4])
  }
  if ((m = new RegExp(`^每月(\\d)次${ZH_TIME}$`).exec(s))) {
    const count = Number(m[1])
    if (count < 1 || count > 4) throw new CadenceError({key: 'cal.cadence.badCount', params: {cadence: text, count, max: 4}}, lead)
    return withTime({freq: 'MONTHLY', interval: 1, bymonthday: MONTH_SPREAD[count]}, m[2], m[3])
  }
  if ((m = new RegExp(`^每(?:个)?月(\\d{1,2})[日号]${ZH_TIME}$`).exec(s))) {
    const day = Number(m[1])
    if (day < 1 || day > 31)
      throw new CadenceError({key: 'cal.cadence.badMonthDay', params: {cadence: text, token: m[1]}}, lead + Math.max(0, body.indexOf(m[1])))
    return withTime({freq: 'MONTHLY', interval: 1, bymonthday: [day]}, m[2], m[3])
  }
  if ((m = new RegExp(`^每(?:个)?月最后一天${ZH_TIME}$`).exec(s))) return withTime({freq: 'MONTHLY', interval: 1, bymonthday: [-1]}, m[1], m[2])
  if ((m = new RegExp(`^每(?:个)?月(?:第([一二三四五1-5])个|(最后一)个?)(?:周|星期)(${ZH_DAY})${ZH_TIME}$`).exec(s))) {
    const n = m[2] ? -1 : '一二三四五'.includes(m[1]) ? '一二三四五'.indexOf(m[1]) + 1 : Number(m[1])
    return withTime({freq: 'MONTHLY', interval: 1, byday: [{day: ZH_DAYS[m[3]], n}]}, m[4], m[5])
  }
  throw new CadenceError({key: 'cal.cadence.unknown', params: {cadence: text, token: body}}, lead, {key: 'cal.cadence.hint'})
}
