import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {badgeLabel, incentiveExtras, memberPoints} from '../../src/members/incentives-service.js'
import type {LedgerEntry} from '../../src/members/points.js'
import {showMember, type MemberProfile} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'
import {visible} from '../../src/cli/visible.js'

/** Ledger entries shown (the latest). */
const RECENT = 5

export default class MembersShow extends BaseCommand<typeof MembersShow> {
  static override description =
    'Show one member: attributes and identities, an activity summary from the events (first and last seen, interactions by type, active days, weekly streaks), incidents naming them and tasks they own'

  static override examples = [
    {command: '<%= config.bin %> members show qq:10002', description: 'By any identity of the member (or person id P1)'},
    {command: '<%= config.bin %> members show 王芳 --json', description: 'By record id or exact name, as JSON'},
  ]

  static override args = {
    member: Args.string({description: 'An identity (qq:10002), person id (P1), record id or exact name', required: true}),
  }

  async run(): Promise<MemberProfile & {recentPoints: LedgerEntry[]}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const now = new Date()
    const extras = await incentiveExtras(ws, store, {now, locale: this.locale})
    const profile = await showMember(store, {ref: this.args.member, zone: ws.community.timezone, now, extras})
    // a record with no identity (`record:M9`) has no points
    const entries = profile.key.startsWith('record:') ? [] : (await memberPoints(ws, store, profile.key)).entries
    const ledger = [...entries].sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0))
    const p = {...profile, recentPoints: ledger.slice(-RECENT)}
    if (this.jsonEnabled()) return p
    // every line shown as it reads: names, fields and reasons are anyone's text (imported), never terminal controls
    const say = (text: string) => this.log(visible(text))
    const t = this.t
    const line = (label: string, value: string | number | string[] | undefined) => {
      if (value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
        say(`  ${t(`members.records.show.${label}`)}: ${Array.isArray(value) ? value.join(' ') : String(value)}`)
    }
    say(p.name ? `${p.name} (${p.id})` : p.id)
    line('identities', p.identities)
    const r = p.record
    line('joined', p.joined)
    for (const f of ['age', 'gender', 'region', 'occupation', 'interests', 'tags'] as const) line(f, r?.[f])
    for (const [k, v] of Object.entries(r?.extra ?? {})) say(`  ${k}: ${v}`)
    const x = p.extras
    if (x) {
      say(t('members.records.show.standing'))
      line('points', x.points)
      line('title', x.title)
      line('level', x.level_name)
      // by name, as members badges shows them (--json keeps the ids)
      const badge = badgeLabel(ws.community, this.locale)
      line(
        'badges',
        x.badges === undefined
          ? undefined
          : String(x.badges)
              .split(',')
              .map(badge)
              .join(this.locale === 'zh-CN' ? '、' : ', '),
      )
    }
    if (ledger.length > 0) {
      say(t('members.records.show.ledger', {shown: p.recentPoints.length, count: ledger.length, key: p.key}))
      const recent = [...p.recentPoints].reverse()
      const amounts = recent.map((e) => `${e.points > 0 ? '+' : ''}${e.points}`)
      // the amounts in one column, as the ledger table of `members points --member` has them
      const width = Math.max(...amounts.map((a) => a.length))
      for (const [i, e] of recent.entries())
        say(`  ${e.ts.slice(0, 10)}  ${amounts[i].padEnd(width)}  ${e.reason ?? [e.type, e.src].filter(Boolean).join(' ')}`)
    }
    const a = p.activity
    say(t('members.records.show.activity'))
    if (a.events === 0) say(`  ${t('members.records.show.noEvents')}`)
    else {
      line('firstSeen', a.firstSeen)
      line('lastSeen', a.lastSeen)
      line('interactions', t('members.records.show.interactionsValue', {all: a.interactions, recent: a.interactions30d}))
      line(
        'byType',
        Object.entries(a.byType)
          .sort((x, y) => y[1] - x[1])
          .map(([type, n]) => `${type} ${n}`)
          .join(', '),
      )
      line('activeDays', a.activeDays)
      line('streak', t('members.records.show.streakValue', {current: a.currentWeeklyStreak, longest: a.longestWeeklyStreak}))
    }
    say(t('members.records.show.incidents', {count: p.incidents.length}))
    for (const i of p.incidents)
      say(`  ${i.id}  ${i.at.slice(0, 10)}  ${i.rule}  ${i.rung}${i.revoked ? ` (${t('members.records.show.revoked')})` : ''}`)
    say(t('members.records.show.tasks', {count: p.tasks.length}))
    for (const task of p.tasks) say(`  ${task.id}  ${task.title}  (${task.status})`)
    return p
  }
}
