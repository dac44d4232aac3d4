import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../../src/cli/base-command.js'
import {pick} from '../../../src/i18n/index.js'
import {revokeIncident} from '../../../src/rules/service.js'
import type {Incident} from '../../../src/rules/types.js'
import {Store} from '../../../src/store/index.js'
import {currentUser} from '../../../src/util/user.js'

export interface IncidentRevokeResult {
  id: string
  dryRun: boolean
  incident: Incident
  /** The rung the member's next breach of the same rule would now get. */
  next?: {rung: string; counted: string[]}
}

export default class RulesIncidentRevoke extends BaseCommand<typeof RulesIncidentRevoke> {
  static override description =
    'Revoke an incident when an appeal is upheld: it stays in the log with who, when and why, and no longer counts on the ladder'

  static override examples = [
    {
      command: '<%= config.bin %> rules incident revoke I3 --reason "申诉成立：截图是伪造的" --by 小王',
      description: "The member's next incident is judged as if I3 never happened",
    },
    {
      command: '<%= config.bin %> rules incident revoke I3 --reason "wrong member" --dry-run --json',
      description: 'What would change; records nothing',
    },
    {command: '<%= config.bin %> rules incidents --all', description: 'Revoked incidents are listed (marked) only with --all'},
  ]

  static override args = {
    id: Args.string({description: 'The incident id, e.g. I3 (see `commops rules incidents`)', required: true}),
  }

  static override flags = {
    by: Flags.string({description: 'Who decided the appeal (default: $COMMOPS_USER or your login name)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Show what would change; record nothing'}),
    reason: Flags.string({description: 'Why it is revoked, e.g. the appeal that was upheld', required: true}),
  }

  async run(): Promise<IncidentRevokeResult> {
    const {flags} = this
    const ws = await this.workspace()
    const {incident, next} = await revokeIncident(
      Store.at(ws.root),
      this.args.id.trim().toUpperCase(),
      {reason: flags.reason, by: flags.by?.trim() || currentUser()},
      {now: new Date(), dryRun: flags['dry-run']},
    )
    const revoked = incident.revoked!
    if (!this.jsonEnabled()) {
      const params = {id: incident.id, member: incident.member, rule: incident.rule, reason: revoked.reason}
      this.log(this.t(flags['dry-run'] ? 'rules.incident.revokeDryRun' : 'rules.incident.revoked', params))
      if (next)
        this.log(this.t('rules.incident.revokedNext', {member: incident.member, rule: incident.rule, rung: pick(next.rung.name, this.locale)}))
    }
    return {
      id: incident.id,
      dryRun: flags['dry-run'],
      incident,
      ...(next ? {next: {rung: next.rung.id, counted: next.counted.map((i) => i.id)}} : {}),
    }
  }
}
