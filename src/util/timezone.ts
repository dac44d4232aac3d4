let names: readonly string[] | undefined
let canonical: Set<string> | undefined

/** The canonical IANA timezone names this Node knows (ICU's list, ~400), asked of Intl once. */
export function timeZoneNames(): readonly string[] {
  return (names ??= Intl.supportedValuesOf('timeZone'))
}

/**
 * True when the name is an IANA timezone that this Node knows: a canonical name in ICU's list, or any other name that
 * Intl accepts (UTC, old aliases such as US/Eastern). Intl throws a RangeError on a zone it does not know.
 */
export function isTimezone(name: string): boolean {
  canonical ??= new Set(timeZoneNames())
  if (canonical.has(name)) return true
  if (!name) return false
  try {
    new Intl.DateTimeFormat('en-US', {timeZone: name})
    return true
  } catch {
    return false
  }
}
