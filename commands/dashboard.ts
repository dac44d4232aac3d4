import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {loadDashboard} from '../src/dashboard/service.js'
import type {DashboardModel} from '../src/dashboard/types.js'
import {Store} from '../src/store/index.js'
import {loadDashboardView} from '../src/ui/load.js'

/** The largest frame drawn, in columns or lines: a frame a billion columns wide would take the memory of the machine. */
const MAX_SIZE = 500

/** A size from the flag, then the environment ($COLUMNS, $LINES), then the terminal, then the fallback; at most MAX_SIZE. */
function sizeOf(flag: number | undefined, env: string | undefined, tty: number | undefined, fallback: number): number {
  const fromEnv = Number(env)
  return Math.min(MAX_SIZE, flag ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined) ?? (tty && tty > 0 ? tty : fallback))
}

export default class Dashboard extends BaseCommand<typeof Dashboard> {
  static override description =
    'The morning view: KPI tiles with trends, the scorecard, the next 14 days, tasks, runs, top members, the latest survey and the top suggestion (full screen and keyboard-driven on a terminal; --once draws one frame)'

  static override examples = [
    {command: '<%= config.bin %> dashboard', description: 'Full screen: tab between panels, enter for detail, r refresh, ? help, q quit'},
    {command: '<%= config.bin %> dashboard --once --width 100', description: 'One frame as plain text, for CI logs and screenshots'},
    {command: '<%= config.bin %> dashboard --json', description: 'What the panels show, as JSON'},
  ]

  static override flags = {
    height: Flags.integer({description: 'Lines of the frame with --once (default: $LINES, the terminal, or 24)', min: 14, max: MAX_SIZE}),
    once: Flags.boolean({
      description: 'Draw one frame to stdout and exit (no cursor codes; no colour when NO_COLOR is set or stdout is not a terminal)',
    }),
    width: Flags.integer({description: 'Columns of the frame with --once (default: $COLUMNS, the terminal, or 80)', min: 40, max: MAX_SIZE}),
  }

  async run(): Promise<DashboardModel> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const load = () => loadDashboard(ws, store, {now: new Date()})
    if (this.jsonEnabled()) return load()
    // Ink loads while the store is read: the first frame waits for the slower of the two, not for both
    const [model, view] = await Promise.all([load(), loadDashboardView()])
    const tty = Boolean(process.stdout.isTTY && process.stdin.isTTY)
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR
    if (this.flags.once || !tty) {
      const width = sizeOf(this.flags.width, process.env.COLUMNS, process.stdout.columns, 80)
      const height = sizeOf(this.flags.height, process.env.LINES, process.stdout.rows, 24)
      process.stdout.write(view.renderDashboardOnce(model, {t: this.t, locale: this.locale, width, height, color}) + '\n')
      return model
    }
    await view.runDashboard({initial: model, reload: load, t: this.t, locale: this.locale, color})
    return model
  }
}
