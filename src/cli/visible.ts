/**
 * Text for a terminal with its control characters shown as `\xNN` (line breaks and tabs kept): a message or a table
 * quoting a stranger's data (a CSV header, a member's name from a chat export) must not send the terminal escape
 * sequences from it (colours, a new window title, a cleared screen).
 */
export const visible = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
