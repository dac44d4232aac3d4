import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {rungName} from '../../src/rules/describe.js'
import {localTime} from '../../src/rules/incident.js'
import {splitHistory, standing} from '../../src/rules/ladder.js'
import {currentRuleSet} from '../../src/rules/lookup.js'
import {RUNG_IDS, SEVERITIES, type Incident, type Ladder, type Severity} from '../../src/rules/types.js'
import {Store} from '../../src/store/index.js'

type Status = 'in-effect' | 'counts' | 'expired' | 'revoked'

export default class RulesIncidents extends BaseCommand<typeof RulesIncidents> {
  static override description =
    'List moderation incidents, newest first, with whether each still counts; for one member, where they stand on the ladder'

  static override examples = [
    {command: '<%= config.bin %> rules incidents', description: 'Incidents that still count'},
    {command: '<%= config.bin %> rules incidents --member u42', description: "One member's history, and the rung a next incident would get"},
    {
      command: '<%= config.bin %> rules incidents --rule no-ads --all --json',
      description: 'Every incident of one rule, expired and revoked ones too (with their edit history), as JSON',
    },
  ]

  static override flags = {
    all: Flags.boolean({char: 'a', description: 'Include incidents too old to count and revoked ones (marked)'}),
    member: Flags.string({char: 'm', description: "Only this member's incidents"}),
    rule: Flags.string({char: 'r', description: 'Only incidents of this rule'}),
  }

  async run(): Promise<{
    incidents: Array<Incident & {status: Status}>
    standing?: {member: string; current?: string; counted: number; expired: number; next: Record<Severity, string>}
  }> {
    const ws = await this.workspace()
    const db = await Store.at(ws.root).read()
    const ref = currentRuleSet(db)
    const ladder: Ladder = ref?.data.ruleset.ladder ?? {
      rungs: RUNG_IDS.map((id) => ({id, name: id, consequence: '', decidedBy: '', appeal: '', ...(id === 'removal' ? {permanent: true} : {})})),
    }
    const locale = this.flags.lang ?? ref?.data.locale ?? this.locale
    const now = new Date()
    const status = new Map<string, Status>(db.incidents.filter((i) => i.revoked).map((i) => [i.id, 'revoked']))
    for (const member of new Set(db.incidents.map((i) => i.member))) {
      const {counted, expired} = splitHistory(
        db.incidents.filter((i) => i.member === member),
        now,
        {ladder},
      )
      for (const i of counted) status.set(i.id, i.until && Date.parse(i.until) > now.getTime() ? 'in-effect' : 'counts')
      for (const i of expired) status.set(i.id, 'expired')
    }
    const matching = db.incidents
      .filter(
        (i) => (this.flags.member === undefined || i.member === this.flags.member) && (this.flags.rule === undefined || i.rule === this.flags.rule),
      )
      .map((i) => ({...i, status: status.get(i.id) ?? 'counts'}))
    const incidents = matching
      .filter((i) => this.flags.all || (i.status !== 'expired' && i.status !== 'revoked'))
      .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id, 'en', {numeric: true}))
    let memberStanding: {member: string; current?: string; counted: number; expired: number; next: Record<Severity, string>} | undefined
    if (this.flags.member !== undefined && ref) {
      const s = standing(
        db.incidents.filter((i) => i.member === this.flags.member),
        now,
        {ladder},
      )
      memberStanding = {member: this.flags.member, current: s.current?.id, counted: s.counted.length, expired: s.expired.length, next: s.next}
    }
    if (!this.jsonEnabled()) {
      const name = (id: string) => (ref ? rungName(ref.data.ruleset, id, locale) : id)
      if (incidents.length === 0) this.log(this.t('rules.incidents.none'))
      else {
        this.log(
          table(
            [
              this.t('rules.col.incident'),
              this.t('rules.col.when'),
              this.t('rules.col.member'),
              this.t('rules.col.id'),
              this.t('rules.col.rung'),
              this.t('rules.col.until'),
              this.t('rules.col.status'),
              this.t('rules.col.note'),
            ],
            incidents.map((i) => [
              i.id,
              localTime(i.at, ws.timezone),
              i.member,
              i.rule,
              name(i.rung) + (i.manual ? ' *' : ''),
              i.until ? localTime(i.until, ws.timezone) : '',
              i.revoked ? this.t('rules.status.revokedBy', {by: i.revoked.by, reason: i.revoked.reason}) : this.t(`rules.status.${i.status}`),
              i.note,
            ]),
          ),
        )
        this.log(this.t('rules.incidents.count', {count: incidents.length}))
      }
      const hidden = this.flags.all ? 0 : matching.filter((i) => i.status === 'revoked').length
      if (hidden > 0) this.log(this.t('rules.incidents.hidden', {count: hidden}))
      if (memberStanding) {
        const current = db.incidents.find((i) => i.id === memberStanding.current)
        this.log(
          current
            ? this.t('rules.incidents.standing', {
                member: memberStanding.member,
                rung: name(current.rung),
                id: current.id,
                count: memberStanding.counted,
              })
            : this.t('rules.incidents.clean', {member: memberStanding.member}),
        )
        const groups = new Map<string, string[]>()
        for (const severity of SEVERITIES)
          groups.set(memberStanding.next[severity], [...(groups.get(memberStanding.next[severity]) ?? []), this.t(`rules.severity.${severity}`)])
        this.log(
          this.t('rules.incidents.next', {
            next: [...groups.entries()].map(([rung, sev]) => `${sev.join(locale === 'zh-CN' ? '、' : ', ')} → ${name(rung)}`).join(' · '),
          }),
        )
      }
    }
    return {incidents, ...(memberStanding ? {standing: memberStanding} : {})}
  }
}
