import {Flags} from '@oclif/core'
import {BaseCommand} from '../../../src/cli/base-command.js'
import {UsageError} from '../../../src/errors.js'
import {pick} from '../../../src/i18n/index.js'
import {describeReason} from '../../../src/rules/describe.js'
import {rungDuration} from '../../../src/rules/export.js'
import {localTime} from '../../../src/rules/incident.js'
import {addIncident} from '../../../src/rules/service.js'
import type {Incident} from '../../../src/rules/types.js'
import {Store} from '../../../src/store/index.js'

export interface IncidentAddResult {
  id: string
  dryRun: boolean
  incident: Incident
  rung: {
    id: string
    name: string
    index: number
    total: number
    consequence: string
    duration: string
    until?: string
    decidedBy: string
    appeal: string
  }
  computed: string
  reason: string
  message: string
  counted: string[]
  expired: string[]
}

export default class RulesIncidentAdd extends BaseCommand<typeof RulesIncidentAdd> {
  static override description =
    "Record a moderation incident and get the ladder rung to apply now, from the member's recent history and the rule's severity"

  static override examples = [
    {
      command: '<%= config.bin %> rules incident add --member u42 --rule no-ads --note "广告刷屏"',
      description: 'Prints the rung, the consequence and the message to send, and records the incident',
    },
    {command: '<%= config.bin %> rules incident add --member u42 --rule privacy --dry-run', description: 'Which rung it would be; records nothing'},
    {
      command: '<%= config.bin %> rules incident add --member u42 --rule be-kind --at 2026-11-02 --by 小王',
      description: 'An incident from earlier, and who handled it',
    },
    {
      command: '<%= config.bin %> rules incident add --member u42 --rule no-ads --rung warning',
      description: 'Apply another rung than the computed one (noted as chosen by hand)',
    },
  ]

  static override flags = {
    at: Flags.string({description: 'When it happened: YYYY-MM-DD or an ISO date-time (default: now; community timezone)'}),
    by: Flags.string({description: 'The moderator who handled it'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Show the rung that applies; record nothing'}),
    member: Flags.string({char: 'm', description: 'The member: an opaque id (e.g. the platform id)', required: true}),
    note: Flags.string({description: 'What happened; stays in the local store, never exported'}),
    rule: Flags.string({char: 'r', description: 'The rule id (see `commops rules show`)', required: true}),
    rung: Flags.string({description: 'Apply this rung instead of the computed one'}),
  }

  async run(): Promise<IncidentAddResult> {
    const {flags} = this
    const member = flags.member.trim()
    if (!member) throw new UsageError({key: 'rules.incident.noMember'}, {hint: {key: 'rules.incident.noMember.hint'}})
    const ws = await this.workspace()
    const request = {member, rule: flags.rule, at: flags.at, note: flags.note, by: flags.by, rung: flags.rung, lang: flags.lang}
    const {
      id,
      plan: planned,
      ref,
      locale,
    } = await addIncident(Store.at(ws.root), request, {timezone: ws.timezone, now: new Date(), dryRun: flags['dry-run']})
    const {ruleset} = ref.data
    const {rung, rule, decision, incident} = planned
    const p = (x: Parameters<typeof pick>[0]) => pick(x, locale)
    const result: IncidentAddResult = {
      id,
      dryRun: flags['dry-run'],
      incident: {id, ...incident},
      rung: {
        id: rung.id,
        name: p(rung.name),
        index: ruleset.ladder.rungs.indexOf(rung) + 1,
        total: ruleset.ladder.rungs.length,
        consequence: p(rung.consequence),
        duration: rungDuration(rung, locale),
        ...(incident.until ? {until: incident.until} : {}),
        decidedBy: p(rung.decidedBy),
        appeal: p(rung.appeal),
      },
      computed: decision.rung.id,
      reason: describeReason(decision, ruleset, locale),
      message: planned.message,
      counted: decision.counted.map((i) => i.id),
      expired: decision.expired.map((i) => i.id),
    }
    if (!this.jsonEnabled()) {
      const r = result.rung
      const label = (key: string) => `  ${this.t(key)}${this.locale === 'zh-CN' ? '：' : ': '}`
      this.log(
        this.t(flags['dry-run'] ? 'rules.incident.dryRun' : 'rules.incident.recorded', {
          id,
          member,
          rule: rule.id,
          title: p(rule.title),
          severity: this.t(`rules.severity.${rule.severity}`),
        }),
      )
      this.log(this.t('rules.incident.rung', {index: r.index, total: r.total, rung: r.name, id: r.id}))
      if (incident.manual) this.log(`  ${this.t('rules.incident.manual', {computed: p(decision.rung.name)})}`)
      this.log(label('rules.incident.reason') + result.reason)
      this.log(label('rules.incident.consequence') + r.consequence)
      if (r.until)
        this.log(label('rules.col.duration') + `${r.duration} (${this.t('rules.incident.until', {until: localTime(r.until, ws.timezone)})})`)
      this.log(label('rules.col.decidedBy') + r.decidedBy)
      this.log(label('rules.col.appeal') + r.appeal)
      this.log(`\n${this.t('rules.incident.message')}${this.locale === 'zh-CN' ? '：' : ':'}`)
      this.log(
        result.message
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      )
    }
    return result
  }
}
