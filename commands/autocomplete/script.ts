// oclif's `autocomplete` command, bundled with commops so that it runs on commops' one copy of @oclif/core (the
// plugin's package exports only its index: tsconfig.json's `paths` lets the build reach its command files)
export {default} from '@oclif/plugin-autocomplete/lib/commands/autocomplete/script.js'
