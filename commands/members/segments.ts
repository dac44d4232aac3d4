import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {fieldName} from '../../src/members/field-name.js'
import {table} from '../../src/cli/table.js'
import {memberSegments} from '../../src/members/service.js'
import {incentiveExtras, levelLabel} from '../../src/members/incentives-service.js'
import {Store} from '../../src/store/index.js'

const pct = (x: number | null) => (x === null ? undefined : `${Math.round(x * 1000) / 10}%`)

export default class MembersSegments extends BaseCommand<typeof MembersSegments> {
  static override description =
    'Persona tables: members grouped by one or more attributes, each group with its share, how many were active in the period, D30 retention and the latest survey’s NPS and CSAT (responses joined by their member column); groups under 5 members are marked'

  static override examples = [
    {command: '<%= config.bin %> members segments --by region', description: 'By region, active in the last 30 days'},
    {
      command: '<%= config.bin %> members segments --by region,occupation --period 2026-09 --json',
      description: 'Two attributes, active in September, as JSON',
    },
  ]

  static override flags = {
    by: Flags.string({
      description: 'Attributes to group by, comma-separated: region, occupation, gender, age, interests, tags, level, title or any sheet column',
      required: true,
    }),
    period: Flags.string({
      description: 'Period for "active": a month 2026-10, quarter 2026-Q4, ISO week 2026-W44 or day (default: the 30 days ending today)',
    }),
  }

  async run(): Promise<Awaited<ReturnType<typeof memberSegments>>> {
    const ws = await this.workspace()
    const by = this.flags.by
      .split(/[,，]/)
      .map((s) => s.trim())
      .filter(Boolean)
    const store = Store.at(ws.root)
    const now = new Date()
    const extras = await incentiveExtras(ws, store, {now, locale: this.locale})
    const result = await memberSegments(store, {by, zone: ws.community.timezone, now, period: this.flags.period, extras})
    if (this.jsonEnabled()) return result
    const t = this.t
    // a level is grouped by its id (as --json gives it) and shown by its name, as members list shows it
    const level = levelLabel(ws.community, this.locale)
    const head = [
      ...result.by.map((f) => fieldName(f, t)),
      ...['count', 'share', 'active', 'd30', 'nps', 'csat', 'note'].map((c) => t(`members.records.segments.col.${c}`)),
    ]
    this.log(
      table(
        head,
        result.segments.map((s) => [
          ...result.by.map((f) => {
            const value = s.values[f]
            // members who left have no level: named as members list names them
            if (s.absent?.[f] === 'left') return t('members.incentives.level.left')
            if (value === undefined || value === null) return t('members.records.segments.unknown')
            return f === 'level' ? level(value) : value
          }),
          s.count,
          pct(s.share),
          pct(s.activeShare),
          pct(s.retention.rate),
          s.nps ?? undefined,
          pct(s.csat),
          s.small ? t('members.records.segments.small', {n: result.smallBelow}) : undefined,
        ]),
      ),
    )
    this.log(t('members.records.segments.footer', {total: result.total, from: result.from, to: result.to}))
    if (result.latestMonth) this.log(t('members.incentives.latest', {month: result.latestMonth, command: `segments --by ${result.by.join(',')}`}))
    this.log(result.survey ? t('members.records.segments.survey', {survey: result.survey}) : t('members.records.segments.noSurvey'))
    return result
  }
}
