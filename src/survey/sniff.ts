/** What a file given to `survey ingest` is, from its first bytes (and a zip's list of names): responses, or something else. */

/** Files `survey ingest` cannot read, each with a message `survey.ingest.foreign.<kind>` and its hint. */
export const FOREIGN_KINDS = ['xls', 'zip', 'slack', 'discord', 'telegram', 'qq', 'json', 'pdf', 'survey'] as const
export type ForeignKind = (typeof FOREIGN_KINDS)[number]

export type InputKind = {kind: 'csv'} | {kind: 'xlsx'} | {kind: 'foreign'; what: ForeignKind; entries?: string[]}

const ascii = (data: Uint8Array, from: number, to: number) =>
  Buffer.from(data.buffer, data.byteOffset + from, Math.max(0, to - from)).toString('latin1')
const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8)
const u32 = (d: Uint8Array, at: number) => (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0

/** The names in a zip archive's central directory; empty when it cannot be found (a truncated archive). */
export function zipEntries(data: Uint8Array): string[] {
  // The end-of-central-directory record is in the last 22 + 65535 bytes (a comment may follow it).
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 65_535); at--) {
    if (u32(data, at) !== 0x06054b50) continue
    const count = u16(data, at + 10)
    let entry = u32(data, at + 16)
    const names: string[] = []
    for (let i = 0; i < count && entry + 46 <= data.length && u32(data, entry) === 0x02014b50; i++) {
      const nameLength = u16(data, entry + 28)
      names.push(Buffer.from(data.buffer, data.byteOffset + entry + 46, Math.min(nameLength, data.length - entry - 46)).toString('utf8'))
      entry += 46 + nameLength + u16(data, entry + 30) + u16(data, entry + 32)
    }
    return names
  }
  return []
}

/** True when the names are a Slack workspace export (channels.json and users.json at the top, a folder per channel). */
export function isSlackExport(names: string[]): boolean {
  const top = new Set(names.map((n) => n.replace(/^\.\//, '')))
  return top.has('channels.json') && (top.has('users.json') || top.has('integration_logs.json'))
}

const TELEGRAM_TYPES =
  /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|private_channel|public_channel|bot_chat|saved_messages)"/

/** Sniffs a file from its bytes: an xlsx workbook, a chat export or other non-table, or (by default) CSV text. */
export function sniffInput(data: Uint8Array): InputKind {
  if (data.length >= 8 && u32(data, 0) === 0xe011cfd0 && u32(data, 4) === 0xe11ab1a1) return {kind: 'foreign', what: 'xls'}
  if (data.length >= 4 && u32(data, 0) === 0x04034b50) {
    const entries = zipEntries(data)
    if (entries.includes('[Content_Types].xml') && entries.some((n) => n.startsWith('xl/'))) return {kind: 'xlsx'}
    if (isSlackExport(entries)) return {kind: 'foreign', what: 'slack'}
    return {kind: 'foreign', what: 'zip', entries: entries.filter((n) => /\.(csv|xlsx)$/i.test(n) && !n.startsWith('__MACOSX/'))}
  }
  if (ascii(data, 0, 5) === '%PDF-') return {kind: 'foreign', what: 'pdf'}
  // Text: skip a UTF-8 BOM; chat exports are UTF-8 JSON or text.
  const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0
  const head = Buffer.from(data.buffer, data.byteOffset + start, Math.min(data.length - start, 64 * 1024)).toString('utf8')
  const trimmed = head.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (/"guild"\s*:/.test(head) && /"channel"\s*:/.test(head)) return {kind: 'foreign', what: 'discord'}
    if ((/"messages"\s*:/.test(head) && TELEGRAM_TYPES.test(head)) || /"chats"\s*:\s*\{/.test(head)) return {kind: 'foreign', what: 'telegram'}
    if (/^\{\s*"(apiVersion|kind)"/.test(trimmed) && /"kind"\s*:\s*"Survey"/.test(head)) return {kind: 'foreign', what: 'survey'}
    if (/^[[{]\s*["{[\]}]/.test(trimmed)) return {kind: 'foreign', what: 'json'}
  }
  if (/^消息记录/.test(trimmed) || (/^消息分组\s*[:：]/m.test(head) && /^消息对象\s*[:：]/m.test(head))) return {kind: 'foreign', what: 'qq'}
  if (/^apiVersion\s*:\s*commops\//m.test(head) && /^kind\s*:\s*Survey\b/m.test(head)) return {kind: 'foreign', what: 'survey'}
  return {kind: 'csv'}
}
