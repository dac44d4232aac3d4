/** Small helpers every importer shares. */
import type {ImportItem} from '../types.js'

/** A rejected record: where it is and the message key of why. */
export const reject = (at: string, key: string, params?: Record<string, unknown>): ImportItem => ({
  reject: {at, reason: {key: `events.reject.${key}`, ...(params ? {params} : {})}},
})

/** A plain object, or undefined. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/** A non-empty string or a finite number, as a string; else undefined. */
export const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined

/** A JSON path for locations: `file:messages[3]`. */
export const jsonAt = (display: string, key: string, index?: number): string => `${display}:${key}${index === undefined ? '' : `[${index}]`}`
