import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {checkCalendar, DEFAULT_MAX_PER_CHANNEL, DEFAULT_MAX_PER_OWNER, type CalendarProblem} from '../../src/calendar/check.js'
import {addDays, MAX_RANGE_DAYS, resolveRange} from '../../src/calendar/dates.js'
import {communityLocator, todayIn} from '../../src/calendar/io.js'
import {itemsIn} from '../../src/calendar/merge.js'
import type {DateRange} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'

interface CheckResult extends DateRange {
  ok: boolean
  checked: number
  problems: CalendarProblem[]
}

export default class CalendarCheck extends BaseCommand<typeof CalendarCheck> {
  static override description =
    'Check the calendar: channels silent longer than their cadence, overloaded days, items on blackout dates or holidays (exit 1 when any)'

  static override examples = [
    {command: '<%= config.bin %> calendar check', description: 'The whole calendar (the last year of it at most)'},
    {
      command: '<%= config.bin %> calendar check --from 2026-12-01 --weeks 4 --json',
      description: 'In CI: a period, problems as JSON, exit code 1 when there are any',
    },
    {command: '<%= config.bin %> calendar check --max-per-day 2 --max-per-owner 3', description: 'Stricter limits'},
  ]

  static override flags = {
    from: Flags.string({description: 'First day, YYYY-MM-DD (default: the first item)'}),
    'max-per-day': Flags.integer({default: DEFAULT_MAX_PER_CHANNEL, description: 'Most items one channel may carry in a day', min: 1}),
    'max-per-owner': Flags.integer({default: DEFAULT_MAX_PER_OWNER, description: 'Most items one owner may have in a day', min: 1}),
    to: Flags.string({description: 'Last day, YYYY-MM-DD, inclusive (default: the last item)', exclusive: ['weeks']}),
    weeks: Flags.integer({description: 'Number of weeks from --from', exclusive: ['to']}),
  }

  async run(): Promise<CheckResult> {
    const ws = await this.workspace()
    const locate = await communityLocator(ws)
    const db = await Store.at(ws.root).read()
    const range = this.period(db.calendar.map((i) => i.date).sort(), todayIn(ws))
    const problems = checkCalendar(db.calendar, ws.community, {
      ...range,
      maxPerChannel: this.flags['max-per-day'],
      maxPerOwner: this.flags['max-per-owner'],
      locale: this.locale,
      locate,
    })
    const checked = itemsIn(db.calendar, range).length
    const result: CheckResult = {...range, ok: problems.length === 0, checked, problems}
    if (this.jsonEnabled()) {
      if (!result.ok) {
        this.logJson(result)
        this.exit(1)
      }
      return result
    }
    if (result.ok) {
      this.log(this.t('cal.check.ok', {...range, count: checked}))
      return result
    }
    const byId = new Map(db.calendar.map((i) => [i.id, i]))
    this.log(
      table(
        [
          this.t('cal.col.type'),
          this.t('cal.col.date'),
          this.t('cal.col.channel'),
          this.t('cal.col.owner'),
          this.t('cal.col.detail'),
          this.t('cal.col.items'),
        ],
        problems.map((p) => [
          this.t(`cal.type.${p.type}`),
          p.until && p.until !== p.date ? `${p.date} – ${p.until}` : p.date,
          p.channel,
          p.owner,
          this.detail(p),
          p.items.map((id) => (p.items.length === 1 ? `${id} ${byId.get(id)?.title ?? ''}` : id)).join(', '),
        ]),
      ),
    )
    this.log('')
    this.log(this.t('cal.check.found', {...range, count: problems.length}))
    this.log(this.t('cal.check.hint'))
    this.exit(1)
  }

  /** The period: the flags, else from the first to the last item (at most a year, ending at the last item). */
  private period(dates: string[], today: string): DateRange {
    const {from, to, weeks} = this.flags
    const first = dates[0]
    const last = dates.at(-1)
    if (from === undefined && to === undefined && weeks === undefined) {
      if (!first || !last) return resolveRange({}, today)
      const earliest = addDays(last, -(MAX_RANGE_DAYS - 1))
      return resolveRange({from: first < earliest ? earliest : first, to: last}, today)
    }
    const start = from ?? first ?? today
    const end = to ?? (weeks === undefined && last && last >= start ? last : undefined)
    return resolveRange({from: start, to: end, weeks}, today)
  }

  private detail(p: CalendarProblem): string {
    switch (p.type) {
      case 'gap':
        return this.t('cal.problem.gap', {channel: p.channel, count: p.count, until: p.until, limit: p.limit})
      case 'overload':
        return p.owner
          ? this.t('cal.problem.overloadOwner', {owner: p.owner, count: p.count, limit: p.limit})
          : this.t('cal.problem.overloadChannel', {channel: p.channel, count: p.count, limit: p.limit})
      case 'holiday':
        return this.t('cal.problem.holiday', {holiday: p.holiday ?? ''})
      default:
        return this.t('cal.problem.blackout')
    }
  }
}
