import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {canPrompt, loadPrompts} from '../../src/cli/prompt.js'
import {CommopsError, formatLocation, UsageError} from '../../src/errors.js'
import {formatRunSummary, formatStepPlain} from '../../src/playbook/format.js'
import {loadPlaybook} from '../../src/playbook/load.js'
import {runPlaybook, type StepEvent, type StepStart} from '../../src/playbook/runner.js'
import {normalizeVars, pastStart, resolveVars} from '../../src/playbook/vars.js'
import {dateIn} from '../../src/util/dates.js'
import {Store, type RunRecord} from '../../src/store/index.js'
import {loadRunView} from '../../src/ui/load.js'

export default class PlaybookRun extends BaseCommand<typeof PlaybookRun> {
  static override description = 'Run a playbook: plan every step, show what changes, and record the run (--dry-run writes nothing)'

  static override examples = [
    {command: '<%= config.bin %> playbook run launch --var start=2026-12-01 --dry-run', description: 'The plan and the diff; writes nothing'},
    {
      command: '<%= config.bin %> playbook run launch --var start=2026-12-01',
      description: 'Run it; every step reports ok, changed, skipped or failed',
    },
    {
      command: '<%= config.bin %> playbook run playbooks/weekly.yaml --only calendar --json',
      description: 'One step (and what it needs), the run record as JSON',
    },
  ]

  static override args = {
    playbook: Args.string({description: 'Playbook name (see `commops playbook list`) or path to a .yaml file', required: true}),
  }

  static override flags = {
    diff: Flags.boolean({description: 'Show the diff of changed steps (always shown with --dry-run)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Plan and show the diff; write nothing (no store, no files, no lock)'}),
    force: Flags.boolean({description: 'Overwrite files in the workspace that commops did not write'}),
    only: Flags.string({description: 'Run only this step and the steps it depends on (repeatable)', multiple: true}),
    var: Flags.string({char: 'v', description: 'Set a playbook variable, NAME=VALUE (repeatable; typed by the playbook)', multiple: true}),
    yes: Flags.boolean({char: 'y', description: 'Do not ask before writing (on a terminal commops shows the changes and asks first)'}),
  }

  async run(): Promise<RunRecord> {
    const ws = await this.workspace()
    const {playbook, locate, warnings} = await loadPlaybook(this.args.playbook, {root: ws.root, locale: this.locale})
    for (const w of warnings) process.stderr.write(`${this.t('pb.warning', {...w, hint: w.hint ?? ''})}\n`)
    const run = {date: dateIn(new Date(), ws.timezone), id: 'pending', playbook: playbook.name}
    const vars = resolveVars(normalizeVars(playbook.vars ?? {}).decls, this.flags.var ?? [], this.locale, {run, community: ws.community})
    const past = pastStart(this.flags.var ?? [], vars, run.date)
    if (past) process.stderr.write(`${this.t('run.startInPast', {start: past, today: run.date})}\n`)
    for (const id of this.flags.only ?? []) {
      if (!playbook.steps.some((s) => s.id === id)) {
        throw new UsageError(
          {key: 'run.unknownOnly', params: {id, playbook: playbook.name}},
          {hint: {key: 'playbook.stepsHint', params: {steps: playbook.steps.map((s) => s.id).join(', '), suggest: ''}}},
        )
      }
    }
    const dryRun = this.flags['dry-run']
    const showDiff = dryRun || this.flags.diff
    const options = {playbook, ws, store: Store.at(ws.root), vars, only: this.flags.only, force: this.flags.force, locale: this.locale, locate}
    if (!dryRun && !this.jsonEnabled() && canPrompt({yes: this.flags.yes})) {
      // on a terminal, show what would change and ask before writing (--yes skips this)
      const plan = await this.execute(runPlaybook({...options, dryRun: true}), {live: false, quiet: true, showDiff: true})
      const changes = plan.events.filter((e) => e.status === 'changed')
      if (changes.length > 0) {
        for (const e of changes) this.log(formatStepPlain(e, this.t, true))
        const {confirm} = await loadPrompts()
        if (!(await confirm({message: this.t('run.confirm', {count: changes.length}), default: true}))) {
          this.log(this.t('run.dryRun'))
          return plan.record
        }
      }
    }
    if (dryRun && !this.jsonEnabled()) this.log(this.t('pb.plan', {playbook: playbook.name}))
    const live = !this.jsonEnabled() && Boolean(process.stderr.isTTY) && !process.env.CI
    const {record, firstFailure} = await this.execute(runPlaybook({...options, dryRun}), {live, quiet: this.jsonEnabled(), showDiff})
    if (!this.jsonEnabled()) {
      this.log(formatRunSummary(record, this.t))
      if (dryRun) this.log(this.t('run.dryRun'))
    }
    if (firstFailure) {
      const failure = {key: 'run.failed', params: {step: firstFailure.id, message: firstFailure.error?.message ?? ''}}
      if (this.jsonEnabled()) {
        const where = firstFailure.error?.location ? formatLocation(firstFailure.error.location) : undefined
        this.logJson({...record, error: {code: 'run.failed', message: this.t(failure), location: where, hint: firstFailure.error?.hint, exitCode: 1}})
        this.exit(1)
      }
      throw new CommopsError(failure, {
        hint: firstFailure.error?.hint ? {key: 'error.usage', params: {message: firstFailure.error.hint}} : undefined,
        location: firstFailure.error?.location,
      })
    }
    return record
  }

  /** Drains the runner: a live Ink view on a terminal, one plain line per step otherwise, nothing when quiet. */
  private async execute(
    runner: AsyncGenerator<StepEvent | StepStart, RunRecord>,
    o: {live: boolean; quiet: boolean; showDiff: boolean},
  ): Promise<{record: RunRecord; events: StepEvent[]; firstFailure?: StepEvent}> {
    const view = o.live ? (await loadRunView()).startRunView(this.t, o.showDiff) : undefined
    const events: StepEvent[] = []
    try {
      for (;;) {
        const next = await runner.next()
        if (next.done) return {record: next.value, events, firstFailure: events.find((e) => e.status === 'failed')}
        const event = next.value
        view?.feed.push(event)
        if ('starting' in event) continue
        events.push(event)
        if (!view && !o.quiet) this.log(formatStepPlain(event, this.t, o.showDiff))
      }
    } finally {
      await view?.finish()
    }
  }
}
