// Stands in for the `debug` package in the bundles (scripts/bundle.mjs): without DEBUG every logger is off, as with
// the real package, so there is no need to load it; with DEBUG set it is the real package.
'use strict'
function off(namespace) {
  const log = () => {}
  log.enabled = false
  log.namespace = namespace
  log.extend = (sub, delimiter = ':') => off(`${namespace}${delimiter}${sub}`)
  return log
}
module.exports = process.env.DEBUG ? require('debug') : off
