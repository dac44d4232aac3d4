/** Importing this module registers every kind and semantic check, so validate and schema see them all. */
export {allKinds, findKind} from './kinds/index.js'
