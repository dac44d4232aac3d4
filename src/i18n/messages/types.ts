/** One message in both languages (here, not in i18n/index, so the tables do not import the translator). */
export type Entry = Record<'zh-CN' | 'en', string>

/** A table of messages by key. */
export type Messages = Record<string, Entry>
