/** Kept for modules outside this layer's owners; use util/suggest.js. */
export {closest, editDistance} from '../util/suggest.js'
