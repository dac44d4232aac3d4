/** File extension per export format. */
export const FORMAT_EXT: Record<string, string> = {
  md: 'md',
  json: 'json',
  csv: 'csv',
  ics: 'ics',
  html: 'html',
  yaml: 'yaml',
  txt: 'txt',
  surveyjs: 'surveyjs.json',
  'github-issue-form': 'yml',
}
