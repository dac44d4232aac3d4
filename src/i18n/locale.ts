/** Which language to speak: light on purpose (no messages), so --help and hooks can decide before loading any. */

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

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
