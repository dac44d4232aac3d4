import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {
  ledgerSummary,
  memberPoints,
  recomputePoints,
  type LedgerSummary,
  type PointsView,
  type RecomputeResult,
} from '../../src/members/incentives-service.js'
import type {LedgerEntry} from '../../src/members/points.js'
import {Store} from '../../src/store/index.js'
import {DateTime} from '../../src/util/luxon.js'

type Output = RecomputeResult | LedgerSummary | (PointsView & {entries: LedgerEntry[]})

export default class MembersPoints extends BaseCommand<typeof MembersPoints> {
  static override description =
    'The points ledger: recompute it from the events and the incentive rules of community.yaml (points per event type, daily caps, cooldowns, campaign multipliers), keeping manual awards; or show one member’s entries'

  static override examples = [
    {command: '<%= config.bin %> members points --recompute', description: 'Recompute the ledger and print the totals'},
    {command: '<%= config.bin %> members points --recompute --dry-run', description: 'What a recompute would give; write nothing'},
    {command: '<%= config.bin %> members points --member qq:10002', description: 'One member’s points, title and ledger entries'},
    {command: '<%= config.bin %> members points --json', description: 'The stored ledger’s totals as JSON'},
  ]

  static override flags = {
    recompute: Flags.boolean({description: 'Compute the ledger from the events × rules again (the same events give the same ledger)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'With --recompute: show the totals; write nothing', dependsOn: ['recompute']}),
    member: Flags.string({
      description: 'Show this member’s ledger (an identity, a person id P1, a record id or exact name)',
      exclusive: ['recompute'],
    }),
  }

  async run(): Promise<Output> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    if (this.flags.member) {
      const view = await memberPoints(ws, store, this.flags.member)
      if (this.jsonEnabled()) return view
      this.log(
        this.t('members.incentives.points.member', {
          member: view.member,
          points: view.points,
          title: view.title ? pick(view.title.title, this.locale) : '—',
        }),
      )
      if (view.entries.length > 0)
        this.log(
          table(
            [this.t('members.incentives.col.when'), this.t('members.incentives.col.points'), this.t('members.incentives.col.source')],
            view.entries.map((e) => [e.ts, e.points, this.source(e)]),
          ),
        )
      return view
    }
    if (!this.flags.recompute) {
      const summary = await ledgerSummary(ws, store)
      if (!this.jsonEnabled()) {
        // when, in the community's timezone (--json keeps the instant)
        const computedAt = summary.computedAt ? DateTime.fromISO(summary.computedAt).setZone(ws.timezone).toFormat('yyyy-MM-dd HH:mm ZZZZ') : '—'
        this.log(this.t('members.incentives.points.summary', {...summary, computedAt}))
        if (!summary.computedAt) this.log(this.t('members.incentives.points.never'))
      }
      return summary
    }
    const r = await recomputePoints(ws, store, {now: new Date(), dryRun: this.flags['dry-run']})
    if (this.jsonEnabled()) return r
    const key = r.dryRun ? 'members.incentives.points.dryRun' : r.changed ? 'members.incentives.points.done' : 'members.incentives.points.same'
    this.log(this.t(key, {entries: r.entries, manual: r.manual, members: r.members, total: r.total, file: r.file}))
    const types = Object.entries(r.byType)
    if (types.length > 0) this.log(table([this.t('members.incentives.col.type'), this.t('members.incentives.col.points')], types))
    return r
  }

  private source(e: LedgerEntry): string {
    if (e.src) return `${e.type ?? ''} ${e.src}${e.factor ? ` ×${e.factor}` : ''}${e.capped ? ` (${this.t('members.incentives.capped')})` : ''}`
    if (e.incident) return this.t('members.incentives.source.incident', {id: e.incident, rung: e.rung ?? ''})
    return this.t('members.incentives.source.manual', {id: e.id ?? '', reason: e.reason ?? ''})
  }
}
