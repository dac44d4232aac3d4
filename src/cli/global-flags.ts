import {Flags} from '@oclif/core'
import {LOCALES} from '../i18n/locale.js'

/** --lang and --workspace: every command has them (BaseCommand.baseFlags), `help` too. Their Chinese is in HELP_ZH.globalFlags. */
export const globalFlags = {
  lang: Flags.option({
    description: 'Language of messages and outputs (default: the workspace locale, then LANG)',
    helpGroup: 'GLOBAL',
    options: LOCALES,
  })(),
  workspace: Flags.string({
    description: 'Workspace folder (default: the nearest folder with community.yaml)',
    env: 'COMMOPS_WORKSPACE',
    helpGroup: 'GLOBAL',
  }),
}
