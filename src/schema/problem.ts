/** One thing wrong in a file, located and explained, in the reader's language. */
export interface Problem {
  file: string
  line: number
  col: number
  /** JSON pointer inside the document, '' for the whole document. */
  path: string
  /** A stable rule id, e.g. `schema.required`, `yaml.duplicateKey`, `playbook.unknownStep`. */
  rule: string
  message: string
  hint?: string
  severity: 'error' | 'warning'
  /** Which document of a multi-document file, when there is more than one. */
  document?: number
}

/** Orders problems by file, then line, then column. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule))
}
