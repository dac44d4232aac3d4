import {Args, Flags} from '@oclif/core'
import {DateTime} from '../src/util/luxon.js'
import {BaseCommand} from '../src/cli/base-command.js'
import {table} from '../src/cli/table.js'
import {UsageError} from '../src/errors.js'
import {Store, runStatus, type RunRecord} from '../src/store/index.js'

export default class Runs extends BaseCommand<typeof Runs> {
  static override description = 'History of playbook runs with their results; give a run id for its steps'

  static override examples = [
    {command: '<%= config.bin %> runs', description: 'The latest runs'},
    {command: '<%= config.bin %> runs R3', description: 'One run, step by step'},
    {command: '<%= config.bin %> runs --playbook launch --json', description: 'Runs of one playbook, as JSON'},
  ]

  static override args = {
    id: Args.string({description: 'A run id, e.g. R3'}),
  }

  static override flags = {
    limit: Flags.integer({default: 20, description: 'How many runs to show, newest first', min: 1}),
    playbook: Flags.string({description: 'Only runs of this playbook'}),
  }

  async run(): Promise<{runs: RunRecord[]} | RunRecord> {
    const ws = await this.workspace()
    const db = await Store.at(ws.root).read()
    for (const r of db.runs) r.status = runStatus(r) // a run whose process died shows as interrupted
    if (this.args.id) {
      const run = db.runs.find((r) => r.id.toUpperCase() === this.args.id!.toUpperCase())
      if (!run) throw new UsageError({key: 'runs.notFound', params: {id: this.args.id}}, {hint: {key: 'runs.notFound.hint'}})
      if (!this.jsonEnabled()) {
        this.log(
          `${run.id}  ${run.playbook}  ${this.t(`status.${run.status}`)}  ${DateTime.fromISO(run.startedAt).setZone(ws.timezone).toFormat('yyyy-MM-dd HH:mm:ss ZZZZ')}  ${run.user}`,
        )
        this.log(`vars: ${JSON.stringify(run.vars)}\n`)
        this.log(
          table(
            [this.t('pb.col.step'), this.t('pb.col.uses'), this.t('runs.col.status'), this.t('runs.col.ms'), ''],
            run.steps.map((s) => [s.id, s.uses, this.t(`status.${s.status}`), s.durationMs, s.error ?? '']),
          ),
        )
      }
      return run
    }
    const runs = db.runs
      .filter((r) => !this.flags.playbook || r.playbook === this.flags.playbook)
      .slice(-this.flags.limit)
      .reverse()
    if (!this.jsonEnabled()) {
      if (runs.length === 0) this.log(this.t('runs.none'))
      else {
        const counts = (r: RunRecord) => ['ok', 'changed', 'skipped', 'failed'].map((s) => r.steps.filter((x) => x.status === s).length).join('/')
        this.log(
          table(
            [
              this.t('runs.col.id'),
              this.t('runs.col.playbook'),
              this.t('runs.col.status'),
              this.t('runs.col.steps'),
              this.t('runs.col.when'),
              this.t('runs.col.user'),
              this.t('runs.col.ms'),
            ],
            runs.map((r) => [
              r.id,
              r.playbook,
              this.t(`status.${r.status}`),
              counts(r),
              DateTime.fromISO(r.startedAt).setZone(ws.timezone).toFormat('yyyy-MM-dd HH:mm'),
              r.user,
              r.durationMs,
            ]),
          ),
        )
      }
    }
    return {runs}
  }
}
