import {IANAZone} from 'luxon'

let canonical: Set<string> | undefined

/**
 * True when the name is an IANA timezone that this Node knows: a canonical name in ICU's list, or anything else that
 * luxon accepts (UTC, old aliases such as US/Eastern).
 */
export function isTimezone(name: string): boolean {
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'))
  return canonical.has(name) || IANAZone.isValidZone(name)
}
