import {IANAZone} from 'luxon'

let canonical: Set<string> | undefined

/** ICU's list of canonical zones as the build's Node knew it (scripts/bundle.mjs), and that Node's version. */
declare const __COMMOPS_TIMEZONES__: {node: string; zones: string[]} | undefined
function canonicalZones(): string[] {
  const built = typeof __COMMOPS_TIMEZONES__ === 'undefined' ? undefined : __COMMOPS_TIMEZONES__
  return built?.node === process.versions.node ? built.zones : Intl.supportedValuesOf('timeZone')
}

/**
 * True when the name is an IANA timezone that this Node knows. Canonical names are looked up in ICU's list (built
 * into the bundle for the Node that built it, else asked of ICU, about 2 ms); anything else (UTC, old aliases such as
 * US/Eastern) asks luxon, whose first call builds a date formatter (about 25 ms), so `validate` does not pay for that
 * on every community.yaml.
 */
export function isTimezone(name: string): boolean {
  canonical ??= new Set(canonicalZones())
  return canonical.has(name) || IANAZone.isValidZone(name)
}
