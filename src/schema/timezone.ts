import {IANAZone} from 'luxon'

let canonical: Set<string> | undefined

/**
 * True when the name is an IANA timezone that this Node knows. Canonical names are looked up in ICU's list (about
 * 2 ms the first time); anything else (UTC, old aliases such as US/Eastern) asks luxon, whose first call builds a date
 * formatter (about 25 ms), so `validate` does not pay for that on every community.yaml.
 */
export function isTimezone(name: string): boolean {
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'))
  return canonical.has(name) || IANAZone.isValidZone(name)
}
