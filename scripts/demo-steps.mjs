// The demo's later steps; each issue that lands a command adds its step here.
export const steps = [
  ['Create the satisfaction survey', ['survey', 'create', '--template', 'satisfaction']],
  ['Export it as a GitHub issue form', ['survey', 'export', 'S1', '--format', 'github-issue-form', '--out', 'out/satisfaction-survey.yml']],
  [
    'Export it as a printable HTML page (no external requests)',
    ['survey', 'export', 'S1', '--format', 'html', '--out', 'out/satisfaction-survey.html'],
  ],
  ['Generate a 4-week content calendar', ['calendar', 'generate', '--from', '2026-12-01', '--weeks', '4']],
  ['Show it', ['calendar', 'show', '--from', '2026-12-01', '--to', '2026-12-14']],
  ['Generate the rules (群规)', ['rules', 'generate', '--template', 'brand']],
  ['Record an incident', ['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--note', '广告刷屏']],
  ['Import a quarter of the community’s activity (the sample put it in data/)', ['events', 'import', 'data/activity.ndjson']],
  ['Import it again: nothing new is added', ['events', 'import', 'data/activity.ndjson']],
  ['What the activity holds', ['events', 'stats']],
]
