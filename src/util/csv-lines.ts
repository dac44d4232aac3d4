/** What csv-parse tells of where it is, in a record's info or a skip's error: bytes read (UTF-8), empty lines skipped. */
export interface CsvContext {
  bytes?: number
  empty_lines?: number
}

/**
 * The line each record of csv-parse starts on, for a text read whole or in pieces. csv-parse's own line count is not
 * used: it counts a CR LF inside a quoted cell as two lines and gives the end of the file for a quote never closed.
 * A record starts on the line of the byte where the one before it ended (csv-parse counts UTF-8 bytes), plus the
 * empty lines it skipped since. CR LF, LF and a lone CR each end a line.
 */
export class CsvLines {
  private lines = new ByteLines()
  private end = 0
  private empty = 0

  /** The next piece of the text, before csv-parse reads it. */
  feed(text: string): void {
    this.lines.feed(text)
  }

  /**
   * csv-parse's `on_record`: each record as `{record, line}`, the line it starts on, from the context csv-parse hands
   * `on_record` as its second argument (its typings want a record of the same type back).
   */
  readonly onRecord = ((record: string[], ctx: CsvContext) => ({record, line: this.next(ctx)})) as unknown as undefined

  /** The line a record starts on, from the context csv-parse hands `on_record` as its second argument. */
  recordLine(ctx: CsvContext): number {
    return this.next(ctx)
  }

  /** The line a record csv-parse skipped (its `on_skip` error, in the order it reports them) starts on. */
  skipped(err: CsvContext & {code?: string}): number {
    // a quote never closed is reported at the end of the record before it: it starts there, and ends nothing
    return this.next(err, err.code === 'CSV_QUOTE_NOT_CLOSED')
  }

  /** The line holding the UTF-8 byte at this offset of the text fed; offsets asked for must not decrease. */
  lineAt(bytes: number): number {
    return this.lines.lineAt(bytes)
  }

  /** The line of the record (or skipped record) csv-parse reported with this context, in the order it reports them. */
  private next(ctx: CsvContext, unclosed = false): number {
    const line = this.lines.lineAt(this.end) + (ctx.empty_lines ?? this.empty) - this.empty
    if (!unclosed) this.end = ctx.bytes ?? this.end
    this.empty = ctx.empty_lines ?? this.empty
    return line
  }
}

/** Line numbers of UTF-8 byte offsets into a text read in pieces. */
class ByteLines {
  /** Byte offsets where the lines after `line` start, in order; those passed by `lineAt` are dropped. */
  private starts: number[] = []
  private head = 0
  /** The line `lineAt` last answered. */
  private line = 1
  private bytes = 0
  /** The last piece ended with a CR: an LF at the start of the next one belongs to the same line break. */
  private openCr = false

  /** Counts the line breaks of the next piece of the text. */
  feed(text: string): void {
    let i = 0
    if (this.openCr && text.charCodeAt(0) === 10) {
      this.bytes++
      this.starts[this.starts.length - 1] = this.bytes
      i = 1
    }
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) {
        this.bytes++
        if (c === 10) this.starts.push(this.bytes)
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) {
            this.bytes++
            i++
          }
          this.starts.push(this.bytes)
        }
      } else if (c < 0x800) this.bytes += 2
      else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        this.bytes += 4
        i++
      } else this.bytes += 3
    }
    if (text.length > 0) this.openCr = text.charCodeAt(text.length - 1) === 13
  }

  /** The 1-based line holding the byte at `offset`; offsets asked for must not decrease. */
  lineAt(offset: number): number {
    while (this.head < this.starts.length && this.starts[this.head] <= offset) {
      this.head++
      this.line++
    }
    if (this.head > 4096 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head)
      this.head = 0
    }
    return this.line
  }
}
