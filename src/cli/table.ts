import Table from 'cli-table3'

/** A borderless, CJK-aligned table (cli-table3 measures width with string-width, so 中文 counts double). */
export function table(head: string[], rows: Array<Array<string | number | undefined>>): string {
  const t = new Table({
    head,
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: {head: process.stdout.isTTY && !process.env.NO_COLOR ? ['bold'] : [], border: [], 'padding-left': 0, 'padding-right': 0},
  })
  for (const row of rows) t.push(row.map((c) => (c === undefined ? '' : String(c))))
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
}
