import type {Msg} from '../errors.js'
import {messageTable} from './tables.js'
import type {Locale} from './locale.js'

export {isLocale, LOCALES, localeFromEnv, resolveLocale, type Locale} from './locale.js'
export type {Entry, Messages} from './messages/types.js'

export type Translate = (key: string | Msg, params?: Record<string, unknown>) => string

/**
 * A message given as a parameter of another message, in any of its forms: `{$msg: {key, params}}`, `{$key: 'key'}`
 * or a plain `{key, params}`; undefined for any other value.
 */
function nestedMsg(value: unknown): Msg | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as {$msg?: Msg; $key?: unknown; key?: unknown}
  if (v.$msg && typeof v.$msg.key === 'string') return v.$msg
  if (typeof v.$key === 'string') return {key: v.$key}
  return typeof v.key === 'string' ? (v as Msg) : undefined
}

/** A translator bound to a locale; unknown keys come back as the key so a missing string is visible, not fatal. */
export function translator(locale: Locale): Translate {
  const translate: Translate = (key, params) => {
    const msg: Msg = typeof key === 'string' ? {key, params} : key
    const table = messageTable(locale)
    const template = Object.hasOwn(table, msg.key) ? table[msg.key] : msg.key
    const all: Record<string, unknown> = {...msg.params, ...params}
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in all)) return whole
      const nested = nestedMsg(all[name])
      return nested ? translate(nested) : String(all[name])
    })
  }
  return translate
}

/** A text given in both languages in a data file: a plain string, or `{zh-CN: .., en: ..}`. */
export type LocalizedText = string | Partial<Record<Locale, string>>

/** Picks the locale's text from a localized value, falling back to the other language. */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (text === undefined) return ''
  if (typeof text === 'string') return text
  return text[locale] ?? text.en ?? text['zh-CN'] ?? Object.values(text)[0] ?? ''
}
