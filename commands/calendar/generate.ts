import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {resolveRange} from '../../src/calendar/dates.js'
import {calendarDoc, sourceLabel} from '../../src/calendar/doc.js'
import type {Skipped} from '../../src/calendar/generate.js'
import {communityLocator, todayIn} from '../../src/calendar/io.js'
import {calendarCounts, isEdited, itemsIn, type MergeResult} from '../../src/calendar/merge.js'
import {generateCalendar} from '../../src/calendar/service.js'
import type {CalendarItem} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'
import type {Community} from '../../src/workspace/index.js'

export interface GenerateResult {
  from: string
  to: string
  timezone: string
  dryRun: boolean
  added: CalendarItem[]
  updated: CalendarItem[]
  kept: CalendarItem[]
  removed: CalendarItem[]
  skipped: Skipped[]
  byPillar: Record<string, number>
  byChannel: Record<string, number>
  warnings: string[]
}

export default class CalendarGenerate extends BaseCommand<typeof CalendarGenerate> {
  static override description = "Plan content for a period from community.yaml's pillars and activities; regenerating keeps items a person edited"

  static override examples = [
    {command: '<%= config.bin %> calendar generate --from 2026-12-01 --weeks 4', description: 'Four weeks from 1 December'},
    {
      command: '<%= config.bin %> calendar generate --from 2026-12-01 --to 2026-12-31 --dry-run',
      description: 'What would be added, kept and removed; writes nothing',
    },
    {
      command: '<%= config.bin %> calendar generate --from 2027-01-01 --weeks 2 --pillar daily-topic --channel wechat-main',
      description: 'Only one pillar on one channel',
    },
  ]

  static override flags = {
    channel: Flags.string({description: 'Only pillars and activities on this channel (repeatable)', multiple: true}),
    'dry-run': Flags.boolean({char: 'n', description: 'Show what would be added, kept and removed; write nothing'}),
    from: Flags.string({description: 'First day, YYYY-MM-DD (default: today in the community timezone)'}),
    pillar: Flags.string({description: 'Only this pillar or activity id (repeatable)', multiple: true}),
    to: Flags.string({description: 'Last day, YYYY-MM-DD, inclusive (instead of --weeks)', exclusive: ['weeks']}),
    weeks: Flags.integer({description: 'Number of weeks (default 4)', exclusive: ['to']}),
  }

  async run(): Promise<GenerateResult> {
    const ws = await this.workspace()
    const locate = await communityLocator(ws)
    const range = resolveRange({from: this.flags.from, to: this.flags.to, weeks: this.flags.weeks}, todayIn(ws))
    const dryRun = this.flags['dry-run']
    const {plan, merged} = await generateCalendar(Store.at(ws.root), ws.community, {
      ...range,
      pillars: this.flags.pillar,
      channels: this.flags.channel,
      locate,
      now: new Date(),
      dryRun,
    })
    const {generated, scope} = plan
    const inPeriod = itemsIn(merged.items, scope)
    const warnings = generated.warnings.map((w) => this.t(w))
    const result: GenerateResult = {
      ...range,
      timezone: ws.timezone,
      dryRun,
      added: merged.added,
      updated: merged.updated,
      kept: merged.kept,
      removed: merged.removed,
      skipped: generated.skipped,
      ...calendarCounts(inPeriod),
      warnings,
    }
    if (!this.jsonEnabled()) this.render(result, ws.community, merged)
    return result
  }

  private render(r: GenerateResult, community: Community, merged: MergeResult): void {
    for (const w of r.warnings) this.note(`⚠ ${w}`)
    const doc = calendarDoc([], community, this.locale)
    const changes: Array<[string, CalendarItem]> = [
      ...(r.dryRun ? r.added.map((i): [string, CalendarItem] => ['added', i]) : []),
      ...r.updated.map((i): [string, CalendarItem] => ['updated', i]),
      ...r.removed.map((i): [string, CalendarItem] => ['removed', i]),
      ...r.kept.filter(isEdited).map((i): [string, CalendarItem] => ['kept', i]),
    ]
    if (changes.length) {
      this.log(
        table(
          [
            this.t('cal.col.action'),
            this.t('cal.col.id'),
            this.t('cal.col.date'),
            this.t('cal.col.time'),
            this.t('cal.col.title'),
            this.t('cal.col.channel'),
            this.t('cal.col.owner'),
          ],
          changes.map(([action, i]) => [this.t(`cal.action.${action}`), i.id, i.date, i.time, i.title, i.channel, i.owner]),
        ),
      )
      this.log('')
    }
    const order = [...(community.content?.pillars ?? []).map((p) => p.id), ...(community.activities ?? []).map((a) => a.id)]
    const sources = Object.entries(r.byPillar).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    if (sources.length) {
      const sample = new Map(itemsIn(merged.items, r).map((i) => [i.pillar ?? i.activity ?? '-', i]))
      this.log(
        table(
          [this.t('cal.col.source'), this.t('cal.col.channel'), this.t('cal.col.items')],
          sources.map(([id, count]) => {
            const item = sample.get(id)
            return [
              item ? `${sourceLabel(item, doc, this.t)}${item.activity ? ` · ${doc.names.activities[item.activity] ?? item.activity}` : ''}` : id,
              item?.channel,
              count,
            ]
          }),
        ),
      )
      this.log('')
    }
    const summary = this.t('cal.gen.summary', {
      from: r.from,
      to: r.to,
      added: r.added.length,
      updated: r.updated.length,
      kept: r.kept.length,
      removed: r.removed.length,
      skipped: r.skipped.length,
    })
    this.log(summary)
    this.log(r.dryRun ? this.t('cal.gen.dryRun') : this.t('cal.gen.next', {from: r.from, to: r.to}))
  }
}
