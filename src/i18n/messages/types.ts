/** One message in both languages (the same shape as i18n's Entry; kept here so the tables do not import i18n/index). */
export type Entry = Record<'zh-CN' | 'en', string>

/** A table of messages by key. */
export type Messages = Record<string, Entry>
