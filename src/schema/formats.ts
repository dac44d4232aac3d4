/** The string formats commops' schemas use, by name: the same checks for ajv (at build and at run time) and for quick-check.ts. */
import {isIsoDate} from '../util/dates.js'
import {isTimezone} from '../util/timezone.js'

/** `date`: a YYYY-MM-DD date that exists (RFC 3339 full-date); `iana-timezone`: a zone this Node knows. */
export const FORMATS: Readonly<Record<string, (text: string) => boolean>> = {date: isIsoDate, 'iana-timezone': isTimezone}

/** The formats as ajv takes them (`ajv.addFormat(name, definition)`): strings only. */
export function ajvFormats(): Record<string, {type: 'string'; validate: (text: string) => boolean}> {
  return Object.fromEntries(Object.entries(FORMATS).map(([name, validate]) => [name, {type: 'string' as const, validate}]))
}
