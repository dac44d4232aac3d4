// What bin/run.js needs from oclif, as an entry of the bundle: oclif is bundled with commops (one copy, loaded from one
// file instead of ~170), so the launcher takes it from here rather than from node_modules.
export {flush, handle, run, settings} from '@oclif/core'
