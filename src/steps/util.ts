/** Kept for playbook/runner.ts (owned elsewhere) until it imports from util/ directly. */
export {canonicalJson, stableHash} from '../util/json.js'
export {dateIn} from '../util/dates.js'
