import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../../src/cli/base-command.js'
import {localTime} from '../../../src/rules/incident.js'
import {editIncident} from '../../../src/rules/service.js'
import {SEVERITIES, type Incident, type IncidentEdit, type IncidentField} from '../../../src/rules/types.js'
import {Store} from '../../../src/store/index.js'
import {currentUser} from '../../../src/util/user.js'

export interface IncidentEditResult {
  id: string
  dryRun: boolean
  changed: boolean
  incident: Incident
  edit?: IncidentEdit
}

export default class RulesIncidentEdit extends BaseCommand<typeof RulesIncidentEdit> {
  static override description =
    'Correct a recorded incident (note, rule, severity, rung, time, member, moderator); the old values stay in its edit history'

  static override examples = [
    {command: '<%= config.bin %> rules incident edit I3 --note "刷屏 5 条广告"', description: 'Reword the note'},
    {
      command: '<%= config.bin %> rules incident edit I3 --rule spam --reason "wrong rule picked"',
      description: "Another rule (its severity comes with it), and why, for the incident's history",
    },
    {
      command: '<%= config.bin %> rules incident edit I3 --at 2026-11-02T21:30 --rung warning --dry-run',
      description: 'What would change; records nothing',
    },
    {command: '<%= config.bin %> rules incident edit I3 --note ""', description: 'Remove the note'},
  ]

  static override args = {
    id: Args.string({description: 'The incident id, e.g. I3 (see `commops rules incidents --all`)', required: true}),
  }

  static override flags = {
    at: Flags.string({description: 'When it happened: YYYY-MM-DD or an ISO date-time (community timezone)'}),
    by: Flags.string({description: 'The moderator who handled it ("" removes it)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Show what would change; record nothing'}),
    editor: Flags.string({description: 'Who makes this edit, for the history (default: $COMMOPS_USER or your login name)'}),
    member: Flags.string({char: 'm', description: 'The member'}),
    note: Flags.string({description: 'What happened ("" removes it)'}),
    reason: Flags.string({description: 'Why it is edited, kept in its history'}),
    rule: Flags.string({char: 'r', description: 'The rule id; the rule brings its severity unless --severity is given'}),
    rung: Flags.string({description: 'The rung applied'}),
    severity: Flags.option({description: 'The severity', options: SEVERITIES})(),
  }

  async run(): Promise<IncidentEditResult> {
    const {flags} = this
    const ws = await this.workspace()
    const id = this.args.id.trim().toUpperCase()
    const request = {
      member: flags.member,
      rule: flags.rule,
      severity: flags.severity,
      rung: flags.rung,
      at: flags.at,
      note: flags.note,
      by: flags.by,
      reason: flags.reason,
    }
    const {incident, edit} = await editIncident(Store.at(ws.root), id, request, {
      timezone: ws.timezone,
      now: new Date(),
      user: flags.editor?.trim() || currentUser(),
      dryRun: flags['dry-run'],
    })
    if (!this.jsonEnabled()) {
      if (!edit) this.log(this.t('rules.incident.unchanged', {id: incident.id}))
      else {
        this.log(this.t(flags['dry-run'] ? 'rules.incident.editDryRun' : 'rules.incident.edited', {id: incident.id}))
        const shown = (field: IncidentField, value?: string) =>
          value === undefined ? '—' : field === 'at' || field === 'until' ? localTime(value, ws.timezone) : value
        for (const [field, change] of Object.entries(edit.changes) as Array<[IncidentField, {from?: string; to?: string}]>)
          this.log(`  ${this.t(`rules.field.${field}`)}: ${shown(field, change.from)} → ${shown(field, change.to)}`)
        if (!flags['dry-run']) this.log(this.t('rules.incident.editCount', {count: incident.edits?.length ?? 0}))
      }
    }
    return {id: incident.id, dryRun: flags['dry-run'], changed: Boolean(edit), incident, ...(edit ? {edit} : {})}
  }
}
