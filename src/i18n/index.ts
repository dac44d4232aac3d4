import type {Msg} from '../errors.js'
import {catalogue} from './messages/index.js'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export type {Entry, Messages} from './messages/types.js'

export type Translate = (key: string | Msg, params?: Record<string, unknown>) => string

/** Picks a locale from a `LANG`-style value (`zh_CN.UTF-8`, `en_US`), or undefined. */
export function localeFromEnv(value: string | undefined): Locale | undefined {
  if (!value) return undefined
  const v = value.toLowerCase()
  if (v.startsWith('zh')) return 'zh-CN'
  if (v.startsWith('en') || v === 'c' || v.startsWith('c.') || v === 'posix') return 'en'
  return undefined
}

/** The flag, then the workspace, then the environment, then English. */
export function resolveLocale(flag?: string, workspace?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  for (const candidate of [flag, workspace]) {
    if (candidate && isLocale(candidate)) return candidate
  }
  return localeFromEnv(env.LC_ALL) ?? localeFromEnv(env.LC_MESSAGES) ?? localeFromEnv(env.LANG) ?? 'en'
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

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
    const entry = Object.hasOwn(catalogue, msg.key) ? catalogue[msg.key] : undefined
    const template = entry ? (entry[locale] ?? entry.en) : msg.key
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
